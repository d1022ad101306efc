// The library database (Dexie): the index of referater projected from their documents, per-device state
// that is never synced (trash), and settings. Bump the version and add an upgrade for every schema change.
import { Dexie, type EntityTable } from 'dexie';
import type { LibraryEntry } from '../core/libraryEntry';

/** Bumped when the projection changes, so indexes built by an older version are rebuilt from the documents. */
export const INDEX_VERSION = 1;

export interface IndexedReferat extends LibraryEntry {
  /** Local time the row was last projected. */
  indexedAt: number;
}

export interface TrashRow {
  id: string;
  trashedAt: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type LibraryDatabase = Dexie & {
  referater: EntityTable<IndexedReferat, 'id'>;
  trash: EntityTable<TrashRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
};

export const LIBRARY_DB_NAME = 'referat-library';

export function createLibraryDatabase(options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): LibraryDatabase {
  const db = new Dexie(LIBRARY_DB_NAME, options) as LibraryDatabase;
  db.version(1).stores({
    referater: 'id, date, indexedAt',
    trash: 'id, trashedAt',
    settings: 'key',
  });
  return db;
}
