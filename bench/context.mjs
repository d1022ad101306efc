// What a bench case is told by the runner (bench/run.mjs) through the environment of its vitest process.

/**
 * @typedef {object} BenchContext
 * @property {string} caseId e.g. `t1`
 * @property {boolean} quick fewer rounds, for a check under two minutes
 * @property {string} resultDir where each case's rows go, as `<id>.json`
 * @property {string} dist the production build the browser cases serve (dist-bench/)
 * @property {boolean} privateNetwork true inside a private network namespace (needed for WebRTC)
 * @property {string | null} cacheDir the run's cache folder (inputs one case makes and later ones reuse), removed when the run ends
 * @property {(message: string) => void} log a progress line on stderr
 */

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} caseId
 * @returns {BenchContext}
 */
export function contextFromEnv(env, caseId) {
  const resultDir = env['BENCH_RESULT_DIR'];
  const dist = env['BENCH_DIST'];
  if (!resultDir || !dist) throw new Error('BENCH_CASES, BENCH_RESULT_DIR and BENCH_DIST must be set (run npm run bench)');
  const started = performance.now();
  return {
    caseId,
    quick: env['BENCH_QUICK'] === '1',
    resultDir,
    dist,
    privateNetwork: env['BENCH_NETNS'] === 'private',
    cacheDir: runCacheDir(env),
    log: (message) => process.stderr.write(`  [${caseId} ${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`),
  };
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null} the run's cache folder (BENCH_CACHE_DIR), or null when a case runs without one
 */
export function runCacheDir(env) {
  return env['BENCH_CACHE_DIR'] || null;
}
