import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createTestSigner } from '../testSupport/testSigner';
import { approvalSigningInput, verifyApprovalSignature } from './approvalSignature';
import { readApprovals, readSignedApprovals, type SignedApproval } from './approvals';
import { approve, ContentChangedError } from './approve';
import { base64ToBytes, bytesToBase64 } from './base64';
import { contentHash } from './canonicalContent';
import { keyFingerprint } from './fingerprint';
import { initReferat } from './initReferat';
import { setTitle } from './meta';
import type { Profile } from './profile';
import { approvalsArray, newReferatDoc } from './referatDoc';
import { STANDARD_TEMPLATE } from './templates';

const METTE: Profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };

function referat(): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, {
    id: '6f1c2b1e-0000-4000-8000-000000000001', title: 'Styregruppemøde', date: '2026-03-04',
    createdAt: '2026-03-04T10:00:00Z', template: STANDARD_TEMPLATE, creator: METTE,
  });
  return doc;
}

/** The same value with object members in key order, so plain JSON.stringify writes canonical JSON. */
function sortedKeys(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.keys(v).toSorted().map((k) => [k, sortedKeys((v as Record<string, unknown>)[k])]));
}

/** A copy of the entry's members with one member replaced, as a peer could write it. */
function tampered(members: Readonly<Record<string, unknown>>, key: string, value: unknown): Record<string, unknown> {
  return { ...members, [key]: value };
}

/** The signature's verdict and whether the entry approved the content the copy holds now. */
async function verifyApproval(doc: Y.Doc, entry: SignedApproval) {
  return { signatureValid: await verifyApprovalSignature(entry.members), matchesCurrentContent: entry.contentHash === contentHash(doc) };
}

