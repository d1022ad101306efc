import { describe, expect, it } from 'vitest';
import { createTestSigner } from '../testSupport/testSigner';
import { keyFingerprint } from './fingerprint';
import { newNonce, signPeerProof, verifyPeerProof } from './peerProof';
import type { Presence } from './presence';
import { publicKeyJwk } from './publicKeyJwk';
import { docRoomName, docRoomPassword, lobbyPassword, lobbyRoomName } from './seriesRoom';

const ROOM = 'qZ3vN8sKp0aLr2Xy7TuW1g';
const WEEK1 = '0b7c2f7e-3d4b-4f43-9a51-5a6f2c1d9e10';
const WEEK2 = '6f1c2b1e-0000-4000-8000-000000000001';

describe('series room derivation', () => {
  it('gives each referat of a series its own room, the same on every device, that names neither the room id nor the referat', () => {
    const a = docRoomName(ROOM, WEEK1);
    expect(a).toBe(docRoomName(ROOM, WEEK1));
    expect(a).toMatch(/^referat-[A-Za-z0-9_-]{22}$/);
    expect(docRoomName(ROOM, WEEK2)).not.toBe(a);
    expect(docRoomName('anotherRoomIdXYZ1234', WEEK1)).not.toBe(a);
    for (const part of [ROOM, WEEK1, WEEK1.slice(0, 8)]) expect(a).not.toContain(part);
    // The old scheme's name is not among them, so a client of the old scheme meets nobody of the new one.
    expect(a).not.toBe(`referat-${ROOM}`);
  });

  it('keeps the lobby apart from every referat room, by name and by password', () => {
    const lobby = lobbyRoomName(ROOM);
    expect(lobby).toMatch(/^referat-[A-Za-z0-9_-]{22}$/);
    expect(lobby).not.toBe(docRoomName(ROOM, WEEK1));
    expect(lobbyRoomName('anotherRoomIdXYZ1234')).not.toBe(lobby);
    const pw = 'secret.1800000000';
    expect(new Set([docRoomPassword(pw, WEEK1), docRoomPassword(pw, WEEK2), lobbyPassword(pw), pw]).size).toBe(4);
    expect(docRoomPassword(pw, WEEK1).startsWith(pw)).toBe(true);
  });

  it('is pinned: a change of the derivation would split a series across versions', () => {
    // SHA-256("referat-room/1|<room>|<doc>") and SHA-256("referat-lobby/1|<room>") in base64url, cut to 22
    // characters, as Node's crypto computes them.
    expect(docRoomName(ROOM, WEEK1)).toBe('referat-1nXEROzcW9VEYwKvIZo02T');
    expect(lobbyRoomName(ROOM)).toBe('referat-UzhSOD8QnjzuGccwLApoy7');
  });
});

describe('peer proofs in a series', () => {
  it('binds a proof to one referat’s room: replayed in another referat’s room of the same series, or in the lobby, it fails', async () => {
    const signer = await createTestSigner('Ed25519');
    const me: Presence = {
      name: 'Bo Lund',
      organisation: 'Systemhuset A/S',
      organisationKind: 'leverandoer',
      fingerprint: await keyFingerprint(signer.publicKey),
      algorithm: 'Ed25519',
      publicKey: publicKeyJwk(signer.publicKey, 'Ed25519'),
      color: '#1f4e79',
      stateVector: '',
      deleteSetHash: '',
      contentHash: '',
    };
    const nonce = newNonce();
    const proof = Uint8Array.from(atob(await signPeerProof(signer, docRoomName(ROOM, WEEK1), nonce, 5, me)), (c) => c.charCodeAt(0));
    expect(await verifyPeerProof(me, 5, proof, docRoomName(ROOM, WEEK1), nonce)).toBe(true);
    expect(await verifyPeerProof(me, 5, proof, docRoomName(ROOM, WEEK2), nonce)).toBe(false);
    expect(await verifyPeerProof(me, 5, proof, lobbyRoomName(ROOM), nonce)).toBe(false);
    expect(await verifyPeerProof(me, 5, proof, ROOM, nonce)).toBe(false);
  });
});
