// The Opfølgning slices of the referater in the library (not the trash), live from the index.
import { useLiveQuery } from 'dexie-react-hooks';
import { followUpSlices } from '../../session/libraryQueries';
import type { FollowUpRow, LibraryDatabase } from '../../storage/libraryDatabase';

export function useFollowUpRows(db: LibraryDatabase): FollowUpRow[] | undefined {
  return useLiveQuery(() => followUpSlices(db), [db]);
}
