// After the key directory changes (a key confirmed, revoked or imported from a key list), the status of every referat
// with approvals may change: re-projects those rows from their documents, so the library shows what this device vouches for.
import { migrateDoc } from '../core/migrateDoc';
import { newReferatDoc } from '../core/referatDoc';
import { docDatabaseName } from '../storage/docDatabaseName';
import { DocStore } from '../storage/docStore';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { projectIndexRow } from './projectIndexRow';

/** Returns how many rows it re-projected; a draft row has no approvals, so keys cannot change it. */
export async function refreshTrustStatuses(db: LibraryDatabase, factory: IDBFactory = globalThis.indexedDB): Promise<number> {
  const ids = await db.referater.filter((r) => r.status !== 'draft').primaryKeys();
  let refreshed = 0;
  for (const id of ids) {
    const doc = newReferatDoc();
    const store = await DocStore.open(docDatabaseName(id), doc, factory);
    try {
      if (migrateDoc(doc) !== 'empty') {
        await projectIndexRow(db, doc, id);
        refreshed++;
      }
    } finally {
      await store.close();
      doc.destroy();
    }
  }
  return refreshed;
}

/** Re-projects the statuses after every committed change to the key directory (confirm, revoke, key list), one run at a time. */
export function installTrustStatusRefresh(db: LibraryDatabase, onError: (e: unknown) => void = () => undefined): void {
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = refreshTrustStatuses(db)
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  // Dexie reads a creating hook's return value as the new key: return nothing.
  const schedule = (tx: { on(event: 'complete', fn: () => void): void }): void => {
    tx.on('complete', () => setTimeout(run, 0));
  };
  db.knownKeys.hook('creating', (_key, _obj, tx) => schedule(tx));
  db.knownKeys.hook('updating', (_mods, _key, _obj, tx) => schedule(tx));
  db.knownKeys.hook('deleting', (_key, _obj, tx) => schedule(tx));
}
