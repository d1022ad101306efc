// The authorship gate for a live peer's message: what it would add to this copy, checked like a file's difference.
import * as Y from 'yjs';
import { claimRefusal, type ClaimRefusal } from './claimRefusal';
import { structsByClient } from './divergentClient';
import { readPeerMessage } from './peerMessage';
import type { ReceiverFacts } from './receiverFacts';

/**
 * Null when the message may reach the document: it carries no update, or what it adds to `doc` writes under no client
 * id this device writes with and claims no client id another key owns. `facts.ownClients` should include the
 * document's current client id. A message Yjs cannot read is left to y-webrtc, which refuses it itself.
 */
export function peerUpdateRefusal(message: Uint8Array, doc: Y.Doc, facts: ReceiverFacts): ClaimRefusal | null {
  let update: Uint8Array;
  let structs: Map<number, Array<Y.Item | Y.GC | Y.Skip>>;
  try {
    const read = readPeerMessage(message);
    if (read.kind !== 'update') return null;
    update = read.update;
    structs = structsByClient(Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc))).structs);
  } catch {
    return null;
  }
  return claimRefusal({ structs, deletes: new Map() }, facts);
}
