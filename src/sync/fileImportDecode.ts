// Decodes a received `.referat` file against this device's copy without touching it; runs inside a worker.
import * as Y from 'yjs';
import { metaMap } from '../core/referatDoc';
import { parseReferatFile, verifyReferatFile, type ParsedReferatFile } from '../core/referatFile';
import { ReferatFileError, type ReferatFileErrorCode } from '../core/referatFileError';
import type { ReferatFileHeader } from '../core/referatFileHeader';

export interface FileImportInput {
  fileBytes: Uint8Array;
  /** The receiving copy's full Yjs update, or null when this device has no copy. */
  currentState: Uint8Array | null;
  /** The referat the file is being imported into, or null to accept any. */
  expectedDocId: string | null;
  maxBytes: number;
}

export type FileImportErrorCode =
  | ReferatFileErrorCode
  | 'badSignature'
  | 'badUpdate'
  | 'docIdMismatch'
  /** Only from decodeFileInWorker: the worker took too long, or failed. */
  | 'timeout'
  | 'workerFailed';

export type FileImportResult =
  | {
      kind: 'ok';
      header: ReferatFileHeader;
      fingerprint: string;
      /** Exactly what the receiving copy lacks, re-encoded by Yjs (v1): apply it to the copy. */
      newUpdate: Uint8Array;
      /** New items (clock units) per Yjs client id, in ascending client order. */
      changesByClient: Array<{ client: number; count: number }>;
      /** True when the device had no copy, or an empty one. */
      isNewDocument: boolean;
    }
  | { kind: 'alreadyIncluded'; header: ReferatFileHeader; fingerprint: string }
  | {
      /** The file builds on changes this copy lacks: from `fromClock` (what the copy has) on, per client. */
      kind: 'incomplete';
      header: ReferatFileHeader;
      missing: Array<{ client: number; fromClock: number }>;
    }
  | { kind: 'error'; code: FileImportErrorCode; detail: string };

function error(code: FileImportErrorCode, detail: string): FileImportResult {
  return { kind: 'error', code, detail };
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 200);
}

/** Clients whose changes the scratch document waits for, and the clock this copy has of each. */
function missingClients(scratch: Y.Doc, before: Map<number, number>): Array<{ client: number; fromClock: number }> {
  const clients = new Set<number>();
  const pending = scratch.store.pendingStructs;
  if (pending !== null) for (const client of pending.missing.keys()) clients.add(client);
  if (scratch.store.pendingDs !== null) {
    for (const client of Y.decodeUpdateV2(scratch.store.pendingDs).ds.clients.keys()) clients.add(client);
  }
  return [...clients].toSorted((a, b) => a - b).map((client) => ({ client, fromClock: before.get(client) ?? 0 }));
}

async function decode(input: FileImportInput): Promise<FileImportResult> {
  let parsed: ParsedReferatFile;
  try {
    parsed = parseReferatFile(input.fileBytes, { maxBytes: input.maxBytes });
  } catch (e) {
    if (e instanceof ReferatFileError) return error(e.code, e.message);
    return error('badHeader', message(e));
  }
  const { header } = parsed;
  if (!(await verifyReferatFile(parsed))) return error('badSignature', 'the signature does not match the sender key');
  if (input.expectedDocId !== null && header.docId !== input.expectedDocId) {
    return error('docIdMismatch', 'the file is a copy of another referat');
  }

  const scratch = new Y.Doc({ gc: false });
  try {
    if (input.currentState !== null) Y.applyUpdate(scratch, input.currentState);
  } catch (e) {
    return error('badUpdate', `this device's copy could not be read: ${message(e)}`);
  }
  const before = Y.decodeStateVector(Y.encodeStateVector(scratch));
  const snapshotBefore = Y.snapshot(scratch);
  try {
    Y.applyUpdate(scratch, parsed.update);
  } catch (e) {
    return error('badUpdate', message(e));
  }
  try {
    const id = metaMap(scratch).get('id');
    if (id !== undefined && id !== header.docId) return error('docIdMismatch', 'the update belongs to another referat');
  } catch (e) {
    return error('badUpdate', message(e));
  }
  if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) {
    return { kind: 'incomplete', header, missing: missingClients(scratch, before) };
  }
  const fingerprint = header.sender.fingerprint;
  if (Y.equalSnapshots(snapshotBefore, Y.snapshot(scratch))) return { kind: 'alreadyIncluded', header, fingerprint };

  const changesByClient = [...Y.decodeStateVector(Y.encodeStateVector(scratch))]
    .map(([client, clock]) => ({ client, count: clock - (before.get(client) ?? 0) }))
    .filter((c) => c.count > 0)
    .toSorted((a, b) => a.client - b.client);
  return {
    kind: 'ok',
    header,
    fingerprint,
    newUpdate: Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(before)),
    changesByClient,
    isNewDocument: before.size === 0,
  };
}

/** Never throws: every refusal is an `error` result, and nothing outside the scratch document is changed. */
export async function fileImportDecode(input: FileImportInput): Promise<FileImportResult> {
  try {
    return await decode(input);
  } catch (e) {
    return error('badUpdate', message(e));
  }
}
