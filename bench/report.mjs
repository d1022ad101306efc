// docs/BENCHMARKS.md: the machine, the date, the traces' attribution, and every row of the last run.
import { fmtMs } from './format.mjs';
import { cells, HEADERS } from './table.mjs';
import { ATTRIBUTION, TRACE_NAMES, TRACE_SOURCE, traceAvailable, tracePath } from './traces.mjs';

/** @typedef {import('./rows.mjs').Row} Row */
/** @typedef {import('./machine.mjs').Machine} Machine */

/**
 * @typedef {object} RunInfo
 * @property {Date} date
 * @property {boolean} quick
 * @property {Machine} machine
 * @property {number[]} loadAfter
 * @property {boolean} privateNetwork
 * @property {number | null} buildMs null when an existing build was reused
 * @property {Array<{ id: string, ms: number, ok: boolean }>} cases
 * @property {number} totalMs
 */

/**
 * @param {string} s
 * @returns {string}
 */
function cell(s) {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * @param {readonly string[]} r
 * @returns {string}
 */
function mdRow(r) {
  return `| ${r.map(cell).join(' | ')} |`;
}

/**
 * @param {readonly Row[]} rows
 * @param {RunInfo} run
 * @returns {string}
 */
export function benchmarksMarkdown(rows, run) {
  const m = run.machine;
  const load = (/** @type {number[]} */ l) => l.map((x) => x.toFixed(2)).join(' / ');
  const missingTraces = TRACE_NAMES.filter((n) => !traceAvailable(n));
  const out = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${run.quick ? ' -- --quick' : ''}\` (bench/run.mjs) on ${run.date.toISOString().slice(0, 10)} ` +
      `at ${run.date.toISOString().slice(11, 16)} UTC; a new run rewrites this file. How each case is measured, and the rules: ` +
      '[bench/README.md](../bench/README.md).',
    '',
    run.quick ? '**Quick run**: fewer rounds than a full run, in two processes side by side; the figures are rougher.\n' : '',
    '## Machine',
    '',
    '| CPU | cores | memory | OS | Node | Chromium | load average at start / end (1, 5, 15 min) |',
    '| --- | ---: | ---: | --- | --- | --- | --- |',
    mdRow([m.cpu, String(m.cores), `${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB`, m.os, m.node, m.chromium, `${load(m.loadBefore)} · ${load(run.loadAfter)}`]),
    '',
    Math.max(m.loadBefore[0] ?? 0, run.loadAfter[0] ?? 0) > m.cores
      ? 'Other work ran beside the bench (a load average above the core count): it slows app and floor alike, as they ' +
        'alternate, but widens the spread, above all of the browser figures.'
      : 'The 1-minute load average stayed at or below the core count at start and end.',
    '',
    '## Input',
    '',
    `Attribution: "${ATTRIBUTION}"`,
    '',
    missingTraces.length === 0
      ? `Read in place from \`../shared/data/editing-traces/\` (${TRACE_NAMES.join('.json.gz, ')}.json.gz); they are not part of this repository.`
      : `**Missing:** ${missingTraces.map((n) => `\`${tracePath(n)}\``).join(', ')}. The traces come from ${TRACE_SOURCE}. ` +
        'Rows marked [generated trace] ran on a generated stand-in instead, and are not comparable with real-trace figures.',
    '',
    'M1 types its own 200-page referat (generated Danish minutes text, keystroke by keystroke with corrections, seeded).',
    '',
    '## Results',
    '',
    'App and floor are measured in the same run, in alternating rounds (ABBA order: app, floor, floor, app, …). ' +
      'Figures are medians (p50); where a case yields a distribution, also its 95th percentile (p95, nearest rank). ' +
      'Ratio = app ÷ floor. Absolute figures always stand beside the ratios.',
    '',
    mdRow([...HEADERS, 'note']),
    mdRow([...HEADERS, 'note'].map(() => '---')),
    ...rows.map((r) => mdRow([...cells(r), r.note])),
    '',
    '### Floors',
    '',
    ...rows.map((r) => `- **${r.id}** ${r.label}: ${r.floorLabel}.`),
    '',
    '### Targets missed',
    '',
  ];
  const missed = rows.filter((r) => r.met === false);
  if (missed.length === 0) out.push('None.');
  for (const r of missed) out.push(`- **${r.id}** ${r.label} (target ${r.target}): ${r.note}`);
  out.push(
    '',
    '## This run',
    '',
    `${run.quick ? 'Quick' : 'Full'} run in ${fmtMs(run.totalMs)}` +
      (run.buildMs === null ? ' (existing dist-bench/ build reused)' : `, of which \`vite build --outDir dist-bench\` ${fmtMs(run.buildMs)}`) +
      `. WebRTC ran ${run.privateNetwork ? 'inside a private network namespace (loopback only)' : 'nowhere: no private network namespace could be made'}.`,
    '',
    '| case | time | result |',
    '| --- | ---: | --- |',
    ...run.cases.map((c) => mdRow([c.id.toUpperCase(), fmtMs(c.ms), c.ok ? 'ok' : 'FAILED'])),
    '',
  );
  return out.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}
