// Comparing replicas: every aspect of each pair (state vector, delete set, meta, participants, body, structure,
// library entry) and every replica still holding updates it cannot apply yet.
import * as Y from 'yjs';
import { libraryEntry, type LibraryEntry } from '../../../src/core/libraryEntry';
import { readMeta, type ReferatMeta } from '../../../src/core/meta';
import { readParticipants, type Participant } from '../../../src/core/participants';
import { bodyFragment } from '../../../src/core/referatDoc';
import { readStructure, type ReferatStructure } from '../../../src/core/structure';

export interface ReplicaState {
  stateVector: string;
  /** Deleted ranges per client, merged, so two replicas that split items differently still compare equal. */
  deleteSet: string;
  meta: ReferatMeta;
  participants: Participant[];
  body: string;
  structure: ReferatStructure;
  library: LibraryEntry;
}

export function replicaState(doc: Y.Doc): ReplicaState {
  const meta = readMeta(doc);
  return {
    stateVector: JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].toSorted((a, b) => a[0] - b[0])),
    deleteSet: deleteSetKey(doc),
    meta,
    participants: readParticipants(doc),
    body: bodyFragment(doc).toString(),
    structure: readStructure(doc),
    library: libraryEntry(doc, meta.id),
  };
}

function deleteSetKey(doc: Y.Doc): string {
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  return [...ds.clients.entries()]
    .toSorted((a, b) => a[0] - b[0])
    .map(([client, ranges]) => `${client}:${ranges.map((r) => `${r.clock}+${r.len}`).join(',')}`)
    .join(' ');
}

function short(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s;
}

/**
 * Every difference between the replicas, pair by pair, and every replica that still holds pending structs or
 * deletes. An empty list means they converged.
 */
export function compareReplicas(docs: readonly Y.Doc[]): string[] {
  const problems: string[] = [];
  const states = docs.map(replicaState);
  docs.forEach((doc, i) => {
    if (doc.store.pendingStructs !== null) problems.push(`peer ${i} has pending structs`);
    if (doc.store.pendingDs !== null) problems.push(`peer ${i} has pending deletes`);
  });
  const svBytes = docs.map((d) => Y.encodeStateVector(d));
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = states[i] as ReplicaState;
      const b = states[j] as ReplicaState;
      const sa = svBytes[i] as Uint8Array;
      const sb = svBytes[j] as Uint8Array;
      const aspects: Array<[string, unknown, unknown]> = [
        ['encoded state vector', Array.from(sa).join(','), Array.from(sb).join(',')],
        ['state vector', a.stateVector, b.stateVector],
        ['delete set', a.deleteSet, b.deleteSet],
        ['meta', a.meta, b.meta],
        ['participants', a.participants, b.participants],
        ['body', a.body, b.body],
        ['structure', a.structure, b.structure],
        ['library entry', a.library, b.library],
      ];
      for (const [name, x, y] of aspects) {
        const sx = typeof x === 'string' ? x : JSON.stringify(x);
        const sy = typeof y === 'string' ? y : JSON.stringify(y);
        if (sx !== sy) problems.push(`peers ${i} and ${j} differ in ${name}: ${short(x)} ≠ ${short(y)}`);
      }
    }
  }
  return problems;
}
