// Projects one document into its library index rows, after checking any approval signatures not yet checked here.
import type * as Y from 'yjs';
import { verifyApprovals } from '../core/approvalStatus';
import { libraryEntry } from '../core/libraryEntry';
import { putIndexRow } from '../storage/indexRows';
import type { LibraryDatabase } from '../storage/libraryDatabase';

export async function projectIndexRow(db: LibraryDatabase, doc: Y.Doc, id: string): Promise<void> {
  // The index's status counts only signatures this device has verified (core/approvalStatus.ts).
  await verifyApprovals(doc);
  await putIndexRow(db, { ...libraryEntry(doc, id), indexedAt: Date.now() });
}
