// A deterministic PRNG so random-input tests fail the same way every run: mulberry32.mjs, shared with the benchmarks.
import { seededRandom } from './mulberry32.mjs';

export { seededRandom };

export function seededBytes(seed: number, length: number): Uint8Array {
  const next = seededRandom(seed);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}
