// The referater in the library (or in the trash), newest meeting first, live from the index.
import { useLiveQuery } from 'dexie-react-hooks';
import { listedReferater, type ListedReferat } from '../../session/libraryQueries';
import type { LibraryDatabase } from '../../storage/libraryDatabase';

export function useLibraryEntries(db: LibraryDatabase, which: 'library' | 'trash'): ListedReferat[] | undefined {
  return useLiveQuery(() => listedReferater(db, which), [db, which]);
}
