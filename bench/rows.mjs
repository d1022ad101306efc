// One line of the results table: a measured figure beside its floor, with rounds, target and a note.
import { ratio, summarize } from './stats.mjs';

/**
 * @typedef {object} Figure
 * @property {number} p50 the median (or the single value of a deterministic measurement)
 * @property {number | null} p95 null when the figure is not a distribution
 * @property {number} n samples behind it
 */

/**
 * @typedef {object} Row
 * @property {string} id the case id, e.g. `T1`
 * @property {string} label what was measured, e.g. `replay automerge-paper`
 * @property {'ms' | 'bytes'} unit
 * @property {Figure} app
 * @property {Figure | null} floor null when no floor could be measured
 * @property {string} floorLabel what the floor is
 * @property {number | null} ratioP50 app p50 / floor p50
 * @property {number | null} ratioP95 app p95 / floor p95, for distributions
 * @property {string} rounds how many measurements, e.g. `5 + 5 (ABBA)`
 * @property {string} target e.g. `ratio ≤ 1.3×`
 * @property {boolean | null} met null when the target could not be judged (not measured)
 * @property {string} note one line: what it means, or why the target is missed
 * @property {boolean} [generatedInput] true when a generated trace stood in for a missing one
 */

/**
 * @param {readonly number[]} samples
 * @returns {Figure}
 */
export function distribution(samples) {
  const s = summarize(samples);
  return { p50: s.p50, p95: s.p95, n: s.n };
}

/**
 * A deterministic figure (bytes, or one measured value).
 * @param {number} value
 * @returns {Figure}
 */
export function single(value) {
  return { p50: value, p95: null, n: 1 };
}

/**
 * A figure that is the median of a few whole-run timings: p95 is left out (it would be the slowest run).
 * @param {readonly number[]} samples
 * @returns {Figure}
 */
export function medianOf(samples) {
  return { p50: summarize(samples).p50, p95: null, n: samples.length };
}

/**
 * @param {Omit<Row, 'ratioP50' | 'ratioP95'>} row
 * @returns {Row}
 */
export function makeRow(row) {
  const ratioP50 = row.floor ? ratio(row.app.p50, row.floor.p50) : null;
  const ratioP95 = row.floor && row.app.p95 !== null && row.floor.p95 !== null ? ratio(row.app.p95, row.floor.p95) : null;
  return { ...row, ratioP50, ratioP95 };
}
