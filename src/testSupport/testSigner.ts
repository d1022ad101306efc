// Test-only signers with fresh WebCrypto key pairs, for ECDSA P-256 and Ed25519.
import type { Signer } from '../core/referatFile';
import type { SignatureAlgorithm } from '../core/publicKeyJwk';

export interface TestSigner extends Signer {
  /** The full exported key pair, private `d` included, for tests that must leak it. */
  privateJwk: JsonWebKey;
}

export async function createTestSigner(algorithm: SignatureAlgorithm): Promise<TestSigner> {
  const subtle = globalThis.crypto.subtle;
  const keyParams = algorithm === 'ECDSA-P256' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' };
  const signParams = algorithm === 'ECDSA-P256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
  const pair = (await subtle.generateKey(keyParams, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    algorithm,
    publicKey: await subtle.exportKey('jwk', pair.publicKey),
    privateJwk: await subtle.exportKey('jwk', pair.privateKey),
    async sign(data) {
      return new Uint8Array(await subtle.sign(signParams, pair.privateKey, new Uint8Array(data)));
    },
  };
}
