import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createTestSigner, type TestSigner } from '../../tests/unit/support/testSigner';
import { readSignedApprovals } from './approvals';
import { approvalSigningInput } from './approvalSignature';
import { approvalState, derivedStatus, sameOrganisation, verifyApproval, verifyApprovals } from './approvalStatus';
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

const allValid = () => true;

describe('approval status', () => {
  it('is approved once every organisation among the participants has approved the current content', async () => {
    const doc = referat();
    expect(approvalState(doc, allValid)).toMatchObject({ status: 'draft', organisations: ['Aarhus Kommune', 'Systemhuset A/S'] });
    await approve(doc, METTE, await createTestSigner('Ed25519'));
    expect(approvalState(doc, allValid)).toMatchObject({ status: 'proposed', missing: ['Systemhuset A/S'] });
    expect(libraryEntry(doc, 'x').status).toBe('proposed');
    await approve(doc, { ...BO, organisation: 'systemhuset a/s ' }, await createTestSigner('ECDSA-P256'));
    expect(approvalState(doc, allValid)).toMatchObject({ status: 'approved', missing: [], currentHash: contentHash(doc) });
    expect(derivedStatus(doc)).toBe('approved');
    expect(libraryEntry(doc, 'x').status).toBe('approved');

    // An edit afterwards: the approvals stay, as approvals of an earlier version.
    setMetaField(doc, 'location', 'Rådhuset');
    expect(approvalState(doc, allValid)).toMatchObject({ status: 'proposed', missing: ['Aarhus Kommune', 'Systemhuset A/S'] });
    const entries = readSignedApprovals(doc);
    expect(entries).toHaveLength(2);
    for (const e of entries) expect(await verifyApproval(doc, e)).toEqual({ signatureValid: true, matchesCurrentContent: false });
  });

  it('counts only approvals whose signature this device has verified, in the index', async () => {
    const doc = referat();
    await writeSigned(doc, METTE, await createTestSigner('Ed25519'));
    await writeSigned(doc, BO, await createTestSigner('Ed25519'));
    expect(derivedStatus(doc)).toBe('draft');
    expect(approvalState(doc, allValid).status).toBe('approved');
    expect(await verifyApprovals(doc)).toBe(2);
    expect(await verifyApprovals(doc)).toBe(0);
    expect(derivedStatus(doc)).toBe('approved');
    for (const e of readSignedApprovals(doc)) expect((await verifyApproval(doc, e)).signatureValid).toBe(true);
  });

  it('never counts a forged approval: a copied entry with another organisation', async () => {
    const doc = referat();
    await approve(doc, METTE, await createTestSigner('Ed25519'));
    const forged = new Y.Map<unknown>();
    doc.transact(() => {
      for (const [k, v] of Object.entries(readSignedApprovals(doc)[0]!.members)) forged.set(k, v);
      forged.set('id', 'forged');
      forged.set('organisation', 'Systemhuset A/S');
      approvalsArray(doc).push([forged]);
    });
    const checks = await Promise.all(readSignedApprovals(doc).map((a) => verifyApproval(doc, a)));
    expect(checks.map((c) => c.signatureValid).toSorted()).toEqual([false, true]);
    expect(derivedStatus(doc)).toBe('proposed');
  });

  it('never trusts meta.status: approved there without approvals reads as proposed; no participants is never approved', async () => {
    const doc = referat();
    metaMap(doc).set('status', 'approved');
    expect(derivedStatus(doc)).toBe('proposed');
    metaMap(doc).set('status', 'nonsense');
    expect(derivedStatus(doc)).toBe('draft');
    const empty = newReferatDoc();
    metaMap(empty).set('id', 'e');
    await approve(empty, METTE, await createTestSigner('Ed25519'));
    expect(derivedStatus(empty)).toBe('proposed');
  });

  it('compares organisations case-blind with spaces trimmed and collapsed', () => {
    expect(sameOrganisation(' Aarhus  Kommune', 'aarhus kommune')).toBe(true);
    expect(sameOrganisation('ÆrøKommune', 'ærøkommune')).toBe(true);
    expect(sameOrganisation('Aarhus Kommune', 'Århus Kommune')).toBe(false);
  });
});
