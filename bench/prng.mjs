// A small seeded pseudo-random generator (mulberry32), so generated inputs are the same on every run.

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
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
