import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSigner } from '../testSupport/testSigner';
import { readSignedApprovals } from '../core/approvals';
import { approve, ContentChangedError } from '../core/approve';
import { contentHash } from '../core/canonicalContent';
import { keyFingerprint } from '../core/fingerprint';
import { setTitle } from '../core/meta';
import { addParticipant, readParticipants } from '../core/participants';
import type { Profile } from '../core/profile';
import { confirmKey } from '../storage/knownKeys';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { approveReferat, prepareApproval } from './approveReferat';
import { createReferat } from './createReferat';
import { loadLocalIdentity } from './localIdentity';
import { openReferatSession, type ReferatSession } from './referatSession';

const METTE: Profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };
const BO: Profile = { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' };
const dbs: LibraryDatabase[] = [];
const sessions: ReferatSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  for (const db of dbs.splice(0)) db.close();
});

async function device(): Promise<LibraryDatabase> {
  const db = createLibraryDatabase();
  await db.delete();
  await db.open();
  dbs.push(db);
  return db;
}

async function opened(db: LibraryDatabase, creator: Profile = METTE): Promise<ReferatSession> {
  const id = await createReferat(db, creator, { title: 'Styregruppemøde', date: '2026-03-04' });
  const r = await openReferatSession(db, id);
  if (r.kind !== 'open') throw new Error('not open');
  sessions.push(r.session);
  return r.session;
}

describe('approveReferat', () => {
  it('links the signer to their participant, signs what they confirmed with the device key, and the index follows', async () => {
    const db = await device();
    const s = await opened(db);
    addParticipant(s.doc, { ...BO, role: '', present: true });
    const before = contentHash(s.doc);
    const pending = await prepareApproval(db, s, METTE);
    const local = await loadLocalIdentity(db, METTE);
    // Linking a key is not content: the hash the user sees is the one before.
    expect(pending).toEqual({ contentHash: before, fingerprint: local.me.fingerprint });
    expect(readParticipants(s.doc)[0]?.fingerprint).toBe(local.me.fingerprint);

    const a = await approveReferat(db, s, METTE, pending.contentHash, new Date('2026-03-04T12:00:00Z'));
    expect(a).toMatchObject({ ...METTE, fingerprint: local.me.fingerprint, contentHash: before, approvedAt: '2026-03-04T12:00:00.000Z' });
    expect(a.members.publicKey).toEqual(Object.fromEntries(Object.entries(local.identity.publicKey).filter(([k]) => ['kty', 'crv', 'x', 'y'].includes(k))));
    await s.reindex();
    expect((await db.referater.get(s.id))?.status).toBe('proposed');

    // The vendor's approval (signed on their device) arrives: it counts only once this device has confirmed their key.
    const vendor = await createTestSigner('ECDSA-P256');
    await approve(s.doc, BO, vendor);
    await s.reindex();
    expect((await db.referater.get(s.id))?.status).toBe('proposed');
    await confirmKey(db, { fingerprint: await keyFingerprint(vendor.publicKey), ...BO, confirmedBy: 'phone' });
    await s.reindex();
    expect((await db.referater.get(s.id))?.status).toBe('approved');
    expect(readSignedApprovals(s.doc).map((x) => x.members.participantId)).toEqual([readParticipants(s.doc)[0]?.id, '-']);
    setTitle(s.doc, 'Styregruppemøde, rettet');
    await s.reindex();
    expect((await db.referater.get(s.id))?.status).toBe('proposed');
    expect(readSignedApprovals(s.doc)).toHaveLength(2);
  });

  it('adds a signer who is not a participant before showing the hash, so they sign the list with themselves on it', async () => {
    const db = await device();
    const s = await opened(db, BO);
    const before = contentHash(s.doc);
    const pending = await prepareApproval(db, s, METTE);
    expect(pending.contentHash).not.toBe(before);
    expect(readParticipants(s.doc).map((p) => p.name)).toEqual(['Bo Lund', 'Mette Holm']);
    const a = await approveReferat(db, s, METTE, pending.contentHash);
    expect(a.contentHash).toBe(contentHash(s.doc));
  });

  it('refuses, and writes no approval, when the content changed after the user saw the hash', async () => {
    const db = await device();
    const s = await opened(db);
    const pending = await prepareApproval(db, s, METTE);
    setTitle(s.doc, 'Ændret af en anden part');
    await expect(approveReferat(db, s, METTE, pending.contentHash)).rejects.toBeInstanceOf(ContentChangedError);
    expect(readSignedApprovals(s.doc)).toEqual([]);
  });
});
