// Signing and verifying `.referat` files with WebCrypto: ECDSA P-256 with SHA-256, or Ed25519.
import type { PublicKeyJwk, SignatureAlgorithm } from './publicKeyJwk';

/** Whoever signs an exported copy; the private key never leaves it. */
export interface Signer {
  publicKey: JsonWebKey;
  algorithm: SignatureAlgorithm;
  /** ECDSA signatures are IEEE P1363 `r || s` (64 bytes), as WebCrypto makes them; Ed25519 ones are 64 bytes. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** WebCrypto wants ArrayBuffer-backed views; copies the bytes when they sit in another kind of buffer. */
function plain(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** False for a bad signature and for a key WebCrypto refuses (e.g. a point not on the curve); never throws. */
export async function verifySignature(
  publicKey: PublicKeyJwk,
  algorithm: SignatureAlgorithm,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  const subtle = globalThis.crypto.subtle;
  try {
    if (algorithm === 'ECDSA-P256') {
      const key = await subtle.importKey('jwk', { ...publicKey }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
      return await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, plain(signature), plain(data));
    }
    const key = await subtle.importKey('jwk', { ...publicKey }, { name: 'Ed25519' }, false, ['verify']);
    return await subtle.verify({ name: 'Ed25519' }, key, plain(signature), plain(data));
  } catch {
    return false;
  }
}
