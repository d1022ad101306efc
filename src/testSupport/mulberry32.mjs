// The one seeded pseudo-random generator (mulberry32) of the tests and the benchmarks, so generated inputs are the
// same on every run. Plain JavaScript, so node runs it from bench/ without compiling; its types are in mulberry32.d.mts.

/**
 * Uniform 32-bit unsigned integers; one seed always gives one sequence.
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * Uniform floats in [0, 1), one per 32-bit draw.
 * @param {number} seed
 * @returns {() => number}
 */
export function seededRandom(seed) {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}
