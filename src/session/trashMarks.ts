// Moving a referat to the trash and back: a mark in the library, this device's choice (no document is touched, so
// this stays out of the referat's code and off the first load; libraryActions.ts deletes for good).
import type { LibraryDatabase } from '../storage/libraryDatabase';

export async function moveToTrash(db: LibraryDatabase, id: string, now = Date.now()): Promise<void> {
  await db.trash.put({ id, trashedAt: now });
}

export async function restoreFromTrash(db: LibraryDatabase, id: string): Promise<void> {
  await db.trash.delete(id);
}
