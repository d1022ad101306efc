// Reads the newest referater of the library index, reading only about as many rows as asked for (by the date
// index), so the library of a device with thousands of referater opens fast.
import { compareEntries } from '../core/compareEntries';
import type { IndexedReferat, LibraryDatabase } from './libraryDatabase';

export interface NewestReferater {
  /** The newest `limit` referater not in the trash, newest meeting first (as compareEntries orders them). */
  entries: IndexedReferat[];
  /** How many referater are in the library, not counting the trash. */
  total: number;
}

export async function newestReferater(db: LibraryDatabase, limit: number): Promise<NewestReferater> {
  const trash = await db.trash.toArray();
  const trashed = new Set(trash.map((t) => t.id));
  const [all, trashedRows] = await Promise.all([db.referater.count(), db.referater.bulkGet([...trashed])]);
  // Newest dates first; undated rows have '' and come last. Trashed rows may be among them, so read that many more.
  const want = limit + trashed.size;
  // oxlint-disable-next-line unicorn/no-array-reverse -- Dexie's Collection.reverse, not Array's
  const head = await db.referater.orderBy('date').reverse().limit(want).toArray();
  const rows = new Map(head.map((r) => [r.id, r]));
  const last = head.at(-1);
  if (head.length === want && last) {
    // Every row on the last date read, so the rows of one date are ordered as in the full list.
    for (const r of await db.referater.where('date').equals(last.date).toArray()) rows.set(r.id, r);
  }
  const entries = [...rows.values()].filter((r) => !trashed.has(r.id)).toSorted(compareEntries).slice(0, limit);
  return { entries, total: all - trashedRows.filter((r) => r !== undefined).length };
}
