// The results as a plain-text table for the terminal, notes listed below it.
import { fmtRatio, fmtValue } from './format.mjs';

/** @typedef {import('./rows.mjs').Row} Row */

/**
 * @param {Row} row
 * @returns {string}
 */
export function verdict(row) {
  if (row.met === null) return row.app.n === 0 ? 'not run' : '–';
  return row.met ? 'met' : 'MISSED';
}

/**
 * The cells shared by the terminal table and the Markdown table.
 * @param {Row} row
 * @returns {string[]}
 */
export function cells(row) {
  const label = row.generatedInput ? `${row.label} [generated trace]` : row.label;
  return [
    row.id,
    label,
    fmtValue(row.app.p50, row.unit),
    row.app.p95 === null ? '' : fmtValue(row.app.p95, row.unit),
    row.floor ? fmtValue(row.floor.p50, row.unit) : '–',
    row.floor && row.floor.p95 !== null ? fmtValue(row.floor.p95, row.unit) : '',
    fmtRatio(row.ratioP50),
    row.ratioP95 === null ? '' : fmtRatio(row.ratioP95),
    row.rounds,
    row.target,
    verdict(row),
  ];
}

export const HEADERS = ['case', 'measure', 'app p50', 'app p95', 'floor p50', 'floor p95', 'ratio p50', 'ratio p95', 'rounds', 'target', 'target met'];

/**
 * @param {readonly Row[]} rows
 * @returns {string}
 */
export function textTable(rows) {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {readonly string[]} */ r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ''];
  rows.forEach((r) => out.push(`${r.id} ${r.label}: ${r.note}`));
  return `${out.join('\n')}\n`;
}
