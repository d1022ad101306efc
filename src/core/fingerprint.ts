// A public key's fingerprint, for people to read aloud and compare: the RFC 7638 JWK thumbprint, first 16 bytes.
import { publicKeyJwk } from './publicKeyJwk';
import { sha256 } from './sha256';

/** Eight groups of four uppercase hex digits separated by single spaces, e.g. `A3F9 12C0 …`. */
export const FINGERPRINT_PATTERN = /^[0-9A-F]{4}( [0-9A-F]{4}){7}$/;

/** RFC 7638: the required public members in lexicographic order, no whitespace. */
function thumbprintInput(key: JsonWebKey): string {
  const k = publicKeyJwk(key, key.kty === 'EC' ? 'ECDSA-P256' : 'Ed25519');
  if (k.kty === 'EC') return JSON.stringify({ crv: k.crv, kty: k.kty, x: k.x, y: k.y });
  return JSON.stringify({ crv: k.crv, kty: k.kty, x: k.x });
}

/** Throws if the key is neither an EC P-256 nor an OKP Ed25519 key; private members are ignored. */
export async function keyFingerprint(publicKey: JsonWebKey): Promise<string> {
  const digest = sha256(new TextEncoder().encode(thumbprintInput(publicKey)));
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) {
    groups.push((((digest[i] as number) << 8) | (digest[i + 1] as number)).toString(16).toUpperCase().padStart(4, '0'));
  }
  return groups.join(' ');
}
