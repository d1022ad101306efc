// Projects one document into its library index rows, after checking any approval signatures not yet checked here.
import type * as Y from 'yjs';
import { verifyApprovals } from '../core/approvalStatus';
import { libraryEntry } from '../core/libraryEntry';
import { verifiedReopenings } from '../core/reopen';
import { putIndexRow } from '../storage/indexRows';
import { loadKeyDirectory } from '../storage/knownKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';

export async function projectIndexRow(db: LibraryDatabase, doc: Y.Doc, id: string): Promise<void> {
  // The index's status counts only signatures this device has verified (core/approvalStatus.ts), and only keys this
  // device has confirmed (storage/knownKeys.ts); reopenings are verified too, so they are known when it is derived.
  const [, , dir] = await Promise.all([verifyApprovals(doc), verifiedReopenings(doc), loadKeyDirectory(db)]);
  await putIndexRow(db, { ...libraryEntry(doc, id, dir), indexedAt: Date.now() });
}
