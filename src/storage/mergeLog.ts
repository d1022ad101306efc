// Merges a referat's stored Yjs updates into one update, for compacting its log (compactInWorker.ts).
import * as Y from 'yjs';

/**
 * The stored updates as one: applied to a new document and its state encoded, which merges each client's
 * consecutive keystrokes into one item (Y.mergeUpdates does not, and its result can be several times larger).
 */
export function mergeLog(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.transact(doc, () => { for (const u of updates) Y.applyUpdate(doc, u); });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
