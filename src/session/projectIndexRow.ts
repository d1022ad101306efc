// Projects one document into its library index rows, after verifying what its status rests on.
import type * as Y from 'yjs';
import { checkTrust } from '../core/checkTrust';
import { libraryEntry } from '../core/libraryEntry';
import { putIndexRow } from '../storage/indexRows';
import { loadKeyDirectory } from '../storage/knownKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';

export async function projectIndexRow(db: LibraryDatabase, doc: Y.Doc, id: string): Promise<void> {
  // The index's status (checkTrustSync) counts only what this device has verified: checkTrust verifies every approval,
  // claim and reopening first, and only keys this device has confirmed count (storage/knownKeys.ts).
  const dir = await loadKeyDirectory(db);
  await checkTrust(doc, dir);
  await putIndexRow(db, { ...libraryEntry(doc, id, dir), indexedAt: Date.now() });
}
