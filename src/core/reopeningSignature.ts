// What a reopening's signature covers, and checking it: every member but `signature`, as canonical JSON (like approvals).
import * as Y from 'yjs';
import { approvalSigningInput } from './approvalSignature';
import { base64ToBytes } from './base64';
import { canonicalJson } from './canonicalContent';
import { keyFingerprint } from './fingerprint';
import { isPublicKeyJwk, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './publicKeyJwk';
import { verifySignature } from './signature';

/** The bytes a reopening's signature covers: the same rule as an approval's. */
export const reopeningSigningInput = approvalSigningInput;

const known = new Map<string, boolean>();

function cacheKey(members: Readonly<Record<string, unknown>>): string | null {
  if (Object.values(members).some((v) => v instanceof Y.AbstractType)) return null;
  return canonicalJson(members);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function check(members: Readonly<Record<string, unknown>>): Promise<boolean> {
  const algorithm = str(members.algorithm) as SignatureAlgorithm | null;
  if (algorithm === null || !SIGNATURE_ALGORITHMS.includes(algorithm)) return false;
  const { publicKey } = members;
  if (!isPublicKeyJwk(publicKey, algorithm)) return false;
  if (str(members.fingerprint) !== (await keyFingerprint(publicKey))) return false;
  if (!str(members.id) || !/^[0-9a-f]{64}$/.test(str(members.contentHash) ?? '')) return false;
  if (str(members.name) === null || str(members.organisation) === null || str(members.reopenedAt) === null) return false;
  if (!/^[a-z0-9-]{1,64}$/.test(str(members.referatId) ?? '')) return false;
  const stateVector = base64ToBytes(str(members.stateVector) ?? '');
  if (stateVector === null) return false;
  try {
    Y.decodeStateVector(stateVector);
  } catch {
    return false;
  }
  const signature = base64ToBytes(str(members.signature) ?? '');
  if (signature === null || signature.length !== 64) return false;
  return verifySignature(publicKey, algorithm, signature, reopeningSigningInput(members));
}

/**
 * True when the entry is well formed, its fingerprint is its key's and the signature over its other members verifies.
 * It does not say the entry belongs to this referat: compare `referatId` (verifiedReopenings does). Never throws.
 */
export async function verifyReopening(members: Readonly<Record<string, unknown>>): Promise<boolean> {
  const key = cacheKey(members);
  if (key === null) return false;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const valid = await check(members).catch(() => false);
  known.set(key, valid);
  return valid;
}

/** The result of an earlier verifyReopening of exactly these members on this device, or undefined. */
export function knownReopeningSignature(members: Readonly<Record<string, unknown>>): boolean | undefined {
  const key = cacheKey(members);
  return key === null ? false : known.get(key);
}
