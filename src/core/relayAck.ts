// Signed acknowledgements: what a device has applied from the relay, for compaction and the copy ledger.
import * as Y from 'yjs';
import type { OpenedEntry, OpenExpectation } from './relayEntry';
import type { RelayKeys } from './relayKeys';
import { refuse, type RelayRefusal } from './relayRefusal';
import { openSeqListEntry, sealSeqListEntry, type SeqList } from './relaySeqList';
import type { Signer } from './signature';
import { decodeStateVectorSafe, missingChanges, type StateVector } from './stateVectors';

/**
 * An acknowledgement that verified: who made it, `applied` (sender tag → every update seq up to this one applied, own
 * posts included) and `stateVector` (the acker's whole state vector after applying, as `Y.encodeStateVector` wrote it).
 */
export type RelayAck = Omit<OpenedEntry, 'body' | 'kind'> & { kind: 'ack'; applied: Map<string, number>; stateVector: StateVector };

/** Seals an acknowledgement: the seq list of what was applied, then `Y.encodeStateVector(referat)`. */
export function sealAck(input: { keys: RelayKeys; signer: Signer; seq: number; applied: SeqList; stateVector: Uint8Array; now: number }): Promise<Uint8Array> {
  const { keys, signer, seq, applied, stateVector, now } = input;
  return sealSeqListEntry('ack', { keys, signer, seq, list: applied, rest: stateVector, now });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Opens and verifies an acknowledgement like any entry, then reads its body strictly. Never throws. */
export async function openAck(bytes: unknown, keys: RelayKeys, expect: Omit<OpenExpectation, 'kind'> = {}): Promise<RelayAck | RelayRefusal> {
  const opened = await openSeqListEntry('ack', bytes, keys, expect);
  if ('ok' in opened) return opened;
  const stateVector = decodeStateVectorSafe(opened.rest);
  // Only the spelling Yjs writes, so one acknowledgement has one meaning and nothing trails it.
  if (stateVector === null || !sameBytes(Y.encodeStateVector(stateVector), opened.rest)) {
    return refuse('malformed', 'the acknowledgement does not end in a state vector');
  }
  return { ...opened.entry, kind: 'ack', applied: opened.list, stateVector };
}

/** True when the acker holds every change `mine` holds: a full copy, as far as this device can tell ("Fuld kopi (via relæ)"). */
export function ackHoldsAll(ack: Pick<RelayAck, 'stateVector'>, mine: StateVector): boolean {
  return missingChanges(mine, ack.stateVector) === 0;
}
