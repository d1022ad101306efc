// Decodes a received `.referat` file against this device's copy without touching it; runs inside a worker.
import * as Y from 'yjs';
import { parseReferatFile, verifyReferatFile, type ParsedReferatFile } from '../core/referatFile';
import { ReferatFileError, type ReferatFileErrorCode } from '../core/referatFileError';
import type { ReferatFileHeader } from '../core/referatFileHeader';
import { metaMap, newReferatDoc } from '../core/referatDoc';
import { claimRefusal } from './claimRefusal';
import { divergentClient, structsByClient } from './divergentClient';
import { metaIdWrites } from './metaIdWrites';
import { predictIntegration, type IntegrationForecast } from './predictIntegration';
import { NO_RECEIVER_FACTS, type ReceiverFacts } from './receiverFacts';
import { coversDeletion, mergeRanges, readUpdateOutline, type DeleteRanges, type UpdateOutline } from './updateOutline';
import { errorMessage } from '../core/errorMessage';

export interface FileImportInput {
  fileBytes: Uint8Array;
  /** The receiving copy's full Yjs update, or null when this device has no copy. */
  currentState: Uint8Array | null;
  /** The referat the file is being imported into, or null to accept any. */
  expectedDocId: string | null;
  maxBytes: number;
  /** What the receiving copy knows (receiverFacts.ts): its meta.id and claim entries, its own and claimed client ids. */
  receiver?: ReceiverFacts;
}

export type FileImportErrorCode =
  | ReferatFileErrorCode
  | 'badSignature'
  | 'badUpdate'
  | 'docIdMismatch'
  /** Changes under a client id this device writes with: nobody else may write under it. */
  | 'foreignClient'
  /** A claim of a client id another key already owns in the receiving copy. */
  | 'conflictingClaim'
  /** The file and the receiving copy hold different changes at the same clocks of a client: copies have diverged. */
  | 'divergent'
  /** Only from decodeFileInWorker: the worker took too long, or failed. */
  | 'timeout'
  | 'workerFailed';

export type FileImportResult =
  | {
      kind: 'ok';
      header: ReferatFileHeader;
      fingerprint: string;
      /** What the receiving copy lacks (Yjs `diffUpdate` against its state vector, v1), checked to apply without waiting. */
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
  return errorMessage(e).slice(0, 200);
}

/** Clients whose clocks the copy lacks: what the structs wait for, and deletions past what the copy would hold. */
function missingClients(forecast: IntegrationForecast, update: UpdateOutline): Set<number> {
  const clients = new Set(forecast.missing.keys());
  for (const [client, ranges] of update.deletes) {
    const end = forecast.state.get(client) ?? 0;
    if (ranges.some((r) => r.clock + r.len > end || r.clock >= end)) clients.add(client);
  }
  return clients;
}

/** True when every deletion in the update is already one in the copy (whose delete set is only read for this). */
function deletionsIncluded(update: UpdateOutline, currentState: Uint8Array | null): boolean {
  if (update.deletes.size === 0) return true;
  const copy = currentState === null ? new Map<number, DeleteRanges>() : Y.decodeUpdate(currentState).ds.clients;
  for (const [client, ranges] of update.deletes) {
    const had = mergeRanges(copy.get(client) ?? []);
    if (!ranges.every((r) => coversDeletion(had, r.clock, r.len))) return false;
  }
  return true;
}

/** meta.id of the document `update` builds on its own (checked for a copy new to this device). */
function idAfterApplying(update: Uint8Array): unknown {
  const doc = newReferatDoc();
  Y.applyUpdate(doc, update);
  return metaMap(doc).get('id');
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

  const receiver = input.receiver ?? NO_RECEIVER_FACTS;
  let before: Map<number, number>;
  try {
    before = input.currentState === null ? new Map() : Y.decodeStateVector(Y.encodeStateVectorFromUpdate(input.currentState));
  } catch (e) {
    return error('badUpdate', `this device's copy could not be read: ${message(e)}`);
  }
  // Only what the copy lacks is decoded into structs; Yjs re-encodes it, and that is what the copy will apply.
  let newUpdate: Uint8Array;
  let update: UpdateOutline;
  let forecast: IntegrationForecast;
  try {
    newUpdate = Y.diffUpdate(parsed.update, Y.encodeStateVector(before));
    update = readUpdateOutline(newUpdate);
    forecast = predictIntegration(update.structs, before);
    if (metaIdWrites(update, receiver.entries).some((id) => id !== header.docId)) {
      return error('docIdMismatch', 'the update belongs to another referat');
    }
  } catch (e) {
    return error('badUpdate', message(e));
  }
  const refusal = claimRefusal(update, receiver);
  if (refusal !== null) return error(refusal.code, refusal.detail);
  if (input.currentState !== null && before.size > 0) {
    // What both hold must be the same changes; otherwise Yjs would silently keep this copy's and drop the file's.
    let diverged: number | null;
    try {
      diverged = divergentClient(structsByClient(Y.decodeUpdate(parsed.update).structs), structsByClient(Y.decodeUpdate(input.currentState).structs));
    } catch (e) {
      return error('badUpdate', message(e));
    }
    if (diverged !== null) return error('divergent', `the file and this copy hold different changes under client id ${diverged}`);
  }
  const missing = missingClients(forecast, update);
  if (missing.size > 0) {
    return {
      kind: 'incomplete',
      header,
      missing: [...missing].toSorted((a, b) => a - b).map((client) => ({ client, fromClock: before.get(client) ?? 0 })),
    };
  }
  const changesByClient = [...forecast.state]
    .map(([client, clock]) => ({ client, count: clock - (before.get(client) ?? 0) }))
    .filter((c) => c.count > 0)
    .toSorted((a, b) => a.client - b.client);
  const fingerprint = header.sender.fingerprint;
  if (changesByClient.length === 0 && deletionsIncluded(update, input.currentState)) return { kind: 'alreadyIncluded', header, fingerprint };
  // A referat new to this device must carry its own id, or it is stored under a name its content does not know.
  if (before.size === 0 && idAfterApplying(newUpdate) !== header.docId) {
    return error('docIdMismatch', 'the update does not carry the id of the referat the file is for');
  }
  return { kind: 'ok', header, fingerprint, newUpdate, changesByClient, isNewDocument: before.size === 0 };
}

/** Never throws: every refusal is an `error` result, and nothing passed in is changed. */
export async function fileImportDecode(input: FileImportInput): Promise<FileImportResult> {
  try {
    return await decode(input);
  } catch (e) {
    return error('badUpdate', message(e));
  }
}