describe('approve', () => {
  for (const algorithm of ['Ed25519', 'ECDSA-P256'] as const) {
    it(`stores a signed approval of the current content (${algorithm}) that verifies on any copy`, async () => {
      const doc = referat();
      const signer = await createTestSigner(algorithm);
      const hash = contentHash(doc);
      const sv = Y.encodeStateVector(doc);
      const a = await approve(doc, METTE, signer, { now: new Date('2026-03-04T12:00:00Z'), expectedHash: hash });
      expect(a).toMatchObject({
        name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune',
        approvedAt: '2026-03-04T12:00:00.000Z', contentHash: hash, fingerprint: await keyFingerprint(signer.publicKey),
      });
      expect(a.members).toMatchObject({ algorithm, stateVector: bytesToBase64(sv) });
      expect(Object.keys(a.members).toSorted()).toEqual(
        ['algorithm', 'approvedAt', 'contentHash', 'entryVersion', 'fingerprint', 'id', 'name', 'organisation', 'organisationKind', 'participantId', 'publicKey', 'referatId', 'signature', 'snapshot', 'stateVector'],
      );
      expect(Object.keys(a.members.publicKey as object).toSorted()).toEqual(algorithm === 'Ed25519' ? ['crv', 'kty', 'x'] : ['crv', 'kty', 'x', 'y']);
      expect(readApprovals(doc)).toEqual([expect.objectContaining({ id: a.id, contentHash: hash })]);

      // Another device: a plain copy, verified from scratch.
      const copy = newReferatDoc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      const [entry] = readSignedApprovals(copy);
      expect(await verifyApproval(copy, entry!)).toEqual({ signatureValid: true, matchesCurrentContent: true });
      setTitle(copy, 'Styregruppemøde 4');
      expect(await verifyApproval(copy, entry!)).toEqual({ signatureValid: true, matchesCurrentContent: false });
      // The signature is over the canonical JSON of the other members, as docs/FORMAT.md says.
      const { signature, ...rest } = entry!.members;
      expect(new TextDecoder().decode(approvalSigningInput(entry!.members))).toBe(JSON.stringify(sortedKeys(rest)));
      expect(base64ToBytes(signature as string)).toHaveLength(64);
    });
  }

  it('fails verification when any member is changed', async () => {
    const doc = referat();
    const signer = await createTestSigner('Ed25519');
    const other = await createTestSigner('Ed25519');
    const { members } = await approve(doc, METTE, signer);
    expect(await verifyApprovalSignature(members)).toBe(true);
    const flipped = (b64: string) => {
      const bytes = base64ToBytes(b64)!;
      bytes[5] = (bytes[5] ?? 0) ^ 1;
      return bytesToBase64(bytes);
    };
    const cases: Array<[string, unknown]> = [
      ['id', 'another-id'],
      ['name', 'Mette Holm '],
      ['organisation', 'Systemhuset A/S'],
      ['organisationKind', 'leverandoer'],
      ['algorithm', 'ECDSA-P256'],
      ['fingerprint', await keyFingerprint(other.publicKey)],
      ['publicKey', { kty: 'OKP', crv: 'Ed25519', x: other.publicKey.x }],
      ['approvedAt', '2030-01-01T00:00:00.000Z'],
      ['contentHash', '0'.repeat(64)],
      ['stateVector', bytesToBase64(new Uint8Array([0]))],
      ['entryVersion', 3],
      ['referatId', '6f1c2b1e-0000-4000-8000-000000000099'],
      ['participantId', 'someone-else'],
      ['snapshot', bytesToBase64(new Uint8Array([0, 0]))],
      ['signature', flipped(members.signature as string)],
      ['signature', 'not base64!'],
      ['extra', 'a member the signer never saw'],
      ['name', 7],
      ['name', new Y.Text('Mette Holm')],
    ];
    for (const [key, value] of cases) {
      expect(await verifyApprovalSignature(tampered(members, key, value)), `tampered ${key}`).toBe(false);
    }
    // The right key and fingerprint of someone else, with the original signature, still fails.
    const swapped = { ...members, publicKey: { kty: 'OKP', crv: 'Ed25519', x: other.publicKey.x }, fingerprint: await keyFingerprint(other.publicKey) };
    expect(await verifyApprovalSignature(swapped)).toBe(false);
    const withPrivate = { ...members, publicKey: { ...(members.publicKey as object), d: signer.privateJwk.d } };
    expect(await verifyApprovalSignature(withPrivate)).toBe(false);
  });

  it('refuses to sign content that changed after the user confirmed it, and writes nothing', async () => {
    const doc = referat();
    const signer = await createTestSigner('Ed25519');
    const shown = contentHash(doc);
    setTitle(doc, 'Ændret titel');
    await expect(approve(doc, METTE, signer, { expectedHash: shown })).rejects.toBeInstanceOf(ContentChangedError);
    await expect(approve(doc, { ...METTE, name: ' ' }, signer)).rejects.toThrow(RangeError);
    expect(approvalsArray(doc).length).toBe(0);
  });

  it('skips hostile entries in the array and never throws on them', async () => {
    const doc = referat();
    const signer = await createTestSigner('Ed25519');
    await approve(doc, METTE, signer);
    const raw = approvalsArray(doc) as unknown as Y.Array<unknown>;
    const badHash = new Y.Map<unknown>();
    const nested = new Y.Map<unknown>();
    const wrongTypes = new Y.Map<unknown>();
    const forged = new Y.Map<unknown>();
    doc.transact(() => {
      raw.push(['string', 42, null, true, { id: 'x', contentHash: 'a'.repeat(64) }, [1, 2], new Uint8Array([1])]);
      raw.push([new Y.Array(), new Y.Text('hej'), new Y.XmlElement('p')]);
      badHash.set('id', 'b');
      badHash.set('contentHash', 'XYZ');
      nested.set('id', 'n');
      nested.set('contentHash', 'b'.repeat(64));
      nested.set('publicKey', new Y.Map());
      nested.set('signature', new Y.Text('AAAA'));
      wrongTypes.set('id', 'w');
      wrongTypes.set('contentHash', 'c'.repeat(64));
      wrongTypes.set('approvedAt', 12);
      wrongTypes.set('organisationKind', 'hacker');
      for (const [k, v] of Object.entries(readSignedApprovals(doc)[0]!.members)) forged.set(k, v);
      forged.set('id', 'forged');
      raw.push([badHash, nested, wrongTypes, forged]);
    });
    const read = readSignedApprovals(doc);
    expect(read.map((a) => a.id).toSorted()).toEqual(['forged', 'n', 'w', read.find((a) => a.name === 'Mette Holm' && a.id !== 'forged')!.id].toSorted());
    expect(read.find((a) => a.id === 'w')).toMatchObject({ approvedAt: '', organisationKind: 'andet', name: '' });
    const checks = await Promise.all(read.map((a) => verifyApproval(doc, a)));
    expect(checks.map((c) => c.signatureValid).toSorted()).toEqual([false, false, false, true]);
  });
});
