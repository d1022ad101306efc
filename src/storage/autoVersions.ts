// Versions made on their own on this device, in the `autoVersions` table: a Yjs snapshot (V2) per moment, at most
// MAX_AUTO_VERSIONS per referat (the oldest go first). Never synced: another party has its own (docs/FORMAT.md `versions`).
import type { AutoVersionRow, LibraryDatabase } from './libraryDatabase';

export const MAX_AUTO_VERSIONS = 200;

export async function addAutoVersion(db: LibraryDatabase, row: Omit<AutoVersionRow, 'id'>): Promise<void> {
  await db.transaction('rw', db.autoVersions, async () => {
    const last = await db.autoVersions.where('[docId+at]').between([row.docId, -Infinity], [row.docId, Infinity]).last();
    // The same state twice in a row is one version.
    if (last && last.snapshot.byteLength === row.snapshot.byteLength && last.snapshot.every((b, i) => b === row.snapshot[i])) return;
    await db.autoVersions.add({ ...row });
    const count = await db.autoVersions.where('docId').equals(row.docId).count();
    if (count > MAX_AUTO_VERSIONS) {
      const oldest = await db.autoVersions.where('[docId+at]').between([row.docId, -Infinity], [row.docId, Infinity]).limit(count - MAX_AUTO_VERSIONS).primaryKeys();
      await db.autoVersions.bulkDelete(oldest);
    }
  });
}

/** A referat's automatic versions, oldest first. */
export function autoVersionsOf(db: LibraryDatabase, docId: string): Promise<AutoVersionRow[]> {
  return db.autoVersions.where('[docId+at]').between([docId, -Infinity], [docId, Infinity]).toArray();
}

export async function deleteAutoVersions(db: LibraryDatabase, docId: string): Promise<void> {
  await db.autoVersions.where('docId').equals(docId).delete();
}
