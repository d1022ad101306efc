import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../core/profile';
import { confirmKey, listKnownKeys, loadKeyDirectory, ownFingerprint } from '../storage/knownKeys';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { saveProfile } from '../storage/settingsStore';
import { exportKeyList, KeyListExportError } from './keyListExport';
import { importKeyList } from './keyListImport';

const dbs: LibraryDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function device(profile: Profile): Promise<LibraryDatabase> {
  const db = createLibraryDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  dbs.push(db);
  await saveProfile(db, profile);
  return db;
}

const MARIA: Profile = { name: 'Maria Admin', organisation: 'Holstebro Kommune', organisationKind: 'kommune' };
const VENDOR: Profile = { name: 'Lars Leverandør', organisation: 'IT-Leverandøren A/S', organisationKind: 'leverandoer' };
const JENS = 'A3F9 12C0 0000 FFFF 0001 BEEF 7A7A 1234';
const OTHER = 'B000 0000 0000 0000 0000 0000 0000 0001';
const NOW = new Date('2026-05-01T12:00:00Z');
const enc = (s: string) => new TextEncoder().encode(s);

async function adminWithJens(): Promise<LibraryDatabase> {
  const admin = await device(MARIA);
  await confirmKey(admin, { fingerprint: JENS, name: 'Jens Hansen', organisation: 'Holstebro Kommune', organisationKind: 'kommune', confirmedBy: 'inPerson' });
  await confirmKey(admin, { fingerprint: OTHER, name: 'Lars', organisation: 'IT-Leverandøren A/S', organisationKind: 'leverandoer', confirmedBy: 'phone' });
  return admin;
}

describe('key list export and import', () => {
  it('exports a signed list another device imports once it confirmed the administrator key', async () => {
    const admin = await adminWithJens();
    const { fileName, text } = await exportKeyList(admin, MARIA, { fingerprints: [JENS], validFrom: '2026-01-01', validTo: '' }, NOW);
    expect(fileName).toBe('noegler-Holstebro Kommune-2026-05-01.referat-noegler');
    const vendor = await device(VENDOR);
    const adminFp = await ownFingerprint(admin);
    await confirmKey(vendor, { fingerprint: adminFp, name: 'Maria Admin', organisation: 'Holstebro Kommune', organisationKind: 'kommune', confirmedBy: 'phone' });
    const outcome = await importKeyList(vendor, enc(text), { now: NOW });
    expect(outcome).toMatchObject({ kind: 'imported', organisation: 'Holstebro Kommune' });
    const dir = await loadKeyDirectory(vendor);
    expect(dir.confirmed(JENS, NOW)).toMatchObject({ name: 'Jens Hansen', organisation: 'Holstebro Kommune', confirmedBy: 'keyList', via: adminFp, validFrom: '2026-01-01' });
    // The administrator's own entry on the list does not replace the vendor's own confirmation of it.
    expect(dir.confirmed(adminFp, NOW)?.confirmedBy).toBe('phone');
  });

  it('changes nothing when the administrator key is not confirmed, or the list was tampered with', async () => {
    const admin = await adminWithJens();
    const { text } = await exportKeyList(admin, MARIA, { fingerprints: [JENS], validFrom: '', validTo: '' }, NOW);
    const vendor = await device(VENDOR);
    expect(await importKeyList(vendor, enc(text), { now: NOW })).toMatchObject({ kind: 'refused', code: 'adminNotConfirmed' });
    expect(await listKnownKeys(vendor)).toEqual([]);
    await confirmKey(vendor, { fingerprint: await ownFingerprint(admin), name: 'Maria', organisation: 'Holstebro Kommune', organisationKind: 'kommune', confirmedBy: 'phone' });
    const before = await listKnownKeys(vendor);
    const tampered = text.replace('Jens Hansen', 'Lars Leverandør');
    expect(await importKeyList(vendor, enc(tampered), { now: NOW })).toMatchObject({ kind: 'refused', code: 'badSignature' });
    expect(await importKeyList(vendor, enc('not json'), { now: NOW })).toMatchObject({ kind: 'refused', code: 'malformed' });
    expect(await listKnownKeys(vendor)).toEqual(before);
  });

  it('refuses to export keys that are not confirmed, of another organisation, or bad dates', async () => {
    const admin = await adminWithJens();
    const code = (p: Promise<unknown>) => p.then(() => 'exported', (e: unknown) => (e instanceof KeyListExportError ? e.code : String(e)));
    expect(await code(exportKeyList(admin, MARIA, { fingerprints: ['C000 0000 0000 0000 0000 0000 0000 0001'], validFrom: '', validTo: '' }, NOW))).toBe('notConfirmed');
    expect(await code(exportKeyList(admin, MARIA, { fingerprints: [OTHER], validFrom: '', validTo: '' }, NOW))).toBe('otherOrganisation');
    expect(await code(exportKeyList(admin, MARIA, { fingerprints: [], validFrom: '2026-05-01', validTo: '2026-04-01' }, NOW))).toBe('dates');
    expect(await code(exportKeyList(admin, MARIA, { fingerprints: [], validFrom: 'maj', validTo: '' }, NOW))).toBe('dates');
  });
});
