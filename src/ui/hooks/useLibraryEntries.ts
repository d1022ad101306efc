// The referater in the library (or in the trash), newest meeting first, live from the index.
import { useLiveQuery } from 'dexie-react-hooks';
import { compareEntries } from '../../core/libraryEntry';
import type { IndexedReferat, LibraryDatabase } from '../../storage/libraryDatabase';

export interface ListedReferat extends IndexedReferat {
  trashedAt: number | null;
}

export function useLibraryEntries(db: LibraryDatabase, which: 'library' | 'trash'): ListedReferat[] | undefined {
  return useLiveQuery(async () => {
    const [rows, trash] = await Promise.all([db.referater.toArray(), db.trash.toArray()]);
    const trashed = new Map(trash.map((t) => [t.id, t.trashedAt]));
    return rows
      .map((r) => ({ ...r, trashedAt: trashed.get(r.id) ?? null }))
      .filter((r) => (which === 'trash') === (r.trashedAt !== null))
      .toSorted(compareEntries);
  }, [db, which]);
}
