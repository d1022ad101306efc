// backup.json of a library backup: who made it, when, and each referat's file and trash state; read strictly.
import { isReferatId } from '../core/referatId';

export const BACKUP_INDEX_PATH = 'backup.json';
export const BACKUP_VERSION = 1;

export interface BackupEntry {
  id: string;
  title: string;
  /** Path of its `.referat` file in the ZIP. */
  file: string;
  /** It was in this device's trash when the backup was made. */
  trashed: boolean;
}

export interface BackupIndex {
  backupVersion: number;
  createdAt: string;
  device: { name: string; organisation: string; fingerprint: string };
  referater: BackupEntry[];
}

export const backupFilePath = (id: string) => `referater/${id}.referat`;

export function backupIndexJson(index: BackupIndex): string {
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
    referater.push({ id: e['id'], title: e['title'], file: e['file'], trashed: e['trashed'] });
  }
  return { backupVersion: BACKUP_VERSION, createdAt: o['createdAt'], device: { name: device['name'], organisation: device['organisation'], fingerprint: device['fingerprint'] }, referater };
}
