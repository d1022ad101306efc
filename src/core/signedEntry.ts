// Checking a signed entry stored in a referat (an approval, a reopening): the members every such entry has, its
// signature over every other member as canonical JSON, and a cache of the results on this device.
import * as Y from 'yjs';
import { base64ToBytes } from './base64';
import { canonicalJson } from './canonicalContent';
import { keyFingerprint } from './fingerprint';
import { isPublicKeyJwk, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './publicKeyJwk';
import { verifySignature } from './signature';

/** UTF-8 of the canonical JSON of every member except `signature`, so members a later version adds are signed too. */
export function entrySigningInput(members: Readonly<Record<string, unknown>>): Uint8Array {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(members)) if (k !== 'signature') rest[k] = v;
  return new TextEncoder().encode(canonicalJson(rest));
}

export interface SignedEntryVerifier {
  /** True when the entry is well formed and its signature verifies with its own key; never throws. */
  verify(members: Readonly<Record<string, unknown>>): Promise<boolean>;
  /** The result of an earlier verify of exactly these members on this device, or undefined. */
  known(members: Readonly<Record<string, unknown>>): boolean | undefined;
}

export const entryString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function cacheKey(members: Readonly<Record<string, unknown>>): string | null {
  if (Object.values(members).some((v) => v instanceof Y.AbstractType)) return null;
  return canonicalJson(members);
}

/**
 * A verifier for entries with `algorithm`, `publicKey`, `fingerprint` (the key's), `id`, `contentHash`, `name`,
 * `organisation`, a time member named `timeMember` and a 64-byte `signature`; `entryValid` adds the kind's own rules.
 */
export function signedEntryVerifier(timeMember: string, entryValid: (members: Readonly<Record<string, unknown>>) => boolean): SignedEntryVerifier {
  const results = new Map<string, boolean>();
  const str = entryString;
  const check = async (members: Readonly<Record<string, unknown>>): Promise<boolean> => {
    const algorithm = str(members.algorithm) as SignatureAlgorithm | null;
    if (algorithm === null || !SIGNATURE_ALGORITHMS.includes(algorithm)) return false;
    const { publicKey } = members;
    if (!isPublicKeyJwk(publicKey, algorithm)) return false;
    if (str(members.fingerprint) !== (await keyFingerprint(publicKey))) return false;
    if (!str(members.id) || !/^[0-9a-f]{64}$/.test(str(members.contentHash) ?? '')) return false;
    if (str(members.name) === null || str(members.organisation) === null || str(members[timeMember]) === null) return false;
    if (!entryValid(members)) return false;
    const signature = base64ToBytes(str(members.signature) ?? '');
    if (signature === null || signature.length !== 64) return false;
    return verifySignature(publicKey, algorithm, signature, entrySigningInput(members));
  };
  return {
    async verify(members) {
      const key = cacheKey(members);
      if (key === null) return false;
      const cached = results.get(key);
      if (cached !== undefined) return cached;
      const valid = await check(members).catch(() => false);
      results.set(key, valid);
      return valid;
    },
    known(members) {
      const key = cacheKey(members);
      return key === null ? false : results.get(key);
    },
  };
}
