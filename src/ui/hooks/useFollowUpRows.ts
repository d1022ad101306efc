// The Opfølgning slices of the referater in the library (not the trash), live from the index.
import { useLiveQuery } from 'dexie-react-hooks';
import type { FollowUpRow, LibraryDatabase } from '../../storage/libraryDatabase';

export function useFollowUpRows(db: LibraryDatabase): FollowUpRow[] | undefined {
  return useLiveQuery(async () => {
    const [rows, trash] = await Promise.all([db.followUps.toArray(), db.trash.toCollection().primaryKeys()]);
    const trashed = new Set(trash);
    return rows.filter((r) => !trashed.has(r.id));
  }, [db]);
}
