import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestSigner } from '../testSupport/testSigner';
import { readMeta, setTitle } from '../core/meta';
import { newReferatDoc } from '../core/referatDoc';
import { encodeReferatFile } from '../core/referatFile';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { createReferat } from './createReferat';
import { importCopy } from './importCopy';
import { loadLocalIdentity } from './localIdentity';
import { openReferatSession } from './referatSession';
import { inProcessImportWorker } from '../testSupport/inProcessImportWorker';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const vendor = { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' as const };
const dbs: LibraryDatabase[] = [];
afterEach(() => { for (const db of dbs.splice(0)) db.close(); });

const worker = inProcessImportWorker;

async function freshDb(): Promise<LibraryDatabase> {
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  return db;
}

async function stored(db: LibraryDatabase, id: string): Promise<Uint8Array> {
  const s = await openReferatSession(db, id);
  if (s.kind !== 'open') throw new Error('not open');
  const update = Y.encodeStateAsUpdate(s.session.doc);
  await s.session.close();
  return update;
}

describe('importCopy and client claims', () => {
  it('refuses a file carrying changes under this device’s own client id, and changes nothing', async () => {
    const db = await freshDb();
    const { me } = await loadLocalIdentity(db, profile);
    const id = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-04-02' });
    const opened = await openReferatSession(db, id);
    if (opened.kind !== 'open') throw new Error('not open');
    const mine = opened.session.doc.clientID;
    opened.session.setAuthor(me.fingerprint);
    setTitle(opened.session.doc, 'Driftsmøde med Systemhuset');
    await opened.session.close();
    const before = await stored(db, id);

    // The vendor crafts a change under this device's client id, and signs the file with its own key.
    const forger = newReferatDoc();
    Y.applyUpdate(forger, before);
    forger.clientID = mine;
    setTitle(forger, 'Mødet blev aflyst');
    const m = await createTestSigner('Ed25519');
    const file = await encodeReferatFile({
      docId: id, title: readMeta(forger).title, sender: vendor, signer: m, stateVector: Y.encodeStateVector(forger),
      base: null, update: Y.encodeStateAsUpdate(forger), now: new Date(),
    });
    const outcome = await importCopy(db, file, { ownFingerprint: me.fingerprint, trustUnknownSigner: true, worker });
    expect(outcome).toMatchObject({ kind: 'error', code: 'foreignClient' });
    const after = newReferatDoc();
    Y.applyUpdate(after, await stored(db, id));
    expect(readMeta(after).title).toBe('Driftsmøde med Systemhuset');
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector((() => { const d = newReferatDoc(); Y.applyUpdate(d, before); return d; })()));
  });
});
