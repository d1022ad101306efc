// The live gate's check of one peer message: its size, whether Yjs can read it, and what it would add to this copy
// (authorship as for files, and the schema of `meta`).
import * as Y from 'yjs';
import { claimRefusal, type ClaimRefusal } from './claimRefusal';
import { metaWriteRefusal, type MetaRefusal } from './metaWriteRefusal';
import { readPeerMessage, type PeerMessage } from './peerMessage';
import { predictIntegration } from './predictIntegration';
import type { ReceiverFacts } from './receiverFacts';
import { readUpdateOutline, type UpdateOutline } from './updateOutline';
import { errorMessage } from '../core/errorMessage';

export type LiveRefusalCode = ClaimRefusal['code'] | MetaRefusal['code'] | 'tooLarge' | 'rateLimited' | 'badUpdate';

export interface LiveRefusal {
  code: LiveRefusalCode;
  /** The client id the refusal is about, when it is about one. */
  clientId: number | null;
  detail: string;
}

export interface PeerCheckContext {
  /** What this copy knows; `entries` must hold its entries of `meta` and `claims`, `ownClients` its current client id. */
  facts: ReceiverFacts;
  /** This referat's id, checked against meta.id while the copy has none yet (a joined referat before its first sync). */
  expectedId: string | null;
  maxMessageBytes: number;
}

/**
 * Null when the message may reach the document: it carries no update (awareness and handshakes are y-webrtc's), or
 * what its update adds to `doc` writes under no client id this device writes with, claims no client id another key
 * owns, and keeps the schema of `meta` (metaWriteRefusal.ts). A message over the size limit is refused before
 * anything decodes it; an update Yjs cannot read, or would throw on, is refused too. Nothing is changed.
 */
export function peerUpdateRefusal(message: Uint8Array, doc: Y.Doc, ctx: PeerCheckContext): LiveRefusal | null {
  if (message.byteLength > ctx.maxMessageBytes) {
    return { code: 'tooLarge', clientId: null, detail: `the message is larger than ${ctx.maxMessageBytes} bytes` };
  }
  let read: PeerMessage;
  try {
    read = readPeerMessage(message);
  } catch {
    // y-webrtc refuses an unreadable message itself, before it reaches the document.
    return null;
  }
  if (read.kind !== 'update') return null;
  let outline: UpdateOutline;
  try {
    const stateVector = Y.encodeStateVector(doc);
    outline = readUpdateOutline(Y.diffUpdate(read.update, stateVector));
    predictIntegration(outline.structs, Y.decodeStateVector(stateVector));
  } catch (e) {
    return { code: 'badUpdate', clientId: null, detail: `the update cannot be read: ${errorMessage(e).slice(0, 200)}` };
  }
  const claim = claimRefusal(outline, ctx.facts);
  if (claim !== null) return claim;
  const meta = metaWriteRefusal(doc, outline, ctx.facts.entries, ctx.expectedId);
  if (meta !== null) return { ...meta, clientId: null };
  return null;
}
