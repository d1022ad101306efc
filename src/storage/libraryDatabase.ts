// The library database (Dexie): the index of referater projected from their documents, per-device state
// that is never synced (trash), and settings. Bump the version and add an upgrade for every schema change.
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { KnownKey } from '../core/knownKey';
import type { LibraryEntry } from '../core/libraryEntry';

/** Bumped when the projection changes, so indexes built by an older version are rebuilt from the documents. */
export const INDEX_VERSION = 4;

export interface IndexedReferat extends LibraryEntry {
  /** Local time the row was last projected. */
  indexedAt: number;
}

/** The slice of an index row the Opfølgning view needs, kept apart so it never reads the search text. */
export type FollowUpRow = Pick<IndexedReferat, 'id' | 'title' | 'date' | 'seriesId' | 'seriesName' | 'indexedAt' | 'actionItems'>;

export interface TrashRow {
  id: string;
  trashedAt: number;
}

/** What one other party is known to hold of one referat (the copy ledger). */
export interface LedgerRow {
  docId: string;
  /** The party's key fingerprint. */
  partyId: string;
  name: string;
  organisation: string;
  organisationKind: string;
  /** Their state vector as last seen live or in a file from them, or null if never seen. */
  heldStateVector: Uint8Array | null;
  heldAt: number | null;
  heldChannel: 'live' | 'file' | null;
  /** What we last sent them in a file: counts as sent, not held, until they confirm. */
  sentStateVector: Uint8Array | null;
  sentAt: number | null;
}

/** A live room this device takes part in for a referat; its secret never leaves the device except in invitations. */
export interface LiveRoomRow {
  docId: string;
  roomId: string;
  secret: string;
  createdAt: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type LibraryDatabase = Dexie & {
  referater: EntityTable<IndexedReferat, 'id'>;
  trash: EntityTable<TrashRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  ledger: Table<LedgerRow, [string, string]>;
  liveRooms: EntityTable<LiveRoomRow, 'docId'>;
  /** One row per referat that has action items; written with its `referater` row (storage/indexRows.ts). */
  followUps: EntityTable<FollowUpRow, 'id'>;
  /** The keys this device has confirmed (Kendte nøgler), revoked ones kept; never synced (storage/knownKeys.ts). */
  knownKeys: EntityTable<KnownKey, 'fingerprint'>;
};

export const LIBRARY_DB_NAME = 'referat-library';

export function createLibraryDatabase(options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): LibraryDatabase {
  const db = new Dexie(LIBRARY_DB_NAME, options) as LibraryDatabase;
  db.version(1).stores({
    referater: 'id, date, indexedAt',
    trash: 'id, trashedAt',
    settings: 'key',
  });
  db.version(2).stores({
    ledger: '[docId+partyId], docId',
    liveRooms: 'docId',
  });
  db.version(3).stores({
    followUps: 'id',
  });
  db.version(4).stores({
    knownKeys: 'fingerprint',
  });
  return db;
}
