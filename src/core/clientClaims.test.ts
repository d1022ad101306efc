import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestSigner } from '../testSupport/testSigner';
import { checkClaims, checkClaimsSync, claimsMap, readClaimEntries, signClaim, verifyClaims, writeClaim } from './clientClaims';
import { keyFingerprint } from './fingerprint';
import { metaMap, newReferatDoc } from './referatDoc';

const DOC_ID = '6f1c2b1e-0000-4000-8000-000000000001';

function referat(clientID?: number): Y.Doc {
  const doc = newReferatDoc();
  if (clientID !== undefined) doc.clientID = clientID;
  metaMap(doc).set('id', DOC_ID);
  return doc;
}

function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('client claims', () => {
  it('binds a client id to the key that claimed it, in every copy', async () => {
    const signer = await createTestSigner('Ed25519');
    const doc = referat();
    expect(writeClaim(doc, await signClaim(signer, doc.clientID, DOC_ID))).toBe(true);
    const copy = referat();
    sync(doc, copy);
    const owners = await verifyClaims(copy);
    expect([...owners]).toEqual([[doc.clientID, await keyFingerprint(signer.publicKey)]]);
    expect(checkClaimsSync(copy).owners.get(doc.clientID)).toBe(await keyFingerprint(signer.publicKey));
  });

  it('writes only a claim of its own client id, once', async () => {
    const signer = await createTestSigner('ECDSA-P256');
    const doc = referat();
    expect(writeClaim(doc, await signClaim(signer, doc.clientID + 1, DOC_ID))).toBe(false);
    expect(writeClaim(doc, await signClaim(signer, doc.clientID, DOC_ID))).toBe(true);
    expect(writeClaim(doc, await signClaim(signer, doc.clientID, DOC_ID))).toBe(false);
    expect(readClaimEntries(doc)).toHaveLength(1);
  });

  it('ignores a claim written by another client, a claim for another referat, and a tampered one, and reports them', async () => {
    const owner = await createTestSigner('Ed25519');
    const thief = await createTestSigner('Ed25519');
    const doc = referat(1001);
    writeClaim(doc, await signClaim(owner, 1001, DOC_ID));

    // Another client writes a claim of 1001 with its own key: it is not 1001's writer, so it never counts.
    const peer = referat(2002);
    sync(doc, peer);
    claimsMap(peer).set('1001', await signClaim(thief, 1001, DOC_ID));
    // A claim of 3003 signed for another referat, and a tampered claim of 4004.
    const other = referat(3003);
    claimsMap(other).set('3003', await signClaim(thief, 3003, '00000000-0000-4000-8000-000000000000'));
    const tampered = referat(4004);
    claimsMap(tampered).set('4004', { ...(await signClaim(thief, 4004, DOC_ID)), claimedAt: '2020-01-01T00:00:00.000Z' });
    const notAnObject = referat(5005);
    claimsMap(notAnObject).set('5005', 'me');
    const merged = referat();
    for (const d of [peer, other, tampered, notAnObject]) sync(d, merged);

    const result = await checkClaims(merged);
    expect([...result.owners]).toEqual([[1001, await keyFingerprint(owner.publicKey)]]);
    expect(result.conflicting).toEqual([{ clientId: 1001, fingerprint: await keyFingerprint(thief.publicKey), writer: 2002 }]);
  });

  it('keeps the first claim its client wrote when the entry is overwritten', async () => {
    const owner = await createTestSigner('Ed25519');
    const other = await createTestSigner('Ed25519');
    const doc = referat(7007);
    writeClaim(doc, await signClaim(owner, 7007, DOC_ID));
    claimsMap(doc).set('7007', await signClaim(other, 7007, DOC_ID));
    const copy = referat();
    sync(doc, copy);
    const result = await checkClaims(copy);
    expect(result.owners.get(7007)).toBe(await keyFingerprint(owner.publicKey));
    expect(result.conflicting.map((c) => c.fingerprint)).toEqual([await keyFingerprint(other.publicKey)]);
  });
});
