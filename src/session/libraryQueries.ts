// Read-only questions the UI asks of the library index (Dexie), one function each, so pages never query storage
// themselves. Each runs inside a live query as well as on its own.
import { compareEntries } from '../core/compareEntries';
import type { FollowUpRow, IndexedReferat, LedgerRow, LibraryDatabase, TrashRow } from '../storage/libraryDatabase';
import { ledgerFor } from '../storage/copyLedger';
import { newestReferater, type NewestReferater } from '../storage/newestReferater';
import { storedDocIds } from '../storage/storedDocIds';

export type { NewestReferater } from '../storage/newestReferater';

/** An index row with when it went to the trash, or null when it is in the library. */
export interface ListedReferat extends IndexedReferat {
  trashedAt: number | null;
}

/** The referater in the library (or in the trash), newest meeting first. */
export async function listedReferater(db: LibraryDatabase, which: 'library' | 'trash'): Promise<ListedReferat[]> {
  const [rows, trash] = await Promise.all([db.referater.toArray(), db.trash.toArray()]);
  const trashed = new Map(trash.map((t) => [t.id, t.trashedAt]));
  return rows
    .map((r) => ({ ...r, trashedAt: trashed.get(r.id) ?? null }))
    .filter((r) => (which === 'trash') === (r.trashedAt !== null))
    .toSorted(compareEntries);
}

/** The newest `limit` referater in the library and how many there are, reading only about as many rows as asked for. */
export function newestListed(db: LibraryDatabase, limit: number): Promise<NewestReferater> {
  return newestReferater(db, limit);
}

/** The Opfølgning slices of the referater in the library (not the trash). */
export async function followUpSlices(db: LibraryDatabase): Promise<FollowUpRow[]> {
  const [rows, trash] = await Promise.all([db.followUps.toArray(), db.trash.toCollection().primaryKeys()]);
  const trashed = new Set(trash);
  return rows.filter((r) => !trashed.has(r.id));
}

/** When a referat's index row was last written, or 0 when it has none. */
export async function referatIndexedAt(db: LibraryDatabase, docId: string): Promise<number> {
  return (await db.referater.get(docId))?.indexedAt ?? 0;
}

/** How many index rows there are, trash included. */
export function indexRowCount(db: LibraryDatabase): Promise<number> {
  return db.referater.count();
}

/** Index rows written at or after `since` (local time, ms). */
export function indexRowsSince(db: LibraryDatabase, since: number): Promise<IndexedReferat[]> {
  return db.referater.where('indexedAt').aboveOrEqual(since).toArray();
}

/** The ids of every index row. */
export async function indexRowIds(db: LibraryDatabase): Promise<Set<string>> {
  return new Set(await db.referater.toCollection().primaryKeys());
}

/** The ids of the referater in the trash. */
export async function trashedIds(db: LibraryDatabase): Promise<ReadonlySet<string>> {
  return new Set((await db.trash.toArray()).map((t) => t.id));
}

/** A referat's trash row, or undefined when it is not in the trash. */
export function trashRow(db: LibraryDatabase, docId: string): Promise<TrashRow | undefined> {
  return db.trash.get(docId);
}

/** The copy ledger of one referat: what each other party is known to hold of it. */
export function copyLedger(db: LibraryDatabase, docId: string): Promise<LedgerRow[]> {
  return ledgerFor(db, docId);
}

/** How many referater have a document database on this device (what a backup will hold). */
export async function storedReferatCount(): Promise<number> {
  return (await storedDocIds()).length;
}
