// Makes the library index match the documents on this device: rebuilds it after a format change,
// adds documents it lacks, projects again those a killed session may have left behind (storage/indexPending.ts), and
// drops rows whose document is gone.
import { migrateDoc } from '../core/migrateDoc';
import { newReferatDoc } from '../core/referatDoc';
import { deleteIndexRows } from '../storage/indexRows';
import { projectIndexRow } from './projectIndexRow';
import { docDatabaseName } from '../storage/docDatabaseName';
import { DocStore } from '../storage/docStore';
import { INDEX_VERSION, type LibraryDatabase } from '../storage/libraryDatabase';
import { loadIndexVersion, saveIndexVersion } from '../storage/settingsStore';
import { storedDocIds } from '../storage/storedDocIds';
import { clearIndexPending, indexPendingMarks } from '../storage/indexPending';
import { liveSessions } from './sessionLock';

export interface IndexSyncReport {
  projected: number;
  removed: number;
}

export async function syncIndex(db: LibraryDatabase, factory: IDBFactory = globalThis.indexedDB): Promise<IndexSyncReport> {
  const full = (await loadIndexVersion(db)) !== INDEX_VERSION;
  const ids = await storedDocIds(factory);
  const indexed = new Set(await db.referater.toCollection().primaryKeys());
  const present = new Set(ids);
  // Marks of sessions no tab holds any more: their last changes may not have reached the index.
  const live = await liveSessions();
  const stale = (await indexPendingMarks(db)).filter((m) => !live.has(m.session));
  const staleIds = new Set(stale.map((m) => m.docId));
  const toProject = full ? ids : ids.filter((id) => !indexed.has(id) || staleIds.has(id));
  let projected = 0;
  for (const id of toProject) {
    const doc = newReferatDoc();
    const store = await DocStore.open(docDatabaseName(id), doc, factory);
    try {
      if (migrateDoc(doc) !== 'empty') {
        await projectIndexRow(db, doc, id);
        projected++;
      }
    } finally {
      await store.close();
      doc.destroy();
    }
  }
  const gone = [...indexed].filter((id) => !present.has(id));
  await deleteIndexRows(db, gone);
  await clearIndexPending(db, stale.map((m) => m.key));
  if (full) await saveIndexVersion(db, INDEX_VERSION);
  return { projected, removed: gone.length };
}
