// A referat's current text as a Yjs update without its history: deleted content is garbage-collected, but every
// item keeps its id, so the update still merges with full copies of the same referat.
import * as Y from 'yjs';

export function currentTextUpdate(doc: Y.Doc): { update: Uint8Array; stateVector: Uint8Array } {
  const collected = new Y.Doc({ gc: true });
  try {
    // Applying the deletions in a gc document replaces deleted content with its length (Yjs GC / ContentDeleted).
    Y.applyUpdate(collected, Y.encodeStateAsUpdate(doc));
    return { update: Y.encodeStateAsUpdate(collected), stateVector: Y.encodeStateVector(collected) };
  } finally {
    collected.destroy();
  }
}
