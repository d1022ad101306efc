// What the reader last saw of each referat on this device, in the `seenMarks` table: a Yjs snapshot per referat.
import type { LibraryDatabase, SeenMarkRow } from './libraryDatabase';

export function loadSeenMark(db: LibraryDatabase, docId: string): Promise<SeenMarkRow | undefined> {
  return db.seenMarks.get(docId);
}

export async function saveSeenMark(db: LibraryDatabase, docId: string, snapshot: Uint8Array, now = Date.now()): Promise<void> {
  await db.seenMarks.put({ docId, snapshot, seenAt: now });
}
