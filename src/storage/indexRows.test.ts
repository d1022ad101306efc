import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLibrary } from '../testSupport/generateLibrary';
import { deleteIndexRows, putIndexRow, putIndexRows } from './indexRows';
import { createLibraryDatabase, type LibraryDatabase } from './libraryDatabase';

const dbs: LibraryDatabase[] = [];
afterEach(() => { for (const db of dbs.splice(0)) db.close(); });

async function freshDb(): Promise<LibraryDatabase> {
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  return db;
}

describe('index rows', () => {
  it('keeps an Opfølgning slice for exactly the referater that have action items', async () => {
    const db = await freshDb();
    const rows = generateLibrary(60, 3);
    await putIndexRows(db, rows);
    const withItems = rows.filter((r) => r.actionItems.length > 0);
    expect(withItems.length).toBeGreaterThan(0);
    expect(withItems.length).toBeLessThan(rows.length);
    expect((await db.followUps.toCollection().primaryKeys()).toSorted()).toEqual(withItems.map((r) => r.id).toSorted());
    const first = withItems[0]!;
    const slice = await db.followUps.get(first.id);
    expect(slice).toEqual({
      id: first.id,
      title: first.title,
      date: first.date,
      seriesId: first.seriesId,
      seriesName: first.seriesName,
      indexedAt: first.indexedAt,
      actionItems: first.actionItems,
    });
    expect(slice).not.toHaveProperty('text');
  });

  it('drops the slice when the last action item goes, and both rows on delete', async () => {
    const db = await freshDb();
    const [row] = generateLibrary(60, 3).filter((r) => r.actionItems.length > 0);
    await putIndexRow(db, row!);
    await putIndexRow(db, { ...row!, actionItems: [], indexedAt: row!.indexedAt + 1 });
    expect(await db.followUps.get(row!.id)).toBeUndefined();
    expect((await db.referater.get(row!.id))?.actionItems).toEqual([]);
    await putIndexRow(db, row!);
    expect((await db.followUps.get(row!.id))?.actionItems).toEqual(row!.actionItems);
    await deleteIndexRows(db, [row!.id]);
    expect(await db.referater.get(row!.id)).toBeUndefined();
    expect(await db.followUps.get(row!.id)).toBeUndefined();
  });
});
