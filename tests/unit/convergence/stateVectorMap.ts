// State vectors as maps, so "what I think you have" can be merged and turned back into a diff base.
import * as Y from 'yjs';

export type StateVector = Map<number, number>;

/** The newer clock of each client in either. */
export function mergeSV(a: StateVector, b: StateVector): StateVector {
  const out = new Map(a);
  for (const [client, clock] of b) if ((out.get(client) ?? 0) < clock) out.set(client, clock);
  return out;
}

export function svOf(doc: Y.Doc): StateVector {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}
