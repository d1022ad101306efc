import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { compareEntries } from '../core/libraryEntry';
import { generateLibrary } from '../testSupport/generateLibrary';
import { createLibraryDatabase, type LibraryDatabase } from './libraryDatabase';
import { newestReferater } from './newestReferater';

const dbs: LibraryDatabase[] = [];
afterEach(() => { for (const db of dbs.splice(0)) db.close(); });

describe('newestReferater', () => {
  it('gives the same first rows as sorting the whole library, leaving out the trash, with ties and undated rows', async () => {
    const db = createLibraryDatabase();
    await db.delete();
    await db.open();
    dbs.push(db);
    const rows = generateLibrary(300, 7).map((r, i) => ({
      ...r,
      // Many meetings on few dates, some without a date or start time.
      date: i % 10 === 0 ? '' : `2026-0${1 + (i % 3)}-1${i % 4}`,
      startTime: i % 5 === 0 ? '' : r.startTime,
    }));
    await db.referater.bulkPut(rows);
    const trashed = rows.filter((_, i) => i % 7 === 0).map((r) => r.id);
    await db.trash.bulkPut(trashed.map((id) => ({ id, trashedAt: 1 })));
    const expected = rows.filter((r) => !trashed.includes(r.id)).toSorted(compareEntries).map((r) => r.id);

    for (const limit of [1, 25, 100, 250, 1000]) {
      const got = await newestReferater(db, limit);
      expect(got.total).toBe(expected.length);
      expect(got.entries.map((r) => r.id)).toEqual(expected.slice(0, limit));
    }
  });
});
