// What an approval's signature covers, and checking it: every member but `signature`, as canonical JSON.
import * as Y from 'yjs';
import { base64ToBytes } from './base64';
import { canonicalJson } from './canonicalContent';
import { keyFingerprint } from './fingerprint';
import { isPublicKeyJwk, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './publicKeyJwk';
import { verifySignature } from './signature';

/** UTF-8 of the canonical JSON of every member except `signature`, so members a later version adds are signed too. */
export function approvalSigningInput(members: Readonly<Record<string, unknown>>): Uint8Array {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(members)) if (k !== 'signature') rest[k] = v;
  return new TextEncoder().encode(canonicalJson(rest));
}

/** Results already computed on this device, keyed by everything the result depends on. */
const known = new Map<string, boolean>();

function cacheKey(members: Readonly<Record<string, unknown>>): string | null {
  if (Object.values(members).some((v) => v instanceof Y.AbstractType)) return null;
  return canonicalJson(members);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Version 2 members (docs/FORMAT.md): `entryVersion` 2, the referat id, the signer's participant id and a Yjs snapshot. */
function entryVersionValid(members: Readonly<Record<string, unknown>>): boolean {
  if (!('entryVersion' in members)) return true;
  if (members.entryVersion !== 2) return false;
  const referatId = str(members.referatId);
  const participantId = str(members.participantId);
  const snapshot = str(members.snapshot);
  if (referatId === null || !/^[a-z0-9-]{1,64}$/.test(referatId)) return false;
  if (participantId === null || participantId.length === 0 || participantId.length > 100) return false;
  return snapshot !== null && base64ToBytes(snapshot) !== null;
}

async function check(members: Readonly<Record<string, unknown>>): Promise<boolean> {
  const algorithm = str(members.algorithm) as SignatureAlgorithm | null;
  if (algorithm === null || !SIGNATURE_ALGORITHMS.includes(algorithm)) return false;
  const { publicKey } = members;
  if (!isPublicKeyJwk(publicKey, algorithm)) return false;
  if (str(members.fingerprint) !== (await keyFingerprint(publicKey))) return false;
  if (!str(members.id) || !/^[0-9a-f]{64}$/.test(str(members.contentHash) ?? '')) return false;
  if (str(members.name) === null || str(members.organisation) === null || str(members.approvedAt) === null) return false;
  const stateVector = str(members.stateVector);
  if (stateVector === null || base64ToBytes(stateVector) === null) return false;
  if (!entryVersionValid(members)) return false;
  const signature = base64ToBytes(str(members.signature) ?? '');
  if (signature === null || signature.length !== 64) return false;
  return verifySignature(publicKey, algorithm, signature, approvalSigningInput(members));
}

/**
 * True when the entry is well formed, its fingerprint is its key's, and the signature over its other members
 * verifies with that key. Never throws; a Yjs type among the members makes it invalid.
 */
export async function verifyApprovalSignature(members: Readonly<Record<string, unknown>>): Promise<boolean> {
  const key = cacheKey(members);
  if (key === null) return false;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const valid = await check(members).catch(() => false);
  known.set(key, valid);
  return valid;
}

/** The result of an earlier verifyApprovalSignature of exactly these members on this device, or undefined. */
export function knownApprovalSignature(members: Readonly<Record<string, unknown>>): boolean | undefined {
  const key = cacheKey(members);
  return key === null ? false : known.get(key);
}
