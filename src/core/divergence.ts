// Divergence between two copies: the same changes (state vector and deletions) but different content, which
// happens only when items were written under another party's Yjs client id. Never silent: the UI warns.
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from './base64';
import { canonicalJson, contentHash } from './canonicalContent';
import { sha256Hex } from './sha256';

/** What a copy announces about itself so another can compare: which changes it holds, and what they show. */
export interface CopyState {
  /** Base64 of the Yjs state vector. */
  stateVector: string;
  /** Hex SHA-256 of the delete set, canonical (clients ascending, ranges merged): deletions do not move the state vector. */
  deleteSetHash: string;
  /** Hex SHA-256 of the canonical content (core/canonicalContent.ts). */
  contentHash: string;
}

/** The copy state of a document now. */
export function copyState(doc: Y.Doc): CopyState {
  const snap = Y.snapshot(doc);
  const ranges: Array<[number, Array<[number, number]>]> = [];
  for (const client of [...snap.ds.clients.keys()].toSorted((a, b) => a - b)) {
    const merged: Array<[number, number]> = [];
    for (const d of (snap.ds.clients.get(client) ?? []).toSorted((a, b) => a.clock - b.clock)) {
      const last = merged.at(-1);
      if (last && last[0] + last[1] >= d.clock) last[1] = Math.max(last[1], d.clock + d.len - last[0]);
      else merged.push([d.clock, d.len]);
    }
    if (merged.length > 0) ranges.push([client, merged]);
  }
  return {
    stateVector: bytesToBase64(Y.encodeStateVector(doc)),
    deleteSetHash: sha256Hex(new TextEncoder().encode(canonicalJson(ranges))),
    contentHash: contentHash(doc),
  };
}

function decodeStateVector(base64: string): Map<number, number> | null {
  const bytes = base64ToBytes(base64);
  if (!bytes) return null;
  try {
    return Y.decodeStateVector(bytes);
  } catch {
    return null;
  }
}

function sameStateVector(a: string, b: string): boolean {
  if (a === b) return true;
  const x = decodeStateVector(a);
  const y = decodeStateVector(b);
  if (!x || !y || x.size !== y.size) return false;
  for (const [client, clock] of x) if (y.get(client) !== clock) return false;
  return true;
}

/**
 * True when both copies hold exactly the same changes (state vector and deletions) and still show different
 * content. False whenever either side did not announce a hash, or the changes differ (they are still syncing).
 */
export function copiesDiverge(mine: CopyState, theirs: CopyState): boolean {
  if (!mine.contentHash || !theirs.contentHash || !mine.deleteSetHash || !theirs.deleteSetHash) return false;
  if (mine.deleteSetHash !== theirs.deleteSetHash || !sameStateVector(mine.stateVector, theirs.stateVector)) return false;
  return mine.contentHash !== theirs.contentHash;
}
