import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseExemption } from '../core/caseExemption';
import { allExemptions, deleteExemption, exemptionsOf, leftOutId, putExemption } from './caseExemptions';
import { createLibraryDatabase, LIBRARY_DB_NAME, type LibraryDatabase, LIBRARY_SCHEMA_VERSION } from './libraryDatabase';

const dbs: LibraryDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function fresh(): LibraryDatabase {
  const db = createLibraryDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  dbs.push(db);
  return db;
}

const passage = (id: string, docId: string, createdAt: number): CaseExemption => ({
  id, docId, kind: 'passage', reason: 'ofl-30-2', note: ' aftalt pris ', createdAt,
  segments: [{ start: new Uint8Array([1, 2]), end: new Uint8Array([3, 4]), quote: 'timeprisen er 1.150 kr.' }],
});

describe('case exemptions (library schema 6)', () => {
  it('stores passages and a left-out referat per referat, with the anchors as bytes, and removes one', async () => {
    const db = fresh();
    await putExemption(db, passage('b', 'doc-1', 2));
    await putExemption(db, passage('a', 'doc-1', 1));
    await putExemption(db, { id: leftOutId('doc-2'), docId: 'doc-2', kind: 'referat', reason: 'other', note: 'Dublet', segments: [], createdAt: 3 });
    const one = await exemptionsOf(db, 'doc-1');
    expect(one.map((e) => e.id)).toEqual(['a', 'b']);
    expect(one[0]?.note).toBe('aftalt pris');
    expect([...(one[0]?.segments[0]?.start ?? [])]).toEqual([1, 2]);
    expect((await allExemptions(db)).map((e) => e.id)).toEqual(['a', 'b', 'referat:doc-2']);
    await deleteExemption(db, 'a');
    expect((await exemptionsOf(db, 'doc-1')).map((e) => e.id)).toEqual(['b']);
  });

  it('refuses an exemption without a reason, or a left-out row under another id, and stores nothing', async () => {
    const db = fresh();
    await expect(putExemption(db, { ...passage('a', 'doc-1', 1), reason: 'ofl-99' })).rejects.toThrow(RangeError);
    await expect(putExemption(db, { id: 'x', docId: 'doc-2', kind: 'referat', reason: 'ofl-23', note: '', segments: [], createdAt: 1 })).rejects.toThrow(RangeError);
    await expect(putExemption(db, { id: leftOutId('doc-2'), docId: 'doc-2', kind: 'referat', reason: 'other', note: '', segments: [], createdAt: 1 })).rejects.toThrow(RangeError);
    expect(await db.exemptions.count()).toBe(0);
  });

  it('adds the exemptions table to a version-5 library and keeps what it held', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie(LIBRARY_DB_NAME, { indexedDB, IDBKeyRange });
    old.version(1).stores({ referater: 'id, date, indexedAt', trash: 'id, trashedAt', settings: 'key' });
    old.version(2).stores({ ledger: '[docId+partyId], docId', liveRooms: 'docId' });
    old.version(3).stores({ followUps: 'id' });
    old.version(4).stores({ knownKeys: 'fingerprint' });
    old.version(5).stores({ seenMarks: 'docId', autoVersions: '++id, docId, [docId+at]' });
    await old.table('trash').put({ id: 'doc-9', trashedAt: 5 });
    old.close();
    const db = createLibraryDatabase({ indexedDB, IDBKeyRange });
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
    expect(await db.trash.get('doc-9')).toEqual({ id: 'doc-9', trashedAt: 5 });
    expect(await db.exemptions.count()).toBe(0);
    await putExemption(db, passage('a', 'doc-9', 1));
    expect(await db.exemptions.count()).toBe(1);
  });
});
