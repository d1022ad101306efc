// Types of mulberry32.mjs, the one seeded generator shared by the tests (TypeScript) and the benchmarks (node).

/** Uniform 32-bit unsigned integers; one seed always gives one sequence. */
export function mulberry32(seed: number): () => number;

/** Uniform floats in [0, 1), one per 32-bit draw. */
export function seededRandom(seed: number): () => number;
