// `npm run bench [-- --quick] [-- --only t1,m1] [-- --build|--no-build] [-- --no-write]`: builds the app into dist-bench/,
// runs each case in its own vitest process (a quick run: all in one), inside a private network namespace when one
// can be made, prints the table and rewrites docs/BENCHMARKS.md. Not part of `npm test`; nothing asserts a timing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsFresh } from './buildFreshness.mjs';
import { CASES, caseById } from './cases/index.mjs';
import { fmtMs } from './format.mjs';
import { describeMachine } from './machine.mjs';
import { insideNamespace, namespaceFlags } from './namespace.mjs';
import { BENCH_DIST, BENCHMARKS_DOC, REPO_ROOT } from './paths.mjs';
import { benchmarksMarkdown } from './report.mjs';
import { makeRow } from './rows.mjs';
import { textTable } from './table.mjs';
import { TRACE_NAMES, TRACE_SOURCE, traceAvailable } from './traces.mjs';

/** @typedef {import('./rows.mjs').Row} Row */

const USAGE = `usage: npm run bench -- [--quick] [--only <ids>] [--build | --no-build] [--no-write]
  --quick     fewer rounds (under two minutes); reuses dist-bench/ when it is newer than its sources
  --only      comma-separated case ids (${CASES.map((c) => c.id).join(', ')}); implies --no-write unless --write
  --build     always build dist-bench/ (the default of a full run)
  --no-build  reuse dist-bench/ as it is
  --no-write  do not rewrite docs/BENCHMARKS.md`;

const CASE_TIMEOUT_MS = 10 * 60_000;

/**
 * @param {readonly string[]} argv
 */
function parseArgs(argv) {
  const opts = { quick: false, only: /** @type {string[] | null} */ (null), build: /** @type {boolean | null} */ (null), write: true, help: false };
  let writeForced = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--build') opts.build = true;
    else if (a === '--no-write') opts.write = false;
    else if (a === '--write') writeForced = true;
    else if (a === '--help' || a === '-h') opts.help = true;
    else if (a === '--only') opts.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a.startsWith('--only=')) opts.only = a.slice(7).split(',').filter(Boolean);
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (opts.only && !writeForced) opts.write = false;
  if (writeForced) opts.write = true;
  return opts;
}

/**
 * Runs a command in its own process group; on timeout or Ctrl-C the group gets SIGTERM, then SIGKILL.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, timeoutMs: number, echoStderr: boolean }} options
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string, timedOut: boolean }>}
 */
