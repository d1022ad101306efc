// Keeps a Y.Doc in step with its peers over any SyncChannel: a state-vector handshake, then every update.
import * as Y from 'yjs';
import type { SyncChannel } from './syncChannel';
import { toError } from '../core/toError';

const HELLO = 0; // payload: sender's state vector; answer with what it lacks and with our own state vector
const REPLY = 1; // payload: sender's state vector; answer with what it lacks
const UPDATE = 2; // payload: a Yjs update, encoding V1 (the one the store also writes, so each change is encoded once)
const UPDATE_V2 = 3; // payload: a Yjs update, encoding V2 (read; a peer may send either)

function frame(kind: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 1);
  out[0] = kind;
  out.set(payload, 1);
  return out;
}

export interface DocSync {
  /** Called when a peer's message could not be applied; the document is left as it was. */
  onError(listener: (error: Error) => void): () => void;
  destroy(): void;
}

export function attachDocSync(doc: Y.Doc, channel: SyncChannel): DocSync {
  const errors = new Set<(e: Error) => void>();
  const origin = { docSync: true };

  // Alone on the channel, a change is sent to no one: updates go out once a peer has spoken (its hello is answered
  // with everything it lacks, so nothing made before is missed).
  let peerSeen = false;
  const onUpdate = (update: Uint8Array, o: unknown) => {
    if (peerSeen && o !== origin) channel.send(frame(UPDATE, update));
  };

  const receive = (message: Uint8Array) => {
    const kind = message[0];
    const payload = message.subarray(1);
    peerSeen = true;
    try {
      if (kind === HELLO || kind === REPLY) {
        const diff = Y.encodeStateAsUpdate(doc, payload);
        channel.send(frame(UPDATE, diff));
        if (kind === HELLO) channel.send(frame(REPLY, Y.encodeStateVector(doc)));
      } else if (kind === UPDATE_V2) {
        Y.applyUpdateV2(doc, payload, origin);
      } else if (kind === UPDATE) {
        Y.applyUpdate(doc, payload, origin);
      } else {
        throw new Error(`Unknown sync message kind ${String(kind)}`);
      }
    } catch (e) {
      const err = toError(e);
      for (const l of errors) l(err);
    }
  };

  const unsubscribe = channel.subscribe(receive);
  doc.on('update', onUpdate);
  channel.send(frame(HELLO, Y.encodeStateVector(doc)));

  return {
    onError(listener) {
      errors.add(listener);
      return () => errors.delete(listener);
    },
    destroy() {
      doc.off('update', onUpdate);
      unsubscribe();
    },
  };
}
