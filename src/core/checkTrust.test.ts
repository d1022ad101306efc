import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { approve } from './approve';
import { readSignedApprovals } from './approvals';
import { checkTrust, checkTrustSync } from './checkTrust';
import { signClaim, writeClaim } from './clientClaims';
import { keyFingerprint } from './fingerprint';
import { initReferat } from './initReferat';
import { keyDirectory, type KnownKey } from './knownKey';
import { setMetaField } from './meta';
import { addParticipant, readParticipants, removeParticipant, updateParticipant } from './participants';
import type { Profile } from './profile';
import { approvalsArray, newReferatDoc } from './referatDoc';
import { STANDARD_TEMPLATE } from './templates';

const KOMMUNE: Profile = { name: 'Mette Holm', organisation: 'Holstebro Kommune', organisationKind: 'kommune' };
const VENDOR: Profile = { name: 'Bo Lund', organisation: 'Medialogic A/S', organisationKind: 'leverandoer' };
const ID = '6f1c2b1e-0000-4000-8000-000000000002';

function referat(id = ID): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id, title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T10:00:00Z', template: STANDARD_TEMPLATE, creator: KOMMUNE });
  addParticipant(doc, { ...VENDOR, role: '', present: true });
  return doc;
}

async function known(signer: TestSigner, who: Profile, confirmedBy: KnownKey['confirmedBy'] = 'inPerson'): Promise<KnownKey> {
  return { fingerprint: await keyFingerprint(signer.publicKey), ...who, confirmedBy, confirmedAt: '2026-03-01T00:00:00Z' };
}

async function parties() {
  const kommune = await createTestSigner('Ed25519');
  const vendor = await createTestSigner('ECDSA-P256');
  return { kommune, vendor };
}

