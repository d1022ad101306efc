import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { KnownKey } from '../core/knownKey';
import { confirmKey, KnownKeyError, listKnownKeys, loadKeyDirectory, ownFingerprint, revokeKey, storeKeyListKeys } from './knownKeys';
import { createLibraryDatabase, LIBRARY_DB_NAME, type LibraryDatabase, LIBRARY_SCHEMA_VERSION } from './libraryDatabase';
import { saveProfile } from './settingsStore';

const dbs: LibraryDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function freshDb(): Promise<LibraryDatabase> {
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  return db;
}

const JENS = 'A3F9 12C0 0000 FFFF 0001 BEEF 7A7A 1234';
const MARIA = 'B000 0000 0000 0000 0000 0000 0000 0001';
const jens = { fingerprint: JENS, name: ' Jens  Hansen ', organisation: 'Holstebro Kommune', organisationKind: 'kommune', confirmedBy: 'inPerson' } as const;

function listKey(fingerprint: string, name: string, extra: Partial<KnownKey> = {}): KnownKey {
  return {
    fingerprint,
    name,
    organisation: 'Holstebro Kommune',
    organisationKind: 'kommune',
    confirmedBy: 'keyList',
    confirmedAt: '2026-01-01T00:00:00.000Z',
    via: MARIA,
    validFrom: '2026-01-01',
    validTo: '',
    ...extra,
  };
}

