// The library database (Dexie): the index of referater projected from their documents, per-device state
// that is never synced (trash), and settings. Bump the version and add an upgrade for every schema change.
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { CaseExemption } from '../core/caseExemption';
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
  /** 'relay' when the held state came from the party's signed relay acknowledgement (heldChannel is then 'live'). */
  heldVia?: 'relay';
  /** What we last sent them in a file: counts as sent, not held, until they confirm. */
  sentStateVector: Uint8Array | null;
  sentAt: number | null;
}

/** A live room this device takes part in for a referat; its secret never leaves the device except in invitations. */
export interface LiveRoomRow {
  docId: string;
  roomId: string;
  secret: string;
  /** When the invitation ends (ms since 1970); absent or null for a room joined before invitations had expiries. */
  expiresAt?: number | null;
  createdAt: number;
}

/** The state of a referat its reader last saw on this device (a Yjs snapshot, V1); never synced (storage/seenMarks.ts). */
export interface SeenMarkRow {
  docId: string;
  snapshot: Uint8Array;
  seenAt: number;
}

/** A version made on its own on this device (after a pause in editing, at an import, when live peers reconnected). */
export interface AutoVersionRow {
  id?: number;
  docId: string;
  at: number;
  reason: 'pause' | 'import' | 'live' | 'relay';
  /** Y.encodeSnapshotV2 of the referat at that moment. */
  snapshot: Uint8Array;
}

/**
 * What this device did in a referat's relay mailbox (storage/relayCursors.ts): its cursor, and the state vector of
 * what it has posted there. A new mailbox (the referat shared again) starts a new cursor. Device-only.
 */
export interface RelayCursorRow {
  docId: string;
  mailboxId: string;
  /** core/relayCursor.ts `RelayCursor`, checked when read (a lying profile may hold anything). */
  cursor: unknown;
  /** Y.encodeStateVector of what this device's posted entries hold together. */
  posted: Uint8Array;
  updatedAt: number;
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
  /** What the reader last saw of each referat, for "changed since you last looked" (storage/seenMarks.ts). */
  seenMarks: EntityTable<SeenMarkRow, 'docId'>;
  /** Versions made on their own, per referat; device-only (storage/autoVersions.ts). */
  autoVersions: EntityTable<AutoVersionRow, 'id'>;
  /** Aktindsigt case work: referater left out and passages exempt, with reasons; device-only (storage/caseExemptions.ts). */
  exemptions: EntityTable<CaseExemption, 'id'>;
  /** Each shared referat's relay cursor; device-only (storage/relayCursors.ts). */
  relayCursors: EntityTable<RelayCursorRow, 'docId'>;
};

export const LIBRARY_DB_NAME = 'referat-library';
/** The schema version createLibraryDatabase ends at: the last `db.version(n)` below. */
export const LIBRARY_SCHEMA_VERSION = 7;

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
  db.version(5).stores({
    seenMarks: 'docId',
    autoVersions: '++id, docId, [docId+at]',
  });
  db.version(6).stores({
    exemptions: 'id, docId',
  });
  db.version(7).stores({
    relayCursors: 'docId',
  });
  return db;
}
