import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSigner } from '../testSupport/testSigner';
import { approve } from '../core/approve';
import { keyFingerprint } from '../core/fingerprint';
import { addParticipant } from '../core/participants';
import type { Profile } from '../core/profile';
import { confirmKey, revokeKey } from '../storage/knownKeys';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { saveProfile } from '../storage/settingsStore';
import { approveReferat, prepareApproval } from './approveReferat';
import { createReferat } from './createReferat';
import { openReferatSession } from './referatSession';
import { installTrustStatusRefresh, refreshTrustStatuses } from './refreshTrustStatuses';

const METTE: Profile = { name: 'Mette Holm', organisation: 'Holstebro Kommune', organisationKind: 'kommune' };
const BO: Profile = { name: 'Bo Lund', organisation: 'Medialogic A/S', organisationKind: 'leverandoer' };
const dbs: LibraryDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
});

describe('refreshTrustStatuses', () => {
  it('shows Godkendt in the library once the other party’s key is confirmed, and not after it is revoked', async () => {
    const db = createLibraryDatabase();
    await db.delete();
    await db.open();
    dbs.push(db);
    await saveProfile(db, METTE);
    const id = await createReferat(db, METTE, { title: 'Driftsmøde', date: '2026-03-04' });
    const opened = await openReferatSession(db, id);
    if (opened.kind !== 'open') throw new Error('not open');
    const { session } = opened;
    addParticipant(session.doc, { ...BO, role: '', present: true });
    const vendor = await createTestSigner('Ed25519');
    await approve(session.doc, BO, vendor);
    const pending = await prepareApproval(db, session, METTE);
    await approveReferat(db, session, METTE, pending.contentHash);
    await session.reindex();
    await session.close();
    expect((await db.referater.get(id))?.status).toBe('proposed');

    const fingerprint = await keyFingerprint(vendor.publicKey);
    await confirmKey(db, { fingerprint, ...BO, confirmedBy: 'phone' });
    expect(await refreshTrustStatuses(db)).toBe(1);
    expect((await db.referater.get(id))?.status).toBe('approved');

    // Installed, a revocation re-projects by itself.
    installTrustStatusRefresh(db);
    await revokeKey(db, fingerprint);
    await expect.poll(async () => (await db.referater.get(id))?.status).toBe('proposed');
  });
});
