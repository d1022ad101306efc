// For unit tests: opens a stored referat's session, failing the test when it is not found.
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { openReferatSession, type ReferatSession } from '../session/referatSession';

export async function openSession(db: LibraryDatabase, id: string): Promise<ReferatSession> {
  const r = await openReferatSession(db, id);
  if (r.kind !== 'open') throw new Error(`referat ${id} did not open`);
  return r.session;
}
