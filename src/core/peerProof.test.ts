import { describe, expect, it } from 'vitest';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { bytesToBase64 } from './base64';
import { keyFingerprint } from './fingerprint';
import { MAX_PROOFS, newNonce, parseLiveProofs, signPeerProof, verifyPeerProof } from './peerProof';
import { parsePresence, type Presence } from './presence';
import { publicKeyJwk } from './publicKeyJwk';

const ROOM = 'abcdefghijklmnopqrstuv';

async function peer(signer: TestSigner, name = 'Bo Lund', organisation = 'Systemhuset A/S'): Promise<Presence> {
  return {
    name,
    organisation,
    organisationKind: 'leverandoer',
    fingerprint: await keyFingerprint(signer.publicKey),
    algorithm: signer.algorithm,
    publicKey: publicKeyJwk(signer.publicKey, signer.algorithm),
    color: '#1f4e79',
    stateVector: 'AA==',
    deleteSetHash: '',
    contentHash: '',
  };
}

async function proofOf(signer: TestSigner, p: Presence, nonce: string, clientId: number, room = ROOM): Promise<Uint8Array> {
  const sig = await signPeerProof(signer, room, nonce, clientId, p);
  const proof = parseLiveProofs({ proofs: { 1: sig } }).proofs.get(1);
  if (!proof) throw new Error('proof did not parse');
  return proof;
}

describe('peer proofs', () => {
  it.each(['Ed25519', 'ECDSA-P256'] as const)('a peer that signs my nonce with the key it announces is proven (%s)', async (alg) => {
    const bo = await createTestSigner(alg);
    const p = await peer(bo);
    const myNonce = newNonce();
    expect(await verifyPeerProof(p, 42, await proofOf(bo, p, myNonce, 42), ROOM, myNonce)).toBe(true);
  });

  it('refuses a proof for another nonce, room or client id, or of another presence', async () => {
    const bo = await createTestSigner('Ed25519');
    const p = await peer(bo);
    const myNonce = newNonce();
    const proof = await proofOf(bo, p, myNonce, 42);
    expect(await verifyPeerProof(p, 42, proof, ROOM, newNonce())).toBe(false);
    expect(await verifyPeerProof(p, 42, proof, 'another-room-id-xxxxxx', myNonce)).toBe(false);
    // Relayed by another awareness client: the proof names the client that made it.
    expect(await verifyPeerProof(p, 43, proof, ROOM, myNonce)).toBe(false);
    expect(await verifyPeerProof({ ...p, name: 'Jens Hansen' }, 42, proof, ROOM, myNonce)).toBe(false);
    expect(await verifyPeerProof({ ...p, organisation: 'Holstebro Kommune' }, 42, proof, ROOM, myNonce)).toBe(false);
    expect(await verifyPeerProof({ ...p, organisationKind: 'kommune' }, 42, proof, ROOM, myNonce)).toBe(false);
    expect(await verifyPeerProof(p, 42, undefined, ROOM, myNonce)).toBe(false);
  });

  it("refuses a peer that announces another party's fingerprint, with its own key or with the other party's", async () => {
    const kommune = await createTestSigner('Ed25519');
    const eve = await createTestSigner('Ed25519');
    const myNonce = newNonce();
    const real = await peer(kommune, 'Mette Holm', 'Aarhus Kommune');
    // Eve's own key under the municipality's fingerprint: the key does not hash to it.
    const ownKey = { ...(await peer(eve, 'Mette Holm', 'Aarhus Kommune')), fingerprint: real.fingerprint };
    expect(await verifyPeerProof(ownKey, 7, await proofOf(eve, ownKey, myNonce, 7), ROOM, myNonce)).toBe(false);
    // The municipality's public key (it is in every file), signed by Eve: the signature does not verify.
    expect(await verifyPeerProof(real, 7, await proofOf(eve, real, myNonce, 7), ROOM, myNonce)).toBe(false);
    // A peer that announces no key at all is never proven.
    expect(await verifyPeerProof({ ...real, publicKey: null, algorithm: null }, 7, await proofOf(kommune, real, myNonce, 7), ROOM, myNonce)).toBe(false);
  });

  it('reads nonce and proofs strictly, and ignores a proofs map with too many entries', async () => {
    const sig = bytesToBase64(new Uint8Array(64).fill(7));
    const nonce = newNonce();
    expect(parseLiveProofs({ nonce, proofs: { 12: sig } })).toEqual({ nonce, proofs: new Map([[12, new Uint8Array(64).fill(7)]]) });
    expect(parseLiveProofs({ nonce: 'kort', proofs: { x: sig, '-1': sig, '01': sig, 5: 'AAAA', 6: 42 } })).toEqual({ nonce: null, proofs: new Map() });
    expect(parseLiveProofs({ nonce: 'A'.repeat(200) }).nonce).toBeNull();
    expect(parseLiveProofs({ nonce: 17, proofs: [sig] })).toEqual({ nonce: null, proofs: new Map() });
    expect(parseLiveProofs(null)).toEqual({ nonce: null, proofs: new Map() });
    const many = Object.fromEntries(Array.from({ length: MAX_PROOFS + 1 }, (_, i) => [String(i), sig]));
    expect(parseLiveProofs({ nonce, proofs: many }).proofs.size).toBe(0);
    const enough = Object.fromEntries(Array.from({ length: MAX_PROOFS }, (_, i) => [String(i), sig]));
    expect(parseLiveProofs({ nonce, proofs: enough }).proofs.size).toBe(MAX_PROOFS);
    expect(newNonce()).not.toBe(newNonce());
  });
});

describe('parsePresence', () => {
  it('reads a full presence and one from a version without a key (listed, never proven)', async () => {
    const bo = await createTestSigner('ECDSA-P256');
    const p = await peer(bo);
    expect(parsePresence({ presence: p })).toEqual(p);
    const { algorithm: _a, publicKey: _k, deleteSetHash: _d, contentHash: _c, ...old } = p;
    expect(parsePresence({ presence: old })).toEqual({ ...old, algorithm: null, publicKey: null, deleteSetHash: '', contentHash: '' });
  });

  it.each([
    ['a name over 200 characters', { name: 'x'.repeat(201) }],
    ['a fingerprint of another shape', { fingerprint: 'abcd' }],
    ['an unknown organisation kind', { organisationKind: 'firma' }],
    ['a colour that is not #rrggbb', { color: 'red' }],
    ['a state vector that is not base64', { stateVector: '<script>' }],
    ['a state vector over 100 000 characters', { stateVector: 'A'.repeat(100_004) }],
    ['a content hash that is not hex SHA-256', { contentHash: 'xyz' }],
    ['a key with a private member', { publicKey: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), d: 'A'.repeat(43) } }],
    ['an unknown algorithm', { algorithm: 'RSA' }],
  ])('refuses %s', async (_what, change) => {
    const p = await peer(await createTestSigner('Ed25519'));
    expect(parsePresence({ presence: { ...p, ...change } })).toBeNull();
  });
});
