// Merges a referat's stored entries (V1 or V2 updates, storedUpdate.ts) into one V2 update, for compacting its log (compactInWorker.ts).
import * as Y from 'yjs';
import { applyStoredUpdate } from './storedUpdate';

/**
 * The stored updates as one V2 update: applied to a new document and its state encoded, which merges each
 * client's consecutive keystrokes into one item (Y.mergeUpdatesV2 does not, and its result can be several times larger).
 */
export function mergeLog(entries: readonly unknown[]): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.transact(doc, () => { for (const e of entries) applyStoredUpdate(doc, e); });
    return Y.encodeStateAsUpdateV2(doc);
  } finally {
    doc.destroy();
  }
}
