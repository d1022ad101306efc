// Reproducible random UUIDs: addParticipant takes its ids from crypto.randomUUID, which a seeded run replaces.
import type { Prng } from './prng';

/** addParticipant takes its id from crypto.randomUUID; while `fn` runs, ids come from `rng` so a seed reproduces. */
export function withSeededUuids<T>(rng: Prng, fn: () => T): T {
  const c = globalThis.crypto as unknown as Record<string, unknown>;
  const own = Object.getOwnPropertyDescriptor(c, 'randomUUID');
  Object.defineProperty(c, 'randomUUID', { value: () => rng.uuid(), configurable: true, writable: true });
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(c, 'randomUUID', own);
    else delete c.randomUUID;
  }
}
