import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { compareEntries } from '../core/libraryEntry';
import { putIndexRows } from '../storage/indexRows';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { generateLibrary } from '../testSupport/generateLibrary';
import { followUpSlices, indexRowCount, indexRowIds, indexRowsSince, listedReferater, referatIndexedAt, trashedIds, trashRow } from './libraryQueries';

const dbs: LibraryDatabase[] = [];
afterEach(() => { for (const db of dbs.splice(0)) db.close(); });

/** A library of 40 generated referater, the first three (by id) in the trash. */
async function library() {
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  const rows = generateLibrary(40, 7);
  await putIndexRows(db, rows);
  const trash = rows.map((r) => r.id).toSorted().slice(0, 3);
  await db.trash.bulkPut(trash.map((id, i) => ({ id, trashedAt: 1000 + i })));
  return { db, rows, trash: new Set(trash) };
}

describe('library queries', () => {
  it('lists the library and the trash apart, newest meeting first, with when each went to the trash', async () => {
    const { db, rows, trash } = await library();
    const inLibrary = await listedReferater(db, 'library');
    const inTrash = await listedReferater(db, 'trash');
    expect(inLibrary.map((r) => r.id)).toEqual(rows.filter((r) => !trash.has(r.id)).toSorted(compareEntries).map((r) => r.id));
    expect(inLibrary.every((r) => r.trashedAt === null)).toBe(true);
    expect(new Set(inTrash.map((r) => r.id))).toEqual(trash);
    expect(inTrash.every((r) => r.trashedAt !== null && r.trashedAt >= 1000)).toBe(true);
  });

  it('gives the Opfølgning slices of the referater with action items, leaving out the trash', async () => {
    const { db, rows, trash } = await library();
    const slices = await followUpSlices(db);
    const want = rows.filter((r) => r.actionItems.length > 0 && !trash.has(r.id)).map((r) => r.id);
    expect(want.length).toBeGreaterThan(0);
    expect(slices.map((s) => s.id).toSorted()).toEqual(want.toSorted());
    expect(slices.every((s) => !('text' in s))).toBe(true);
  });

  it('answers for one referat: when its row was written, and whether it is in the trash', async () => {
    const { db, rows, trash } = await library();
    const first = rows[0]!;
    expect(await referatIndexedAt(db, first.id)).toBe(first.indexedAt);
    expect(await referatIndexedAt(db, 'no-such-referat')).toBe(0);
    const trashed = [...trash][0]!;
    expect((await trashRow(db, trashed))?.id).toBe(trashed);
    expect(await trashRow(db, 'no-such-referat')).toBeUndefined();
  });

  it('counts the rows, lists their ids and those written since a time, and the trash', async () => {
    const { db, rows, trash } = await library();
    expect(await indexRowCount(db)).toBe(rows.length);
    expect(await indexRowIds(db)).toEqual(new Set(rows.map((r) => r.id)));
    const since = rows.map((r) => r.indexedAt).toSorted((a, b) => a - b)[20]!;
    expect((await indexRowsSince(db, since)).map((r) => r.id).toSorted()).toEqual(rows.filter((r) => r.indexedAt >= since).map((r) => r.id).toSorted());
    expect(await trashedIds(db)).toEqual(trash);
  });
});
