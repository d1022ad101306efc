import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { readSignedApprovals } from './approvals';
import { approvalSigningInput } from './approvalSignature';
import { derivedStatus, verifyApprovals } from './approvalStatus';
import { checkTrust } from './checkTrust';
import { keyDirectory, type KeyDirectory } from './knownKey';
import { sameOrganisation } from './sameOrganisation';
import { approve } from './approve';
import { bytesToBase64 } from './base64';
import { contentHash } from './canonicalContent';
import { keyFingerprint } from './fingerprint';
import { initReferat } from './initReferat';
import { libraryEntry } from './libraryEntry';
import { setMetaField } from './meta';
import { addParticipant } from './participants';
import type { Profile } from './profile';
import { publicKeyJwk } from './publicKeyJwk';
import { approvalsArray, metaMap, newReferatDoc } from './referatDoc';
import { STANDARD_TEMPLATE } from './templates';

const METTE: Profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };
const BO: Profile = { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' };

function referat(): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, {
    id: '6f1c2b1e-0000-4000-8000-000000000002', title: 'Driftsmøde', date: '2026-03-04',
    createdAt: '2026-03-04T10:00:00Z', template: STANDARD_TEMPLATE, creator: METTE,
  });
  addParticipant(doc, { ...BO, role: '', present: true });
  addParticipant(doc, { name: 'Eva', organisation: ' aarhus  kommune', organisationKind: 'kommune', role: '', present: false });
  return doc;
}

/** Writes a correctly signed entry the way any program could, without this device verifying it. */
async function writeSigned(doc: Y.Doc, who: Profile, signer: TestSigner): Promise<void> {
  const publicKey = publicKeyJwk(signer.publicKey, signer.algorithm);
  const unsigned = {
    id: globalThis.crypto.randomUUID(), ...who, algorithm: signer.algorithm, fingerprint: await keyFingerprint(publicKey), publicKey,
    approvedAt: '2026-03-04T13:00:00.000Z', contentHash: contentHash(doc), stateVector: bytesToBase64(Y.encodeStateVector(doc)),
  };
  const signature = bytesToBase64(await signer.sign(approvalSigningInput(unsigned)));
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    for (const [k, v] of Object.entries({ ...unsigned, signature })) m.set(k, v);
    approvalsArray(doc).push([m]);
  });
}


async function directory(...entries: Array<[TestSigner, Profile]>): Promise<KeyDirectory> {
  return keyDirectory(await Promise.all(entries.map(async ([s, p]) => ({
    fingerprint: await keyFingerprint(publicKeyJwk(s.publicKey, s.algorithm)), ...p, confirmedBy: 'inPerson' as const, confirmedAt: '2026-03-01T00:00:00Z',
  }))));
}

describe('approval status', () => {
  it('is approved once a confirmed key of every organisation among the participants approved the current content', async () => {
    const doc = referat();
    const mette = await createTestSigner('Ed25519');
    const bo = await createTestSigner('ECDSA-P256');
    const dir = await directory([mette, METTE], [bo, BO]);
    expect(derivedStatus(doc, dir)).toBe('draft');
    await approve(doc, METTE, mette);
    expect(derivedStatus(doc, dir)).toBe('proposed');
    expect(libraryEntry(doc, 'x', dir).status).toBe('proposed');
    await approve(doc, { ...BO, organisation: 'systemhuset a/s ' }, bo);
    expect(derivedStatus(doc, dir)).toBe('approved');
    expect(libraryEntry(doc, 'x', dir).status).toBe('approved');
    // An edit afterwards: the approvals stay, as approvals of an earlier version.
    setMetaField(doc, 'location', 'Rådhuset');
    const trust = await checkTrust(doc, dir);
    expect(trust.status).toBe('proposed');
    expect(trust.approvals.map((a) => [a.valid, a.current])).toEqual([[true, false], [true, false]]);
  });

  it('counts only approvals whose signature this device has verified, in the index', async () => {
    const doc = referat();
    const mette = await createTestSigner('Ed25519');
    const bo = await createTestSigner('Ed25519');
    const dir = await directory([mette, METTE], [bo, BO]);
    await writeSigned(doc, METTE, mette);
    await writeSigned(doc, BO, bo);
    expect(derivedStatus(doc, dir)).toBe('draft');
    expect(await verifyApprovals(doc)).toBe(2);
    expect(await verifyApprovals(doc)).toBe(0);
    expect(derivedStatus(doc, dir)).toBe('approved');
  });

  it('never counts a forged approval: a copied entry with another organisation', async () => {
    const doc = referat();
    const mette = await createTestSigner('Ed25519');
    const dir = await directory([mette, METTE]);
    await approve(doc, METTE, mette);
    const forged = new Y.Map<unknown>();
    doc.transact(() => {
      for (const [k, v] of Object.entries(readSignedApprovals(doc)[0]!.members)) forged.set(k, v);
      forged.set('id', 'forged');
      forged.set('organisation', 'Systemhuset A/S');
      approvalsArray(doc).push([forged]);
    });
    const trust = await checkTrust(doc, dir);
    expect(trust.approvals.map((a) => a.valid).toSorted()).toEqual([false, true]);
    expect(derivedStatus(doc, dir)).toBe('proposed');
  });

  it('never trusts meta.status: approved there without approvals reads as proposed; no participants is never approved', async () => {
    const doc = referat();
    const dir = keyDirectory([]);
    metaMap(doc).set('status', 'approved');
    expect(derivedStatus(doc, dir)).toBe('proposed');
    metaMap(doc).set('status', 'nonsense');
    expect(derivedStatus(doc, dir)).toBe('draft');
    const empty = newReferatDoc();
    metaMap(empty).set('id', 'e');
    const mette = await createTestSigner('Ed25519');
    await approve(empty, METTE, mette);
    expect(derivedStatus(empty, await directory([mette, METTE]))).toBe('proposed');
  });

  it('compares organisations case-blind with spaces trimmed and collapsed', () => {
    expect(sameOrganisation(' Aarhus  Kommune', 'aarhus kommune')).toBe(true);
    expect(sameOrganisation('ÆrøKommune', 'ærøkommune')).toBe(true);
    expect(sameOrganisation('Aarhus Kommune', 'Århus Kommune')).toBe(false);
  });
});
