// For unit tests: an empty library database (fake-indexeddb) per call, each closed after its test.
import { afterEach } from 'vitest';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';

export function useFreshLibraryDatabases(): () => Promise<LibraryDatabase> {
  const dbs: LibraryDatabase[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
  });
  return async () => {
    const db = createLibraryDatabase();
    await db.delete();
    await db.open();
    dbs.push(db);
    return db;
  };
}
