// The public half of a signing key as a JWK with only its public members, checked strictly when read from a file.
import { base64UrlToBytes } from './base64';

export type SignatureAlgorithm = 'ECDSA-P256' | 'Ed25519';
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = ['ECDSA-P256', 'Ed25519'];

/** EC P-256 (`kty`, `crv`, `x`, `y`) or OKP Ed25519 (`kty`, `crv`, `x`); coordinates are 32 bytes, base64url. */
export type PublicKeyJwk =
  | { kty: 'EC'; crv: 'P-256'; x: string; y: string }
  | { kty: 'OKP'; crv: 'Ed25519'; x: string };

function is32Bytes(value: unknown): value is string {
  return typeof value === 'string' && value.length === 43 && base64UrlToBytes(value)?.length === 32;
}

function hasOnlyKeys(value: object, allowed: readonly string[]): boolean {
  return Object.keys(value).every((k) => allowed.includes(k));
}

/** True for exactly the members of a public key of this algorithm: no private `d`, no extra members. */
export function isPublicKeyJwk(value: unknown, algorithm: SignatureAlgorithm): value is PublicKeyJwk {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if (algorithm === 'ECDSA-P256') {
    return hasOnlyKeys(v, ['kty', 'crv', 'x', 'y']) && v.kty === 'EC' && v.crv === 'P-256' && is32Bytes(v.x) && is32Bytes(v.y);
  }
  return hasOnlyKeys(v, ['kty', 'crv', 'x']) && v.kty === 'OKP' && v.crv === 'Ed25519' && is32Bytes(v.x);
}

/** Copies only the public members of a key (dropping `d`, `ext`, `key_ops`, `alg`); throws if it is not of this algorithm. */
export function publicKeyJwk(key: JsonWebKey, algorithm: SignatureAlgorithm): PublicKeyJwk {
  const picked =
    algorithm === 'ECDSA-P256' ? { kty: key.kty, crv: key.crv, x: key.x, y: key.y } : { kty: key.kty, crv: key.crv, x: key.x };
  if (!isPublicKeyJwk(picked, algorithm)) throw new Error(`Not an ${algorithm} public key`);
  return picked;
}
