// The newest referater in the library, live from the index, reading only about as many rows as are shown.
import { useLiveQuery } from 'dexie-react-hooks';
import type { LibraryDatabase } from '../../storage/libraryDatabase';
import { newestReferater, type NewestReferater } from '../../storage/newestReferater';

export function useNewestEntries(db: LibraryDatabase, limit: number): NewestReferater | undefined {
  return useLiveQuery(() => newestReferater(db, limit), [db, limit]);
}
