// Marks, in the settings table, the referater whose index row may lag their document: one row per open session
// (`indexPending:<id>:<session>`), written before the session can change the document and removed at a clean close.
// A mark left by a killed tab makes the next start project that referat again (session/syncIndex.ts).
import type { LibraryDatabase } from './libraryDatabase';

const PREFIX = 'indexPending:';

export interface IndexPendingMark {
  key: string;
  docId: string;
  session: string;
}

export function indexPendingKey(docId: string, session: string): string {
  return `${PREFIX}${docId}:${session}`;
}

export async function markIndexPending(db: LibraryDatabase, docId: string, session: string): Promise<void> {
  await db.settings.put({ key: indexPendingKey(docId, session), value: Date.now() });
}

export async function clearIndexPending(db: LibraryDatabase, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await db.settings.bulkDelete([...keys]);
}

export async function indexPendingMarks(db: LibraryDatabase): Promise<IndexPendingMark[]> {
  const keys = await db.settings.where('key').startsWith(PREFIX).primaryKeys();
  return keys.flatMap((key) => {
    const [docId, session] = key.slice(PREFIX.length).split(':');
    return docId && session ? [{ key, docId, session }] : [];
  });
}
