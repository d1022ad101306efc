import { describe, expect, it } from 'vitest';
import { createTestSigner } from '../testSupport/testSigner';
import { FINGERPRINT_PATTERN, keyFingerprint } from './fingerprint';

describe('keyFingerprint', () => {
  it('is the first 16 bytes of the RFC 7638 thumbprint (RFC 8037 Ed25519 example)', async () => {
    // RFC 8037 A.3: thumbprint kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k
    const key = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
    expect(await keyFingerprint(key)).toBe('90FA CAFE A9B1 5566 9854 0F70 C011 7A22');
  });

  it('ignores member order and non-public members, and differs between keys', async () => {
    const a = await createTestSigner('ECDSA-P256');
    const b = await createTestSigner('ECDSA-P256');
    const fa = await keyFingerprint(a.publicKey);
    expect(fa).toMatch(FINGERPRINT_PATTERN);
    const { x, y, crv, kty } = a.publicKey;
    expect(await keyFingerprint({ y, x, kty, crv })).toBe(fa);
    expect(await keyFingerprint(a.privateJwk)).toBe(fa);
    expect(await keyFingerprint(b.publicKey)).not.toBe(fa);
  });

  it('refuses a key that is neither EC P-256 nor Ed25519', async () => {
    await expect(keyFingerprint({ kty: 'RSA', n: 'AQAB', e: 'AQAB' })).rejects.toThrow('Not an Ed25519 public key');
    await expect(keyFingerprint({ kty: 'EC', crv: 'P-384', x: 'AA', y: 'AA' })).rejects.toThrow('Not an ECDSA-P256 public key');
  });
});