describe('checkTrust', () => {
  it('is approved once a confirmed key of every organisation approved the current text', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own'), await known(vendor, VENDOR)]);
    expect((await checkTrust(doc, dir)).status).toBe('draft');
    await approve(doc, KOMMUNE, kommune);
    let trust = await checkTrust(doc, dir);
    expect(trust.status).toBe('proposed');
    expect(trust.organisations).toEqual([
      { organisation: 'Holstebro Kommune', state: 'approved' },
      { organisation: 'Medialogic A/S', state: 'missing' },
    ]);
    await approve(doc, VENDOR, vendor);
    trust = await checkTrust(doc, dir);
    expect(trust.status).toBe('approved');
    expect(trust.locked).toBe(true);
    expect(trust.approvals.map((a) => [a.entryVersion, a.valid, a.current, a.confirmedAs?.organisation])).toEqual([
      [2, true, true, 'Holstebro Kommune'],
      [2, true, true, 'Medialogic A/S'],
    ]);
    setMetaField(doc, 'location', 'Rådhuset');
    trust = await checkTrust(doc, dir);
    expect(trust.status).toBe('proposed');
    expect(trust.organisations.map((o) => o.state)).toEqual(['earlierVersion', 'earlierVersion']);
  });

  it('finding 1: a fresh key whose profile says "holstebro  kommune" does not approve for the municipality', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    const impostor = await createTestSigner('Ed25519');
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own'), await known(vendor, VENDOR)]);
    await approve(doc, VENDOR, vendor);
    await approve(doc, { name: 'Borgmester', organisation: 'holstebro  kommune', organisationKind: 'kommune' }, impostor);
    const trust = await checkTrust(doc, dir);
    expect(trust.status).toBe('proposed');
    expect(trust.organisations).toEqual([
      { organisation: 'Holstebro Kommune', state: 'unconfirmedKey' },
      { organisation: 'Medialogic A/S', state: 'approved' },
    ]);
    expect(trust.approvals.find((a) => a.name === 'Borgmester')).toMatchObject({ valid: true, current: true, confirmedAs: null });
  });

  it('finding 1: a key confirmed for the vendor counts only for the vendor, whatever its profile says', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own'), await known(vendor, VENDOR)]);
    await approve(doc, VENDOR, vendor);
    await approve(doc, { ...VENDOR, organisation: 'Holstebro Kommune' }, vendor);
    const trust = await checkTrust(doc, dir);
    expect(trust.status).toBe('proposed');
    expect(trust.organisations[0]).toEqual({ organisation: 'Holstebro Kommune', state: 'unconfirmedKey' });
  });

  it('finding 1: deleting the municipality participant leaves it required, and the removal is shown', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own'), await known(vendor, VENDOR)]);
    const mette = readParticipants(doc).find((p) => p.name === KOMMUNE.name)!;
    removeParticipant(doc, mette.id);
    await approve(doc, VENDOR, vendor);
    const trust = await checkTrust(doc, dir);
    expect(trust.status).toBe('proposed');
    expect(trust.organisations).toEqual([
      { organisation: 'Holstebro Kommune', state: 'missing' },
      { organisation: 'Medialogic A/S', state: 'approved' },
    ]);
    expect(trust.removed).toEqual([{ kind: 'participant', name: 'Mette Holm', organisation: 'Holstebro Kommune', removedBy: null }]);
  });

  it('finding 1: renaming the organisation or marking it absent keeps it required', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own'), await known(vendor, VENDOR)]);
    const mette = readParticipants(doc).find((p) => p.name === KOMMUNE.name)!;
    updateParticipant(doc, mette.id, { organisation: 'Medialogic A/S', present: false });
    await approve(doc, VENDOR, vendor);
    const trust = await checkTrust(doc, dir);
    expect(trust.status).toBe('proposed');
    expect(trust.organisations.map((o) => o.organisation)).toEqual(['Holstebro Kommune', 'Medialogic A/S']);
  });

  it('a participant the organisation itself removed (its own confirmed key wrote the change) no longer binds it', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own'), await known(vendor, VENDOR)]);
    // The municipality's own session (client 7, claimed by its key) marks Mette absent: that binds nobody now.
    const mette = readParticipants(doc).find((p) => p.name === KOMMUNE.name)!;
    const kommuneFp = await keyFingerprint(kommune.publicKey);
    doc.clientID = 7;
    updateParticipant(doc, mette.id, { present: false });
    await approve(doc, VENDOR, vendor);
    const owner = (client: number) => (client === 7 ? kommuneFp : null);
    expect((await checkTrust(doc, dir, { clientOwner: owner })).status).toBe('approved');
    expect((await checkTrust(doc, dir)).status).toBe('proposed');
  });

  it('reads who made a change from the verified claims in the document', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own'), await known(vendor, VENDOR)]);
    const mette = readParticipants(doc).find((p) => p.name === KOMMUNE.name)!;
    // The vendor's session claims its client id, then marks the municipality absent: that excuses nobody.
    const vendorSession = newReferatDoc();
    Y.applyUpdate(vendorSession, Y.encodeStateAsUpdate(doc));
    writeClaim(vendorSession, await signClaim(vendor, vendorSession.clientID, ID));
    updateParticipant(vendorSession, mette.id, { present: false });
    await approve(vendorSession, VENDOR, vendor);
    expect((await checkTrust(vendorSession, dir)).status).toBe('proposed');
    // The municipality's own claimed session marking Mette absent does.
    const kommuneSession = newReferatDoc();
    Y.applyUpdate(kommuneSession, Y.encodeStateAsUpdate(doc));
    writeClaim(kommuneSession, await signClaim(kommune, kommuneSession.clientID, ID));
    updateParticipant(kommuneSession, mette.id, { present: false });
    Y.applyUpdate(kommuneSession, Y.encodeStateAsUpdate(vendorSession));
    expect((await checkTrust(kommuneSession, dir)).status).toBe('approved');
    expect(checkTrustSync(kommuneSession, dir).status).toBe('approved');
  });

  it('finding 1: a deleted approval does not count, and is listed as removed', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own'), await known(vendor, VENDOR)]);
    await approve(doc, KOMMUNE, kommune);
    await approve(doc, VENDOR, vendor);
    approvalsArray(doc).delete(0, 1);
    const trust = await checkTrust(doc, dir);
    expect(trust.status).toBe('proposed');
    expect(trust.removed).toEqual([{ kind: 'approval', name: 'Mette Holm', organisation: 'Holstebro Kommune', removedBy: null }]);
  });

  it('a version 2 approval replayed into another referat is invalid', async () => {
    const a = referat();
    const { kommune } = await parties();
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own')]);
    await approve(a, KOMMUNE, kommune);
    const b = referat('6f1c2b1e-0000-4000-8000-000000000003');
    const entry = new Y.Map<unknown>();
    b.transact(() => {
      for (const [k, v] of Object.entries(readSignedApprovals(a)[0]!.members)) entry.set(k, v);
      approvalsArray(b).push([entry]);
    });
    const trust = await checkTrust(b, dir);
    expect(trust.approvals).toHaveLength(1);
    expect(trust.approvals[0]).toMatchObject({ valid: false, current: false, confirmedAs: null });
    expect(trust.status).toBe('draft');
  });

  it('signs the referat id, the participant id and a snapshot in version 2 entries', async () => {
    const doc = referat();
    const { kommune } = await parties();
    const a = await approve(doc, KOMMUNE, kommune, { participantId: 'p-1' });
    expect(a.members).toMatchObject({ entryVersion: 2, referatId: ID, participantId: 'p-1' });
    const snapshot = Y.decodeSnapshot(Uint8Array.from(atob(a.members.snapshot as string), (c) => c.charCodeAt(0)));
    expect(Y.equalSnapshots(snapshot, Y.snapshot(doc))).toBe(false); // the approval itself came after
    const restored = Y.createDocFromSnapshot(doc, snapshot);
    expect(restored.getArray('approvals').length).toBe(0);
    // Tampering with a signed member breaks the signature.
    const tampered = new Y.Map<unknown>();
    doc.transact(() => {
      for (const [k, v] of Object.entries(a.members)) tampered.set(k, v);
      tampered.set('participantId', 'p-2');
      tampered.set('id', 'tampered');
      approvalsArray(doc).push([tampered]);
    });
    const trust = await checkTrust(doc, keyDirectory([await known(kommune, KOMMUNE, 'own')]));
    expect(trust.approvals.map((x) => x.valid)).toEqual([true, false]);
  });

  it('a revoked key stops counting; a key list key counts only inside its validity', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    await approve(doc, KOMMUNE, kommune, { now: new Date('2026-03-04T12:00:00Z') });
    await approve(doc, VENDOR, vendor, { now: new Date('2026-03-04T12:00:00Z') });
    const own = await known(kommune, KOMMUNE, 'own');
    const v = await known(vendor, VENDOR, 'keyList');
    expect((await checkTrust(doc, keyDirectory([own, { ...v, validFrom: '2026-01-01', validTo: '2026-12-31' }]), { now: new Date('2026-06-01') })).status).toBe('approved');
    expect((await checkTrust(doc, keyDirectory([own, { ...v, validFrom: '2026-04-01' }]))).status).toBe('proposed');
    expect((await checkTrust(doc, keyDirectory([own, { ...v, revokedAt: '2026-05-01T00:00:00Z' }]))).status).toBe('proposed');
  });

  it('a reopening made after the approvals makes them earlier-version approvals', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own'), await known(vendor, VENDOR)]);
    await approve(doc, KOMMUNE, kommune);
    await approve(doc, VENDOR, vendor);
    const reopenings = [{ stateVector: Y.encodeStateVector(doc), entryId: null }];
    const trust = await checkTrust(doc, dir, { reopenings });
    expect(trust.status).toBe('proposed');
    expect(trust.locked).toBe(false);
    expect(trust.organisations.map((o) => o.state)).toEqual(['earlierVersion', 'earlierVersion']);
  });

  it('checkTrustSync counts only signatures verified on this device', async () => {
    const doc = referat();
    const { kommune, vendor } = await parties();
    const dir = keyDirectory([await known(kommune, KOMMUNE, 'own'), await known(vendor, VENDOR)]);
    await approve(doc, KOMMUNE, kommune);
    await approve(doc, VENDOR, vendor);
    const copy = newReferatDoc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(checkTrustSync(copy, dir).status).toBe('approved'); // approve() verified these exact entries here
    const stranger = await createTestSigner('Ed25519');
    const d2 = referat('6f1c2b1e-0000-4000-8000-000000000004');
    const e = new Y.Map<unknown>();
    const signed = (await approve(referat('6f1c2b1e-0000-4000-8000-000000000004'), KOMMUNE, stranger)).members;
    d2.transact(() => {
      for (const [k, v] of Object.entries(signed)) e.set(k, v === signed.approvedAt ? '2026-01-01T00:00:00.000Z' : v);
      approvalsArray(d2).push([e]);
    });
    expect(checkTrustSync(d2, dir).approvals[0]?.valid).toBe(false);
  });
});
