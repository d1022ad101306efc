// The benchmarks' seeded pseudo-random helpers, on the one generator shared with the tests
// (src/testSupport/mulberry32.mjs), so generated inputs are the same on every run.
import { seededRandom } from '../src/testSupport/mulberry32.mjs';

/**
 * @typedef {object} Prng
 * @property {() => number} next a float in [0, 1)
 * @property {(n: number) => number} int an integer in [0, n)
 * @property {<T>(items: readonly T[]) => T} pick one item
 * @property {(p: number) => boolean} chance true with probability p
 */

/**
 * @param {number} seed
 * @returns {Prng}
 */
export function createPrng(seed) {
  const next = seededRandom(seed);
  const int = (/** @type {number} */ n) => Math.floor(next() * n);
  /**
   * @template T
   * @param {readonly T[]} items
   * @returns {T}
   */
  const pick = (items) => {
    if (items.length === 0) throw new Error('nothing to pick from');
    return /** @type {T} */ (items[int(items.length)]);
  };
  return { next, int, pick, chance: (p) => next() < p };
}
