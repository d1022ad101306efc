import 'fake-indexeddb/auto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesSource } from '../export/zipReader';
import { confirmKey } from '../storage/knownKeys';
import { isKnownSigner } from '../storage/knownSigners';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { storedDocIds } from '../storage/storedDocIds';
import { backupLibrary } from './backupLibrary';
import { createReferat } from './createReferat';
import { deleteForever, moveToTrash } from './libraryActions';
import { loadLocalIdentity } from './localIdentity';
import { restoreLibrary, type RestoreReport } from './restoreLibrary';
import { inProcessImportWorker } from '../testSupport/inProcessImportWorker';

const kommune = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const dbs: LibraryDatabase[] = [];
afterEach(() => { for (const db of dbs.splice(0)) db.close(); });

const worker = inProcessImportWorker;

/** An empty device with a new key: every referat database and the library database deleted. */
async function freshDevice(): Promise<LibraryDatabase> {
  for (const id of await storedDocIds()) {
    await new Promise((resolve) => { const r = indexedDB.deleteDatabase(`referat-doc-${id}`); r.onsuccess = r.onerror = resolve; });
  }
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  return db;
}

async function deviceWithBackup() {
  const db = await freshDevice();
  const local = await loadLocalIdentity(db, kommune);
  const ids = [await createReferat(db, kommune, { title: 'Driftsmøde', date: '2026-01-01' }), await createReferat(db, kommune, { title: 'Styregruppe', date: '2026-01-02' })];
  const chunks: Uint8Array[] = [];
  await backupLibrary(db, local, { write: (c) => { chunks.push(c); } });
  return { db, local, ids, backup: new Uint8Array(Buffer.concat(chunks)) };
}

function done(report: RestoreReport) {
  if (report.kind !== 'done') throw new Error(report.detail);
  return report;
}

describe('restore and trust', () => {
  it('restoring another device’s backup merges it and marks no signer known', async () => {
    const { local: a, backup } = await deviceWithBackup();
    const b = await freshDevice();
    const bLocal = await loadLocalIdentity(b, kommune);
    const report = done(await restoreLibrary(b, bytesSource(backup), { ownFingerprint: bLocal.me.fingerprint, worker }));
    expect(report.rows.map((r) => [r.outcome, r.signerUnknown])).toEqual([['new', true], ['new', true]]);
    expect(report.signedBy).toBe(a.me.fingerprint);
    expect(report.trusted).toBe(false);
    expect(report.unknownSigners).toEqual([{ name: kommune.name, organisation: kommune.organisation, fingerprint: a.me.fingerprint }]);
    expect(await isKnownSigner(b, a.me.fingerprint, bLocal.me.fingerprint)).toBe(false);
    expect(await b.ledger.count()).toBe(0);
  }, 60_000);

  it('trusts the signer of a backup signed by a key this device confirmed', async () => {
    const { local: a, backup } = await deviceWithBackup();
    const b = await freshDevice();
    const bLocal = await loadLocalIdentity(b, kommune);
    await confirmKey(b, { fingerprint: a.me.fingerprint, name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune', confirmedBy: 'inPerson' });
    const report = done(await restoreLibrary(b, bytesSource(backup), { ownFingerprint: bLocal.me.fingerprint, worker }));
    expect(report.trusted).toBe(true);
    expect(report.unknownSigners).toEqual([]);
    expect(await isKnownSigner(b, a.me.fingerprint, bLocal.me.fingerprint)).toBe(true);
  }, 60_000);

  it('trusts nobody from a backup whose index was changed, or whose files were swapped', async () => {
    const { db, local, ids, backup } = await deviceWithBackup();
    const files = unzipSync(backup);
    const index = JSON.parse(strFromU8(files['backup.json'] as Uint8Array)) as { device: { name: string } };
    index.device.name = 'Someone else';
    const changed = zipSync({ ...files, 'backup.json': strToU8(JSON.stringify(index)) });
    // Restored on the device that made it, after the referater were deleted there.
    for (const id of ids) {
      await moveToTrash(db, id);
      await deleteForever(db, id);
    }
    const report = done(await restoreLibrary(db, bytesSource(changed), { ownFingerprint: local.me.fingerprint, worker }));
    expect(report.signedBy).toBeNull();
    expect(report.trusted).toBe(false);
    // Its own files are still its own: this device's key is always known.
    expect(report.rows.map((r) => r.outcome)).toEqual(['new', 'new']);
    expect(report.unknownSigners).toEqual([]);

    // A device's own, unchanged backup is trusted.
    const own = done(await restoreLibrary(db, bytesSource(backup), { ownFingerprint: local.me.fingerprint, worker }));
    expect(own.trusted).toBe(true);
    expect(own.signedBy).toBe(local.me.fingerprint);
  }, 60_000);
});
