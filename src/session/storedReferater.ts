// Opens stored referater read-only, one at a time, for exports and backups: each is closed before the next opens.
import type * as Y from 'yjs';
import { docFormatVersion } from '../core/migrateDoc';
import { newReferatDoc } from '../core/referatDoc';
import { docDatabaseName } from '../storage/docDatabaseName';
import { DocStore } from '../storage/docStore';
import { storedDocIds } from '../storage/storedDocIds';

/** Yields each id's document in the given order; ids with no stored document, or an empty one, are skipped. */
export async function* storedReferater(ids: readonly string[]): AsyncGenerator<{ id: string; doc: Y.Doc }> {
  // Opening a database that does not exist would create it: only ids stored on this device are opened.
  const present = new Set(await storedDocIds());
  for (const id of ids) {
    if (!present.has(id)) continue;
    const doc = newReferatDoc();
    const store = await DocStore.open(docDatabaseName(id), doc);
    try {
      if (docFormatVersion(doc) !== 0) yield { id, doc };
    } finally {
      await store.close();
      doc.destroy();
    }
  }
}
