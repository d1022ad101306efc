// Backs up every referat on this device, the trash included, as signed full `.referat` copies in one streamed
// ZIP with a backup.json index. Restoring (restoreLibrary.ts) merges them; nothing is ever overwritten.
import * as Y from 'yjs';
import { readMeta } from '../core/meta';
import { encodeReferatFile } from '../core/referatFile';
import { sha256Hex } from '../core/sha256';
import { fileNameDate } from '../export/exportDates';
import { BACKUP_INDEX_PATH, BACKUP_VERSION, backupFilePath, backupIndexJson, signBackupIndex, type BackupEntry } from '../export/backupIndex';
import { ZipWriter, type ZipSink } from '../export/zipWriter';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { storedDocIds } from '../storage/storedDocIds';
import type { LocalIdentity } from './localIdentity';
import { storedReferater } from './storedReferater';

export interface BackupProgress {
  done: number;
  total: number;
}

export interface BackupResult {
  count: number;
  bytes: number;
}

export async function backupLibrary(
  db: LibraryDatabase,
  local: LocalIdentity,
  sink: ZipSink,
  options: { signal?: AbortSignal; onProgress?: (p: BackupProgress) => void; now?: Date } = {},
): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const ids = (await storedDocIds()).toSorted();
  const trashed = new Set(await db.trash.toCollection().primaryKeys());
  const zip = new ZipWriter(sink, { mtime: now });
  const entries: BackupEntry[] = [];
  const sender = { name: local.me.name, organisation: local.me.organisation, organisationKind: local.me.organisationKind };
  try {
    for await (const { id, doc } of storedReferater(ids)) {
      options.signal?.throwIfAborted();
      const title = readMeta(doc).title;
      const file = await encodeReferatFile({
        docId: id, title, sender, signer: local.identity, stateVector: Y.encodeStateVector(doc), base: null, update: Y.encodeStateAsUpdate(doc), now,
      });
      await zip.add(backupFilePath(id), file);
      entries.push({ id, title, file: backupFilePath(id), trashed: trashed.has(id), sha256: sha256Hex(file) });
      options.onProgress?.({ done: entries.length, total: ids.length });
    }
    options.signal?.throwIfAborted();
    const index = { backupVersion: BACKUP_VERSION, createdAt: now.toISOString(), device: { name: local.me.name, organisation: local.me.organisation, fingerprint: local.me.fingerprint }, referater: entries };
    // Signed with the device key: a restore trusts the signers in it only when it knows this key (restoreLibrary.ts).
    const signed = await signBackupIndex(index, local.identity);
    await zip.add(BACKUP_INDEX_PATH, new TextEncoder().encode(backupIndexJson(signed)));
    return { count: entries.length, bytes: await zip.finish() };
  } catch (e) {
    zip.abort();
    throw e;
  }
}

export function backupFileName(now = new Date()): string {
  return `referat-sikkerhedskopi ${fileNameDate(now)}.zip`;
}
