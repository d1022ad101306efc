// Restores a backup (or any ZIP of `.referat` files, e.g. an aktindsigt package) by merging each copy into the
// library through the import path (decoded in a worker). The whole ZIP is checked before anything is merged;
// then each referat is merged whole or not at all. Nothing is overwritten or deleted. Signers become known only
// when the backup's index is signed by this device's key or a confirmed one; otherwise they are reported as unknown.
import { DEFAULT_MAX_REFERAT_FILE_BYTES, peekReferatFileHeader } from '../core/referatFile';
import { sha256Hex } from '../core/sha256';
import { BACKUP_INDEX_PATH, backupIndexSigner, readBackupIndex, type BackupIndex } from '../export/backupIndex';
import { openZip, ZipReadError, type ZipEntry, type ZipErrorCode, type ZipSource } from '../export/zipReader';
import { loadKeyDirectory } from '../storage/knownKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import type { DecodeFileOptions } from '../sync/decodeFileInWorker';
import type { ImportErrorCode } from './importFailure';
import { importCopy, type Sender } from './importCopy';
import { moveToTrash } from './libraryActions';

export type RestoreOutcome = 'new' | 'updated' | 'upToDate' | 'rejected';

export interface RestoreRow {
  /** The file's path in the ZIP. */
  path: string;
  docId: string | null;
  title: string;
  outcome: RestoreOutcome;
  /** Why it was rejected. */
  reason: ImportErrorCode | 'incomplete' | null;
  /** Merged, but its signer is unknown here and stays so. */
  signerUnknown: boolean;
}

export type RestoreErrorCode = ZipErrorCode | 'noReferater' | 'badIndex';

export type RestoreReport =
  | {
      kind: 'done';
      rows: RestoreRow[];
      index: BackupIndex | null;
      /** The fingerprint of the key that signed the index, or null when it is unsigned or does not verify. */
      signedBy: string | null;
      /** Signed by this device's own key or a confirmed key: only then were its signers trusted. */
      trusted: boolean;
      /** Signers of merged files that are unknown on this device, and were not made known. */
      unknownSigners: Sender[];
    }
  | { kind: 'error'; code: RestoreErrorCode; detail: string };

/** Limits for a restore ZIP: each entry no larger than a `.referat` file may be. */
export const RESTORE_LIMITS = { maxEntries: 20_000, maxEntryBytes: DEFAULT_MAX_REFERAT_FILE_BYTES, maxTotalBytes: 4 * 1024 ** 3, maxRatio: 100 };

export interface RestoreOptions {
  ownFingerprint: string;
  worker?: DecodeFileOptions;
  onProgress?: (p: { done: number; total: number }) => void;
}

class RestoreRefusal extends Error {
  constructor(readonly code: RestoreErrorCode, detail: string) {
    super(detail);
  }
}

async function checkedArchive(
  source: ZipSource,
): Promise<{ files: ZipEntry[]; index: BackupIndex | null; signedBy: string | null; read: (e: ZipEntry) => Promise<Uint8Array> }> {
  const archive = await openZip(source, RESTORE_LIMITS);
  const files = archive.entries.filter((e) => e.path.toLowerCase().endsWith('.referat'));
  if (files.length === 0) throw new RestoreRefusal('noReferater', 'the ZIP holds no .referat files');
  // First pass: every entry inflates within the limits and passes its CRC check, or nothing is merged.
  for (const e of archive.entries) await archive.read(e);
  const indexEntry = archive.entries.find((e) => e.path === BACKUP_INDEX_PATH);
  let index: BackupIndex | null = null;
  let signedBy: string | null = null;
  if (indexEntry) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await archive.read(indexEntry)));
    } catch {
      json = null;
    }
    index = readBackupIndex(json);
    if (!index) throw new RestoreRefusal('badIndex', `${BACKUP_INDEX_PATH} is damaged`);
    signedBy = await backupIndexSigner(json);
  }
  return { files, index, signedBy, read: (e) => archive.read(e) };
}

export async function restoreLibrary(db: LibraryDatabase, source: ZipSource, options: RestoreOptions): Promise<RestoreReport> {
  let checked: Awaited<ReturnType<typeof checkedArchive>>;
  try {
    checked = await checkedArchive(source);
  } catch (e) {
    if (e instanceof RestoreRefusal || e instanceof ZipReadError) return { kind: 'error', code: e.code, detail: e.message };
    throw e;
  }
  const { files, index, signedBy } = checked;
  const directory = await loadKeyDirectory(db);
  const trusted = signedBy !== null && (signedBy === options.ownFingerprint || directory.confirmed(signedBy) !== null);
  const listed = new Map(index?.referater.map((r) => [r.file, r.sha256]));
  const trashed = new Set(index?.referater.filter((r) => r.trashed).map((r) => r.id));
  const rows: RestoreRow[] = [];
  const unknownSigners = new Map<string, Sender>();
  for (const entry of files) {
    const bytes = await checked.read(entry);
    // A file's signer is trusted only when the trusted index lists this very file and it is signed by the index's key.
    const vouched = trusted && signerOf(bytes) === signedBy && listed.get(entry.path) === sha256Hex(bytes);
    const outcome = await importCopy(db, bytes, {
      ownFingerprint: options.ownFingerprint,
      ...(vouched ? { trustUnknownSigner: true } : { mergeUnknownSigner: true }),
      ...(options.worker ? { worker: options.worker } : {}),
    });
    const row: RestoreRow = { path: entry.path, docId: null, title: '', outcome: 'rejected', reason: null, signerUnknown: false };
    if (outcome.kind === 'error') row.reason = outcome.code;
    else {
      row.docId = outcome.docId;
      row.title = outcome.title;
      if (outcome.kind === 'imported') row.outcome = outcome.isNew ? 'new' : 'updated';
      else if (outcome.kind === 'alreadyIncluded') row.outcome = 'upToDate';
      else row.reason = outcome.kind === 'incomplete' ? 'incomplete' : 'badSignature';
      if ((outcome.kind === 'imported' || outcome.kind === 'alreadyIncluded') && outcome.signerUnknown) {
        row.signerUnknown = true;
        unknownSigners.set(outcome.sender.fingerprint, outcome.sender);
      }
    }
    // A referat that was in the trash when backed up, and is new here, goes back into the trash.
    if (row.outcome === 'new' && row.docId && trashed.has(row.docId)) await moveToTrash(db, row.docId);
    rows.push(row);
    options.onProgress?.({ done: rows.length, total: files.length });
  }
  return { kind: 'done', rows, index, signedBy, trusted, unknownSigners: [...unknownSigners.values()] };
}

function signerOf(bytes: Uint8Array): string | null {
  try {
    return peekReferatFileHeader(bytes).sender.fingerprint;
  } catch {
    return null;
  }
}
