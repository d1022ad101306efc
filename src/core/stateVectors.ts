// Comparing Yjs state vectors: how many of one copy's changes another copy lacks.
import * as Y from 'yjs';

export type StateVector = Map<number, number>;

export function decodeStateVectorSafe(bytes: Uint8Array | null): StateVector | null {
  if (!bytes) return null;
  try {
    return Y.decodeStateVector(bytes);
  } catch {
    return null;
  }
}

/** Items (characters, map entries, nodes) in `ours` that `theirs` does not have. */
export function missingChanges(ours: StateVector, theirs: StateVector): number {
  let missing = 0;
  for (const [client, clock] of ours) missing += Math.max(0, clock - (theirs.get(client) ?? 0));
  return missing;
}
