import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { markApplied, newRelayCursor } from '../core/relayCursor';
import { createLibraryDatabase, LIBRARY_DB_NAME, type LibraryDatabase, LIBRARY_SCHEMA_VERSION } from './libraryDatabase';
import { forgetRelayCursor, isRelayCursor, loadRelayCursor, saveRelayCursor } from './relayCursors';

const SELF = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER = 'BBBBBBBBBBBBBBBBBBBBBB';
const MAILBOX = 'm'.repeat(43);

/** The library's tables as versions 1 … 6 declared them. */
const SCHEMA_6: Array<Record<string, string>> = [
  { referater: 'id, date, indexedAt', trash: 'id, trashedAt', settings: 'key' },
  { ledger: '[docId+partyId], docId', liveRooms: 'docId' },
  { followUps: 'id' },
  { knownKeys: 'fingerprint' },
  { seenMarks: 'docId', autoVersions: '++id, docId, [docId+at]' },
  { exemptions: 'id, docId' },
];

const dbs: LibraryDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function fresh(indexedDB = new IDBFactory()): LibraryDatabase {
  const db = createLibraryDatabase({ indexedDB, IDBKeyRange });
  dbs.push(db);
  return db;
}

describe('relay cursors on the device', () => {
  it('keeps a cursor per referat and mailbox, and starts afresh for a new mailbox', async () => {
    const db = fresh();
    const cursor = newRelayCursor(SELF);
    cursor.own.update = 3;
    markApplied(cursor, OTHER, 1);
    await saveRelayCursor(db, 'doc-1', MAILBOX, { cursor, posted: new Uint8Array([1, 5, 9]) });
    const back = await loadRelayCursor(db, 'doc-1', MAILBOX, SELF);
    expect(back.cursor).toEqual(cursor);
    expect([...back.posted]).toEqual([1, 5, 9]);
    // Shared again: a new mailbox, a new cursor.
    const rotated = await loadRelayCursor(db, 'doc-1', 'n'.repeat(43), SELF);
    expect(rotated.cursor).toEqual(newRelayCursor(SELF));
    expect([...rotated.posted]).toEqual([0]);
    await forgetRelayCursor(db, 'doc-1');
    expect(await db.relayCursors.count()).toBe(0);
  });

  it('treats a row that is not what the app writes as no cursor (a lying profile)', async () => {
    const db = fresh();
    const junk = [
      { self: SELF },
      { ...newRelayCursor(SELF), own: { update: -1, snapshot: 0, ack: 0 } },
      { ...newRelayCursor(SELF), applied: { 'not a tag': { through: 1, beyond: [] } } },
      { ...newRelayCursor(SELF), acks: { [OTHER]: 1.5 } },
      { ...newRelayCursor(OTHER) },
    ];
    for (const cursor of junk) {
      expect(isRelayCursor(cursor, SELF)).toBe(false);
      await db.relayCursors.put({ docId: 'doc-2', mailboxId: MAILBOX, cursor, posted: new Uint8Array([0]), updatedAt: 1 });
      expect((await loadRelayCursor(db, 'doc-2', MAILBOX, SELF)).cursor).toEqual(newRelayCursor(SELF));
    }
  });

  it('adds the relayCursors table to a version-6 library and keeps what it held', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie(LIBRARY_DB_NAME, { indexedDB, IDBKeyRange });
    SCHEMA_6.forEach((stores, i) => old.version(i + 1).stores(stores));
    await old.table('liveRooms').put({ docId: 'doc-9', roomId: 'r', secret: 's', createdAt: 5 });
    old.close();
    const db = fresh(indexedDB);
    await db.open();
    expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
    expect(await db.liveRooms.get('doc-9')).toEqual({ docId: 'doc-9', roomId: 'r', secret: 's', createdAt: 5 });
    expect(await db.relayCursors.count()).toBe(0);
  });
});
