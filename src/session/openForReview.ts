// Opens a stored referat to read for aktindsigt review: the document as stored, never written to, until closed.
import type * as Y from 'yjs';
import { newReferatDoc } from '../core/referatDoc';
import { docDatabaseName } from '../storage/docDatabaseName';
import { DocStore } from '../storage/docStore';
import { storedDocIds } from '../storage/storedDocIds';

export interface ReviewedReferat {
  doc: Y.Doc;
  close(): Promise<void>;
}

/** The referat, or null when this device holds no document with this id. */
export async function openForReview(id: string): Promise<ReviewedReferat | null> {
  // Opening a database that does not exist would create it.
  if (!(await storedDocIds()).includes(id)) return null;
  const doc = newReferatDoc();
  const store = await DocStore.open(docDatabaseName(id), doc);
  return {
    doc,
    close: async () => {
      await store.close();
      doc.destroy();
    },
  };
}
