import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { confirmKey, revokeKey } from './knownKeys';
import { isKnownSigner, trustSigner } from './knownSigners';
import { createLibraryDatabase, type LibraryDatabase } from './libraryDatabase';

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

const OWN = '1111 1111 1111 1111 1111 1111 1111 1111';
const PEER = 'A3F9 12C0 0000 FFFF 0001 BEEF 7A7A 1234';

describe('known signers', () => {
  it('knows the own key and nobody else on a fresh device', async () => {
    const db = await freshDb();
    expect(await isKnownSigner(db, OWN, OWN)).toBe(true);
    expect(await isKnownSigner(db, PEER, OWN)).toBe(false);
  });

  it('a ledger row, as a lying live peer writes it, does not make a signer known (finding 4)', async () => {
    const db = await freshDb();
    await db.ledger.put({
      docId: 'doc',
      partyId: PEER,
      name: 'Jens Hansen',
      organisation: 'Holstebro Kommune',
      organisationKind: 'kommune',
      heldStateVector: new Uint8Array([0]),
      heldAt: 1,
      heldChannel: 'live',
      sentStateVector: null,
      sentAt: null,
    });
    expect(await isKnownSigner(db, PEER, OWN)).toBe(false);
  });

  it('knows a confirmed key until it is revoked', async () => {
    const db = await freshDb();
    await confirmKey(db, { fingerprint: PEER, name: 'Jens', organisation: 'Holstebro Kommune', organisationKind: 'kommune', confirmedBy: 'phone' });
    expect(await isKnownSigner(db, PEER, OWN)).toBe(true);
    await revokeKey(db, PEER);
    expect(await isKnownSigner(db, PEER, OWN)).toBe(false);
  });

  it('knows a signer the user accepted for import', async () => {
    const db = await freshDb();
    await trustSigner(db, PEER);
    await trustSigner(db, PEER);
    expect(await isKnownSigner(db, PEER, OWN)).toBe(true);
    expect((await db.settings.get('trustedSigners'))?.value).toEqual([PEER]);
  });
});
