// What an import that threw comes to, for the person importing: a full disk, changes kept to be written later, or
// a file that could not be read. A storage failure must not be reported as a bad file.
import type { FileImportErrorCode } from '../sync/fileImportDecode';
import { UnsavedKeptError } from '../storage/unsavedKeptError';

export type ImportErrorCode =
  | FileImportErrorCode
  /** The device refused the write (quota): nothing was imported. */
  | 'storageFull'
  /** The merge is kept in this browser and written at the next open of the referat. */
  | 'keptOnDevice'
  /** The merge is kept only in this page's memory: it is gone when the page closes. */
  | 'keptInMemory'
  /** The referat's database refused the write for another reason: nothing was imported. */
  | 'storageFailed';

const STORAGE_ERRORS = new Set(['QuotaExceededError', 'InvalidStateError', 'AbortError', 'UnknownError', 'VersionError', 'TransactionInactiveError']);

export function importFailure(e: unknown): { kind: 'error'; code: ImportErrorCode; detail: string } {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (e instanceof UnsavedKeptError) return { kind: 'error', code: e.where === 'device' ? 'keptOnDevice' : 'keptInMemory', detail };
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return { kind: 'error', code: 'storageFull', detail };
  if (STORAGE_ERRORS.has(name)) return { kind: 'error', code: 'storageFailed', detail };
  return { kind: 'error', code: 'workerFailed', detail };
}