function runProcess(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (options.echoStderr) process.stderr.write(d);
    });
    const stop = () => {
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      setTimeout(() => {
        try {
          if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    const onSignal = () => stop();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/**
 * @param {import('./cases/index.mjs').CaseEntry} entry
 * @param {string} reason
 * @returns {Row}
 */
function failedRow(entry, reason) {
  return makeRow({
    id: entry.id.toUpperCase(),
    label: entry.title,
    unit: 'ms',
    app: { p50: NaN, p95: null, n: 0 },
    floor: null,
    floorLabel: 'not measured',
    rounds: '0',
    target: '–',
    met: null,
    note: `FAILED: ${reason}`,
  });
}

/**
 * @param {string} text
 * @returns {string} the first error line of a process's output (run with NO_COLOR), or its last line
 */
function errorLine(text) {
  const clean = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = clean.find((l) => /^(\w*Error|Error:)/.test(l)) ?? clean.find((l) => /FAIL|failed|timed out/i.test(l) && !/Test Files|Tests\s/.test(l));
  return (error ?? clean.at(-1) ?? 'no output').slice(0, 300);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  const date = new Date();
  const machine = describeMachine();
  const selected = opts.only ? opts.only.map(caseById) : [...CASES];
  process.stderr.write(`bench: ${opts.quick ? 'quick' : 'full'} run of ${selected.map((c) => c.id).join(', ')} on ${machine.cpu} (${machine.cores} cores), Chromium ${machine.chromium}\n`);
  for (const name of TRACE_NAMES) {
    if (!traceAvailable(name)) process.stderr.write(`bench: trace ${name} is missing; it comes from ${TRACE_SOURCE}. A generated trace stands in, labelled as such.\n`);
  }

  /** @type {number | null} */
  let buildMs = null;
  const build = opts.build ?? !(opts.quick && buildIsFresh(REPO_ROOT, BENCH_DIST));
  if (build || !existsSync(path.join(BENCH_DIST, 'index.html'))) {
    process.stderr.write('bench: vite build --outDir dist-bench\n');
    const t = performance.now();
    const built = await runProcess(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', BENCH_DIST], {
      timeoutMs: 5 * 60_000,
      echoStderr: false,
    });
    buildMs = performance.now() - t;
    if (built.code !== 0) {
      process.stderr.write(`${built.stdout}\n${built.stderr}\nbench: the build failed\n`);
      return 1;
    }
  } else {
    process.stderr.write('bench: reusing dist-bench/ (newer than its sources)\n');
  }

  const flags = namespaceFlags();
  if (flags === null) process.stderr.write('bench: no private network namespace (needs root or user namespaces); WebRTC cases are skipped\n');
  const resultDir = mkdtempSync(path.join(os.tmpdir(), 'referat-bench-'));
  // Inputs one case makes and later cases reuse (the typed 200-page referat), for this run only.
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'referat-bench-cache-'));
  // A full run gives every case its own process, one after another. A quick run has two processes side by side, each
  // with its share of the cases (`quickProcess`); its figures are rougher, as the processes share the cores.
  const groups = opts.quick ? [0, 1].map((n) => selected.filter((c) => c.quickProcess === n)).filter((g) => g.length > 0) : selected.map((entry) => [entry]);
  /** @type {Row[]} */
  const rows = [];
  /** @type {Array<{ id: string, ms: number, ok: boolean }>} */
  const caseTimes = [];
  let failures = 0;
  /** @param {typeof selected} group */
  const runGroup = async (group) => {
    const vitest = path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const { command, args } = insideNamespace(flags, process.execPath, [vitest, 'run', '--config', path.join('bench', 'vitest.config.mjs')]);
    const env = {
      ...process.env,
      BENCH_CASES: group.map((c) => c.id).join(','),
      BENCH_RESULT_DIR: resultDir,
      BENCH_CACHE_DIR: cacheDir,
      BENCH_DIST,
      BENCH_QUICK: opts.quick ? '1' : '0',
      BENCH_NETNS: flags === null ? 'host' : 'private',
      NO_COLOR: '1',
    };
    const t = performance.now();
    const res = await runProcess(command, args, { env, timeoutMs: CASE_TIMEOUT_MS * group.length, echoStderr: true });
    const groupMs = performance.now() - t;
    /** @type {{ rows: Row[], times: Array<{ id: string, ms: number, ok: boolean }>, failures: number }} */
    const out = { rows: [], times: [], failures: 0 };
    for (const entry of group) {
      const resultFile = path.join(resultDir, `${entry.id}.json`);
      if (existsSync(resultFile)) {
        const result = /** @type {{ rows: Row[], ms: number }} */ (JSON.parse(readFileSync(resultFile, 'utf8')));
        out.rows.push(...result.rows);
        out.times.push({ id: entry.id, ms: group.length === 1 ? groupMs : result.ms, ok: true });
      } else {
        out.failures += 1;
        const reason = res.timedOut ? `timed out after ${fmtMs(CASE_TIMEOUT_MS * group.length)}` : errorLine(`${res.stdout}\n${res.stderr}`);
        out.rows.push(failedRow(entry, reason));
        out.times.push({ id: entry.id, ms: group.length === 1 ? groupMs : NaN, ok: false });
        process.stderr.write(`✗ ${entry.id.toUpperCase()} failed: ${reason}\n`);
      }
    }
    if (res.code !== 0) process.stderr.write(`${res.stdout}\n`);
    return out;
  };
  try {
    const outcomes = [];
    if (opts.quick) outcomes.push(...(await Promise.all(groups.map(runGroup))));
    else for (const group of groups) outcomes.push(await runGroup(group));
    // Rows in the order of the case list, whichever process finished first.
    const order = new Map(selected.map((c, i) => [c.id.toUpperCase(), i]));
    for (const o of outcomes) {
      rows.push(...o.rows);
      caseTimes.push(...o.times);
      failures += o.failures;
    }
    rows.sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
    caseTimes.sort((a, b) => (order.get(a.id.toUpperCase()) ?? 99) - (order.get(b.id.toUpperCase()) ?? 99));
  } finally {
    rmSync(resultDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }

  const totalMs = performance.now() - started;
  const times = caseTimes.map((c) => `${c.id.toUpperCase()} ${Number.isFinite(c.ms) ? fmtMs(c.ms) : '?'}`).join(', ');
  process.stdout.write(`\n${textTable(rows)}\n${opts.quick ? 'Quick' : 'Full'} run: ${fmtMs(totalMs)} (${buildMs === null ? 'build reused' : `build ${fmtMs(buildMs)}`}; ${times})\n`);
  if (opts.write) {
    const markdown = benchmarksMarkdown(rows, {
      date,
      quick: opts.quick,
      machine,
      loadAfter: os.loadavg(),
      privateNetwork: flags !== null,
      buildMs,
      cases: caseTimes,
      totalMs,
    });
    writeFileSync(BENCHMARKS_DOC, markdown);
    process.stdout.write(`Wrote ${path.relative(REPO_ROOT, BENCHMARKS_DOC)}\n`);
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
