// backup.json of a library backup: who made it, when, and each referat's file and trash state; read strictly.
// The index is signed with the device key and lists each file's SHA-256, so a restore can tell whose backup it is.
import { base64ToBytes, bytesToBase64 } from '../core/base64';
import { canonicalJson } from '../core/canonicalContent';
import { keyFingerprint } from '../core/fingerprint';
import { isPublicKeyJwk, publicKeyJwk, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from '../core/publicKeyJwk';
import { isReferatId } from '../core/referatId';
import { verifySignature, type Signer } from '../core/signature';

export const BACKUP_INDEX_PATH = 'backup.json';
export const BACKUP_VERSION = 1;

export interface BackupEntry {
  id: string;
  title: string;
  /** Path of its `.referat` file in the ZIP. */
  file: string;
  /** It was in this device's trash when the backup was made. */
  trashed: boolean;
  /** SHA-256 of the `.referat` file, 64 lowercase hex digits; absent in backups made before the index was signed. */
  sha256?: string;
}

export interface BackupIndex {
  backupVersion: number;
  createdAt: string;
  device: { name: string; organisation: string; fingerprint: string };
  referater: BackupEntry[];
}

export const backupFilePath = (id: string) => `referater/${id}.referat`;

export function backupIndexJson(index: BackupIndex | Readonly<Record<string, unknown>>): string {
  return `${JSON.stringify(index, null, 2)}\n`;
}

const isString = (v: unknown, max = 1000): v is string => typeof v === 'string' && v.length <= max;

/** The index, or null when `json` is not one this version can read. Unknown members are ignored. */
export function readBackupIndex(json: unknown): BackupIndex | null {
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  const device = o['device'] as Record<string, unknown> | null;
  if (o['backupVersion'] !== BACKUP_VERSION || !isString(o['createdAt'], 40) || typeof device !== 'object' || device === null) return null;
  if (!isString(device['name']) || !isString(device['organisation']) || !isString(device['fingerprint'], 100)) return null;
  const list = o['referater'];
  if (!Array.isArray(list)) return null;
  const referater: BackupEntry[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const e = item as Record<string, unknown>;
    if (!isString(e['id'], 36) || !isReferatId(e['id']) || !isString(e['title']) || e['file'] !== backupFilePath(e['id']) || typeof e['trashed'] !== 'boolean') return null;
    const hash = e['sha256'];
    if (hash !== undefined && (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))) return null;
    referater.push({ id: e['id'], title: e['title'], file: e['file'], trashed: e['trashed'], ...(hash !== undefined ? { sha256: hash } : {}) });
  }
  return { backupVersion: BACKUP_VERSION, createdAt: o['createdAt'], device: { name: device['name'], organisation: device['organisation'], fingerprint: device['fingerprint'] }, referater };
}

/** UTF-8 of the canonical JSON of every member of the index except `signature`. */
function signingInput(index: Readonly<Record<string, unknown>>): Uint8Array {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(index)) if (k !== 'signature') rest[k] = v;
  return new TextEncoder().encode(canonicalJson(rest));
}

/** The index as written: the device's public key beside its fingerprint, and a signature over all the rest. */
export async function signBackupIndex(index: BackupIndex, signer: Signer): Promise<Record<string, unknown>> {
  const publicKey = publicKeyJwk(signer.publicKey, signer.algorithm);
  const unsigned = { ...index, device: { ...index.device, algorithm: signer.algorithm, publicKey } };
  return { ...unsigned, signature: bytesToBase64(await signer.sign(signingInput(unsigned))) };
}

/**
 * The fingerprint of the key that signed the index (its `device`), or null when it is unsigned, tampered, or its
 * key is not the one `device.fingerprint` names. Never throws.
 */
export async function backupIndexSigner(json: unknown): Promise<string | null> {
  try {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
    const o = json as Record<string, unknown>;
    const device = o['device'] as Record<string, unknown> | null;
    if (typeof device !== 'object' || device === null) return null;
    const algorithm = device['algorithm'] as SignatureAlgorithm;
    if (!SIGNATURE_ALGORITHMS.includes(algorithm) || !isPublicKeyJwk(device['publicKey'], algorithm)) return null;
    const fingerprint = await keyFingerprint(device['publicKey']);
    if (device['fingerprint'] !== fingerprint) return null;
    const signature = typeof o['signature'] === 'string' ? base64ToBytes(o['signature']) : null;
    if (signature === null || signature.length !== 64) return null;
    return (await verifySignature(device['publicKey'], algorithm, signature, signingInput(o))) ? fingerprint : null;
  } catch {
    return null;
  }
}
