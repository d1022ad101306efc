// Compaction snapshots: one device's whole copy as an encrypted, signed entry, with the update seqs it covers.
import type { OpenedEntry, OpenExpectation } from './relayEntry';
import type { RelayKeys } from './relayKeys';
import { refuse, type RelayRefusal } from './relayRefusal';
import { openSeqListEntry, sealSeqListEntry, type SeqList } from './relaySeqList';
import type { Signer } from './signature';

export interface RelaySnapshot extends Omit<OpenedEntry, 'body' | 'kind'> {
  kind: 'snapshot';
  /** Sender tag → every update seq up to this one is inside `update` (the maker's claim, signed). */
  covers: Map<string, number>;
  /** `Y.encodeStateAsUpdate` of the maker's referat, v1: applied through the same checked path as any update. */
  update: Uint8Array;
}

/** Seals a snapshot: the seq list it covers, then the maker's whole copy. */
export function sealSnapshot(input: { keys: RelayKeys; signer: Signer; seq: number; covers: SeqList; update: Uint8Array; now: number }): Promise<Uint8Array> {
  const { keys, signer, seq, covers, update, now } = input;
  return sealSeqListEntry('snapshot', { keys, signer, seq, list: covers, rest: update, now });
}

/** Opens and verifies a snapshot like any entry, then reads its coverage. Never throws. */
export async function openSnapshot(
  bytes: unknown,
  keys: RelayKeys,
  expect: Omit<OpenExpectation, 'kind'> = {},
): Promise<RelaySnapshot | RelayRefusal> {
  const opened = await openSeqListEntry('snapshot', bytes, keys, expect);
  if ('ok' in opened) return opened;
  if (opened.rest.length === 0) return refuse('malformed', 'the snapshot holds no update');
  return { ...opened.entry, kind: 'snapshot', covers: opened.list, update: opened.rest };
}

/** True when `a` covers at least what `b` does, for every sender. */
export function coversAll(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  for (const [tag, seq] of b) if ((a.get(tag) ?? 0) < seq) return false;
  return true;
}
