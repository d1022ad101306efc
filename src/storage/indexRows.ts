// Writes and deletes library index rows: the `referater` row and its Opfølgning slice in one transaction.
import type { FollowUpRow, IndexedReferat, LibraryDatabase } from './libraryDatabase';

function followUpRow(row: IndexedReferat): FollowUpRow {
  const { id, title, date, seriesId, seriesName, indexedAt, actionItems } = row;
  return { id, title, date, seriesId, seriesName, indexedAt, actionItems };
}

/** Stores the rows; a referat without action items has no Opfølgning row. */
export async function putIndexRows(db: LibraryDatabase, rows: readonly IndexedReferat[]): Promise<void> {
  await db.transaction('rw', db.referater, db.followUps, async () => {
    await db.referater.bulkPut([...rows]);
    const withItems = rows.filter((r) => r.actionItems.length > 0);
    const without = rows.filter((r) => r.actionItems.length === 0).map((r) => r.id);
    if (withItems.length > 0) await db.followUps.bulkPut(withItems.map(followUpRow));
    if (without.length > 0) await db.followUps.bulkDelete(without);
  });
}

export async function putIndexRow(db: LibraryDatabase, row: IndexedReferat): Promise<void> {
  await putIndexRows(db, [row]);
}

export async function deleteIndexRows(db: LibraryDatabase, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.referater, db.followUps, async () => {
    await db.referater.bulkDelete([...ids]);
    await db.followUps.bulkDelete([...ids]);
  });
}