describe('known keys', () => {
  it('always holds this device own key, named by the profile, as confirmedBy own', async () => {
    const db = await freshDb();
    await saveProfile(db, { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' });
    const own = await ownFingerprint(db);
    const dir = await loadKeyDirectory(db);
    expect(dir.confirmed(own)).toMatchObject({ fingerprint: own, name: 'Mette Holm', organisation: 'Aarhus Kommune', confirmedBy: 'own' });
    expect(dir.confirmed(JENS)).toBeNull();
  });

  it('confirms a key compared in person, with the name tidied and the time recorded', async () => {
    const db = await freshDb();
    const key = await confirmKey(db, jens, new Date('2026-03-02T10:00:00Z'));
    expect(key).toEqual({
      fingerprint: JENS,
      name: 'Jens Hansen',
      organisation: 'Holstebro Kommune',
      organisationKind: 'kommune',
      confirmedBy: 'inPerson',
      confirmedAt: '2026-03-02T10:00:00.000Z',
    });
    expect((await loadKeyDirectory(db)).confirmed(JENS)?.name).toBe('Jens Hansen');
    expect(await listKnownKeys(db)).toEqual([key]);
  });

  it('refuses a bad confirmation and stores nothing', async () => {
    const db = await freshDb();
    const cases: Array<[object, string]> = [
      [{ fingerprint: 'a3f9 12c0' }, 'fingerprint'],
      [{ fingerprint: JENS.toLowerCase() }, 'fingerprint'],
      [{ name: '  ' }, 'nameMissing'],
      [{ organisation: '' }, 'organisationMissing'],
      [{ name: 'x'.repeat(201) }, 'tooLong'],
      [{ organisationKind: 'firma' }, 'kind'],
      [{ confirmedBy: 'keyList' }, 'confirmedBy'],
      [{ confirmedBy: 'own' }, 'confirmedBy'],
      [{ fingerprint: await ownFingerprint(db) }, 'own'],
    ];
    for (const [change, code] of cases) {
      const error = await confirmKey(db, { ...jens, ...change } as never).catch((e: unknown) => e);
      expect(error, code).toBeInstanceOf(KnownKeyError);
      expect((error as KnownKeyError).code).toBe(code);
    }
    expect(await db.knownKeys.count()).toBe(0);
  });

  it('revokes a key: it stays listed, marked revoked, and is no longer confirmed', async () => {
    const db = await freshDb();
    await confirmKey(db, jens);
    const revoked = await revokeKey(db, JENS, new Date('2026-04-01T08:00:00Z'));
    expect(revoked.revokedAt).toBe('2026-04-01T08:00:00.000Z');
    expect((await loadKeyDirectory(db)).confirmed(JENS)).toBeNull();
    expect((await listKnownKeys(db)).map((k) => [k.fingerprint, k.revokedAt])).toEqual([[JENS, '2026-04-01T08:00:00.000Z']]);
    await expect(revokeKey(db, MARIA)).rejects.toMatchObject({ code: 'notFound' });
    // Confirming again, deliberately, brings it back.
    await confirmKey(db, { ...jens, confirmedBy: 'phone' });
    expect((await loadKeyDirectory(db)).confirmed(JENS)?.confirmedBy).toBe('phone');
  });

  it('no stored row can stand in for the own key', async () => {
    const db = await freshDb();
    await saveProfile(db, { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' });
    const own = await ownFingerprint(db);
    await db.knownKeys.put(listKey(own, 'Someone Else', { revokedAt: '2026-01-01T00:00:00.000Z' }));
    expect((await loadKeyDirectory(db)).confirmed(own)).toMatchObject({ name: 'Mette Holm', confirmedBy: 'own' });
  });

  it('leaves out damaged rows', async () => {
    const db = await freshDb();
    await db.knownKeys.put({ fingerprint: 'nonsense', name: 1 } as never);
    await confirmKey(db, jens);
    expect((await listKnownKeys(db)).map((k) => k.fingerprint)).toEqual([JENS]);
  });
});

describe('storeKeyListKeys', () => {
  it('adds list keys, keeps hand-confirmed and revoked ones, and skips the own key', async () => {
    const db = await freshDb();
    const own = await ownFingerprint(db);
    await confirmKey(db, jens);
    await confirmKey(db, { ...jens, fingerprint: 'C000 0000 0000 0000 0000 0000 0000 0001', name: 'Ole' });
    await revokeKey(db, 'C000 0000 0000 0000 0000 0000 0000 0001');
    const result = await storeKeyListKeys(db, [
      listKey(JENS, 'Jens H.'),
      listKey('C000 0000 0000 0000 0000 0000 0000 0001', 'Ole'),
      listKey('D000 0000 0000 0000 0000 0000 0000 0001', 'Anne'),
      listKey(own, 'Me'),
    ]);
    expect(result.added.map((k) => k.name)).toEqual(['Anne']);
    expect(result.keptConfirmed.map((k) => k.name)).toEqual(['Jens Hansen']);
    expect(result.keptRevoked.map((k) => k.name)).toEqual(['Ole']);
    expect(result.own).toBe(1);
    const dir = await loadKeyDirectory(db);
    expect(dir.confirmed('D000 0000 0000 0000 0000 0000 0000 0001')).toMatchObject({ confirmedBy: 'keyList', via: MARIA });
    expect(dir.confirmed(JENS)?.confirmedBy).toBe('inPerson');
    expect(dir.confirmed('C000 0000 0000 0000 0000 0000 0000 0001')).toBeNull();
    expect(dir.confirmed(own)?.confirmedBy).toBe('own');
  });

  it('never moves a key another organisation listed to this list organisation', async () => {
    const db = await freshDb();
    await storeKeyListKeys(db, [listKey(JENS, 'Jens Hansen')]);
    const result = await storeKeyListKeys(db, [
      listKey(JENS, 'Jens (leverandør)', { organisation: 'IT-Leverandøren A/S', organisationKind: 'leverandoer', via: 'E000 0000 0000 0000 0000 0000 0000 0001' }),
    ]);
    expect(result.keptOtherOrganisation.map((k) => k.organisation)).toEqual(['Holstebro Kommune']);
    expect(result.added).toEqual([]);
    expect((await loadKeyDirectory(db)).confirmed(JENS)).toMatchObject({ name: 'Jens Hansen', organisation: 'Holstebro Kommune', via: MARIA });
    // A newer list for the same organisation replaces the entry.
    await storeKeyListKeys(db, [listKey(JENS, 'Jens B. Hansen', { organisation: 'holstebro kommune' })]);
    expect((await loadKeyDirectory(db)).confirmed(JENS)?.name).toBe('Jens B. Hansen');
  });

  it('writes nothing when one row is bad', async () => {
    const db = await freshDb();
    await expect(storeKeyListKeys(db, [listKey(JENS, 'Jens'), listKey('bad', 'X')])).rejects.toBeInstanceOf(KnownKeyError);
    await expect(storeKeyListKeys(db, [listKey(JENS, 'Jens', { confirmedBy: 'inPerson' })])).rejects.toBeInstanceOf(KnownKeyError);
    expect(await db.knownKeys.count()).toBe(0);
  });

  it('honours the list validity', async () => {
    const db = await freshDb();
    await storeKeyListKeys(db, [listKey(JENS, 'Jens', { validFrom: '2026-01-01', validTo: '2026-06-30' })]);
    const dir = await loadKeyDirectory(db);
    expect(dir.confirmed(JENS, new Date('2026-03-01T12:00:00Z'))).not.toBeNull();
    expect(dir.confirmed(JENS, new Date('2026-07-01T12:00:00Z'))).toBeNull();
    expect(dir.confirmed(JENS, new Date('2025-12-31T12:00:00Z'))).toBeNull();
  });
});

describe('schema version 4', () => {
  it('adds the knownKeys table to a version-3 library and keeps what it held', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie(LIBRARY_DB_NAME, { indexedDB, IDBKeyRange });
    old.version(1).stores({ referater: 'id, date, indexedAt', trash: 'id, trashedAt', settings: 'key' });
    old.version(2).stores({ ledger: '[docId+partyId], docId', liveRooms: 'docId' });
    old.version(3).stores({ followUps: 'id' });
    await old.table('settings').put({ key: 'trustedSigners', value: [JENS] });
    old.close();
    const db = createLibraryDatabase({ indexedDB, IDBKeyRange });
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
    expect((await db.settings.get('trustedSigners'))?.value).toEqual([JENS]);
    expect(await db.knownKeys.count()).toBe(0);
    await confirmKey(db, jens);
    expect(await db.knownKeys.count()).toBe(1);
  });
});
