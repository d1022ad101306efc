// Trash and restore (trashMarks.ts), and permanent deletion. Trash is this device's choice, so it lives beside the index, not in the doc.
import { docDatabaseName } from '../storage/docDatabaseName';
import { DocStore } from '../storage/docStore';
import { deleteExemptionsOf } from '../storage/caseExemptions';
import { deleteIndexRows } from '../storage/indexRows';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { forgetRelayCursor } from '../storage/relayCursors';

export { moveToTrash, restoreFromTrash } from './trashMarks';

/** Deletes a referat for good. Only referater already in the trash can be deleted. */
export async function deleteForever(db: LibraryDatabase, id: string): Promise<void> {
  if (!(await db.trash.get(id))) throw new Error('Only a referat in the trash can be deleted for good');
  await DocStore.delete(docDatabaseName(id));
  await db.transaction('rw', [db.referater, db.followUps, db.trash, db.autoVersions, db.seenMarks, db.exemptions, db.relayCursors], async () => {
    await deleteIndexRows(db, [id]);
    await db.trash.delete(id);
    // What this device kept about how the referat looked goes with it.
    await db.autoVersions.where('docId').equals(id).delete();
    await db.seenMarks.delete(id);
    await forgetRelayCursor(db, id);
    // And its aktindsigt case work (passages exempted or the referat left out).
    await deleteExemptionsOf(db, id);
  });
}
