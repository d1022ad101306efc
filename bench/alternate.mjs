// Runs the app and its floor in alternating rounds, in ABBA order (app, floor, floor, app, ...), so drift on the
// machine and warm-up effects fall on both sides alike.

/**
 * @typedef {() => Promise<number> | number} Measure one measurement; returns the measured value (e.g. ms)
 */

/** Collects garbage between measurements when node runs with --expose-gc (bench/vitest.config.mjs). */
export function collectGarbage() {
  const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
  if (gc) gc();
}

/**
 * @param {number} rounds measurements per side
 * @param {Measure} app
 * @param {Measure} floor
 * @param {{ onRound?: (round: number, app: number | undefined, floor: number | undefined) => void, gc?: boolean }} [options]
 * @returns {Promise<{ app: number[], floor: number[] }>}
 */
export async function alternate(rounds, app, floor, options = {}) {
  /** @type {number[]} */
  const appSamples = [];
  /** @type {number[]} */
  const floorSamples = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? /** @type {const} */ (['app', 'floor']) : /** @type {const} */ (['floor', 'app']);
    for (const side of order) {
      if (options.gc !== false) collectGarbage();
      if (side === 'app') appSamples.push(await app());
      else floorSamples.push(await floor());
    }
    options.onRound?.(r, appSamples[r], floorSamples[r]);
  }
  return { app: appSamples, floor: floorSamples };
}

/**
 * Times `fn` with performance.now().
 * @param {() => unknown} fn
 * @returns {number} milliseconds
 */
export function timeSync(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * @param {() => Promise<unknown>} fn
 * @returns {Promise<number>} milliseconds
 */
export async function timeAsync(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * CPU time this process used (user + system, all its threads) while `fn` ran, in milliseconds. Unlike wall time,
 * it barely moves when other processes compete for the cores; it does include V8's helper threads (GC).
 * @param {() => unknown} fn
 * @returns {{ wall: number, cpu: number }}
 */
export function timeSyncWithCpu(fn) {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/**
 * @param {() => Promise<unknown>} fn
 * @returns {Promise<{ wall: number, cpu: number }>}
 */
export async function timeAsyncWithCpu(fn) {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}
