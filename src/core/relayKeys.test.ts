import { createHash, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestSigner } from '../testSupport/testSigner';
import { base64UrlToBytes, bytesToBase64Url } from './base64';
import { keyFingerprint } from './fingerprint';
import { accessVerifier, deriveRelayKeys, fingerprintBytes, fingerprintText, RELAY_INFO, senderTag } from './relayKeys';

const SECRET = 'q8Vx1n0bD3kR7tY2uW9zA4cE6gH5jL0m';
const DOC = '0f8b2c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b';
const OTHER_DOC = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';

describe('relay keys', () => {
  it('derive the mailbox id and access token with HKDF-SHA-256, as an independent HKDF computes them', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const expected = (info: string) =>
      bytesToBase64Url(new Uint8Array(hkdfSync('sha256', Buffer.from(SECRET), Buffer.from(DOC), Buffer.from(info), 32)));
    expect(keys.mailboxId).toBe(expected('referat-relay/1 mailbox'));
    expect(keys.accessToken).toBe(expected('referat-relay/1 access'));
    expect(keys.mailboxId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys.mailboxBytes).toEqual(base64UrlToBytes(keys.mailboxId));
    expect(new Set(Object.values(RELAY_INFO)).size).toBe(4);
  });

  it('are the same on every device with the secret, and unrelated for another secret or referat', async () => {
    const a = await deriveRelayKeys(SECRET, DOC);
    const b = await deriveRelayKeys(SECRET, DOC);
    const otherDoc = await deriveRelayKeys(SECRET, OTHER_DOC);
    const otherSecret = await deriveRelayKeys(`${SECRET}x`, DOC);
    expect(b.mailboxId).toBe(a.mailboxId);
    expect(b.accessToken).toBe(a.accessToken);
    for (const other of [otherDoc, otherSecret]) {
      expect(other.mailboxId).not.toBe(a.mailboxId);
      expect(other.accessToken).not.toBe(a.accessToken);
    }
    expect(a.accessToken).not.toBe(a.mailboxId);
    // The referat id appears nowhere in what the relay is told.
    expect(a.mailboxId).not.toContain(DOC.slice(0, 8));
  });

  it('keeps the content and sender keys inside WebCrypto', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    expect(keys.contentKey.extractable).toBe(false);
    expect(keys.contentKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(keys.senderKey.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('raw', keys.contentKey)).rejects.toThrow('extractable');
  });

  it('accepts the secret bound to its expiry, and refuses anything that is not a secret or not a referat id', async () => {
    await expect(deriveRelayKeys(`${SECRET}.1767225600`, DOC)).resolves.toHaveProperty('mailboxId');
    for (const bad of ['', 'short', `${SECRET} `, `${SECRET}.x`, 'a'.repeat(200)]) {
      await expect(deriveRelayKeys(bad, DOC)).rejects.toThrow('Not a sharing secret');
    }
    await expect(deriveRelayKeys(SECRET, 'not-an-id')).rejects.toThrow('Not a referat id');
  });

  it('gives the relay a verifier: SHA-256 of the token bytes, and nothing for a non-token', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const raw = base64UrlToBytes(keys.accessToken) as Uint8Array;
    expect(accessVerifier(keys.accessToken)).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(accessVerifier('')).toBeNull();
    expect(accessVerifier(keys.mailboxId.slice(1))).toBeNull();
    expect(accessVerifier('AAAA')).toBeNull();
  });

  it('names a device by a pseudonym per mailbox, so the relay cannot link it across referater', async () => {
    const signer = await createTestSigner('Ed25519');
    const fingerprint = await keyFingerprint(signer.publicKey);
    const raw = fingerprintBytes(fingerprint) as Uint8Array;
    expect(fingerprintText(raw)).toBe(fingerprint);
    expect(fingerprintBytes('90fa cafe a9b1 5566 9854 0f70 c011 7a22')).toBeNull();
    const a = await senderTag(await deriveRelayKeys(SECRET, DOC), raw);
    const again = await senderTag(await deriveRelayKeys(SECRET, DOC), raw);
    const other = await senderTag(await deriveRelayKeys(SECRET, OTHER_DOC), raw);
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(again).toBe(a);
    expect(other).not.toBe(a);
  });
});
