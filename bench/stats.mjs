// Statistics for the benchmarks: median, nearest-rank percentiles, app/floor ratios, and summaries.

/**
 * @typedef {object} Summary
 * @property {number} n number of samples
 * @property {number} p50 median
 * @property {number} p95 95th percentile (nearest rank)
 * @property {number} min
 * @property {number} max
 */

/**
 * @param {readonly number[]} xs
 * @returns {number[]} a sorted copy
 */
function sorted(xs) {
  if (xs.length === 0) throw new Error('no samples');
  for (const x of xs) if (!Number.isFinite(x)) throw new Error(`not a finite sample: ${x}`);
  return xs.toSorted((a, b) => a - b);
}

/**
 * The middle value; the mean of the two middle values for an even count.
 * @param {readonly number[]} xs
 * @returns {number}
 */
export function median(xs) {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? /** @type {number} */ (s[mid]) : (/** @type {number} */ (s[mid - 1]) + /** @type {number} */ (s[mid])) / 2;
}

/**
 * Nearest-rank percentile: the smallest sample with at least `p` percent of the samples at or below it
 * (no interpolation, so it is always a value that was measured).
 * @param {readonly number[]} xs
 * @param {number} p 0 < p <= 100
 * @returns {number}
 */
export function percentile(xs, p) {
  if (!(p > 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`);
  const s = sorted(xs);
  const rank = Math.ceil((p / 100) * s.length);
  return /** @type {number} */ (s[Math.max(0, rank - 1)]);
}

/**
 * @param {readonly number[]} xs
 * @returns {number}
 */
export function p95(xs) {
  return percentile(xs, 95);
}

/**
 * app / floor; null when the floor is not a positive number (a ratio would mean nothing).
 * @param {number} app
 * @param {number} floor
 * @returns {number | null}
 */
export function ratio(app, floor) {
  if (!Number.isFinite(app) || !Number.isFinite(floor) || floor <= 0) return null;
  return app / floor;
}

/**
 * @param {readonly number[]} xs
 * @returns {Summary}
 */
export function summarize(xs) {
  const s = sorted(xs);
  return {
    n: s.length,
    p50: median(s),
    p95: percentile(s, 95),
    min: /** @type {number} */ (s[0]),
    max: /** @type {number} */ (s[s.length - 1]),
  };
}
