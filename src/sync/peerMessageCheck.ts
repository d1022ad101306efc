// The live gate's check of one large peer message as the worker runs it: against a copy of this referat made from
// its encoded state, so it needs no access to the document itself.
import * as Y from 'yjs';
import { newReferatDoc } from '../core/referatDoc';
import { peerUpdateRefusal, type LiveRefusal } from './peerUpdateRefusal';
import type { ReceiverFacts } from './receiverFacts';

/** Plain data, so it can be posted to a worker. */
export interface PeerCheckInput {
  message: Uint8Array;
  /** This copy's state when the message arrived (`Y.encodeStateAsUpdate`). */
  state: Uint8Array;
  facts: ReceiverFacts;
  expectedId: string | null;
  maxMessageBytes: number;
}

/** What a worker check answers; `timeout` and `unavailable` come from the caller's side (peerCheckInWorker.ts). */
export type PeerCheckVerdict =
  | { kind: 'pass' }
  | { kind: 'refused'; refusal: LiveRefusal }
  | { kind: 'timeout'; detail: string }
  /** No worker could run the check (none in this environment, or it failed): the gate checks on the main thread. */
  | { kind: 'unavailable'; detail: string };

/** A check with a time limit; the gate takes one in its options, so tests can pass a stand-in. */
export type PeerMessageCheck = (input: PeerCheckInput, timeoutMs: number) => Promise<PeerCheckVerdict>;

/** peerUpdateRefusal against a copy of the receiver rebuilt from `input.state`. */
export function checkPeerMessage(input: PeerCheckInput): PeerCheckVerdict {
  const doc = newReferatDoc();
  Y.applyUpdate(doc, input.state);
  const refusal = peerUpdateRefusal(input.message, doc, { facts: input.facts, expectedId: input.expectedId, maxMessageBytes: input.maxMessageBytes });
  doc.destroy();
  return refusal === null ? { kind: 'pass' } : { kind: 'refused', refusal };
}
