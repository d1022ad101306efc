// Makes an automatic version of a referat on this device: its snapshot now, with why (storage/autoVersions.ts).
import * as Y from 'yjs';
import { addAutoVersion } from '../storage/autoVersions';
import type { AutoVersionRow, LibraryDatabase } from '../storage/libraryDatabase';

export async function recordAutoVersion(db: LibraryDatabase, docId: string, doc: Y.Doc, reason: AutoVersionRow['reason'], now = Date.now()): Promise<void> {
  if (doc.gc) return; // A snapshot means nothing without the history.
  await addAutoVersion(db, { docId, at: now, reason, snapshot: Y.encodeSnapshotV2(Y.snapshot(doc)) });
}
