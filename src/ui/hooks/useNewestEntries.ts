// The newest referater in the library, live from the index, reading only about as many rows as are shown.
import { useLiveQuery } from 'dexie-react-hooks';
import { newestListed, type NewestReferater } from '../../session/libraryQueries';
import type { LibraryDatabase } from '../../storage/libraryDatabase';

export function useNewestEntries(db: LibraryDatabase, limit: number): NewestReferater | undefined {
  return useLiveQuery(() => newestListed(db, limit), [db, limit]);
}
