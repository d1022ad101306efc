// Imports a `.referat` file: decoded and verified in a worker against this device's copy, then applied in one
// transaction, or not at all. Idempotent: a file already included changes nothing and says so.
import * as Y from 'yjs';
import { verifiedAuthorOfClient } from '../core/authorship';
import { checkClaims } from '../core/clientClaims';
import { base64ToBytes } from '../core/base64';
import { readParticipants } from '../core/participants';
import { TEMPLATE_CLIENT_ID } from '../core/templateUpdate';
import { peekReferatFileHeader } from '../core/referatFile';
import { ReferatFileError } from '../core/referatFileError';
import type { ReferatFileHeader } from '../core/referatFileHeader';
import { recordHeld } from '../storage/copyLedger';
import { docDatabaseName } from '../storage/docDatabaseName';
import { DocStore } from '../storage/docStore';
import { isKnownSigner, trustSigner } from '../storage/knownSigners';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { storedDocIds } from '../storage/storedDocIds';
import { decodeFileInWorker, type DecodeFileOptions } from '../sync/decodeFileInWorker';
import { receiverFacts } from '../sync/receiverFacts';
import type { ImportErrorCode } from './importFailure';
import { recordAutoVersion } from './recordAutoVersion';
import { openReferatSession, type ReferatSession } from './referatSession';

export interface Sender {
  name: string;
  organisation: string;
  fingerprint: string;
}

export interface AuthorChanges {
  /** The author's name, or null when the change was made by a client with no recorded author. */
  name: string | null;
  /** True when a verified claim binds the changes' client ids to the author's key; otherwise the name is only what the copy says. */
  verified: boolean;
  count: number;
}

export type ImportOutcome =
  | { kind: 'imported'; docId: string; title: string; sender: Sender; isNew: boolean; changes: AuthorChanges[]; signerUnknown?: true }
  | { kind: 'alreadyIncluded'; docId: string; title: string; sender: Sender; signerUnknown?: true }
  | { kind: 'unknownSigner'; docId: string; title: string; sender: Sender }
  | { kind: 'incomplete'; docId: string; title: string; sender: Sender; missingFrom: number }
  | { kind: 'error'; code: ImportErrorCode; detail: string };

export interface ImportOptions {
  /** Only accept files for this referat (importing inside an open referat). */
  expectedDocId?: string | null;
  /** The user confirmed an unknown signer: import, and remember the key. */
  trustUnknownSigner?: boolean;
  /** Merge a file from an unknown signer without asking, and without remembering the key (a restore that trusts nobody new). */
  mergeUnknownSigner?: boolean;
  ownFingerprint: string;
  worker?: DecodeFileOptions;
}

const senderOf = (h: ReferatFileHeader): Sender => ({ name: h.sender.name, organisation: h.sender.organisation, fingerprint: h.sender.fingerprint });

function describeAuthors(doc: Y.Doc, owners: ReadonlyMap<number, string>, byClient: Array<{ client: number; count: number }>): AuthorChanges[] {
  const names = new Map(readParticipants(doc).filter((p) => p.fingerprint).map((p) => [p.fingerprint, p.name]));
  const totals = new Map<string, AuthorChanges>();
  for (const { client, count } of byClient) {
    // The template is nobody's writing: it is seeded identically on every device.
    if (client === TEMPLATE_CLIENT_ID) continue;
    const { fingerprint, verified } = verifiedAuthorOfClient(doc, owners, client);
    const name = fingerprint ? (names.get(fingerprint) ?? fingerprint) : null;
    const key = `${verified}:${name}`;
    const row = totals.get(key) ?? { name, verified, count: 0 };
    row.count += count;
    totals.set(key, row);
  }
  return [...totals.values()].toSorted((a, b) => b.count - a.count);
}

export async function importCopy(db: LibraryDatabase, bytes: Uint8Array, opts: ImportOptions): Promise<ImportOutcome> {
  let header: ReferatFileHeader;
  try {
    // Only the small JSON header is read here; the Yjs update is decoded in the worker.
    header = peekReferatFileHeader(bytes, opts.worker?.maxBytes);
  } catch (e) {
    if (e instanceof ReferatFileError) return { kind: 'error', code: e.code, detail: e.message };
    throw e;
  }
  const docId = header.docId;
  const sender = senderOf(header);
  if (opts.expectedDocId && opts.expectedDocId !== docId) {
    return { kind: 'error', code: 'docIdMismatch', detail: `the file is for referat ${docId}, not ${opts.expectedDocId}` };
  }
  const known = await isKnownSigner(db, sender.fingerprint, opts.ownFingerprint);
  const exists = (await storedDocIds()).includes(docId);
  let session: ReferatSession | null = null;
  if (exists) {
    const opened = await openReferatSession(db, docId);
    if (opened.kind === 'open') session = opened.session;
  }
  try {
    const currentState = session ? Y.encodeStateAsUpdate(session.doc) : null;
    // The authorship gate needs this copy's claims, verified here (the worker only compares).
    const receiver = session ? receiverFacts(session.doc, await checkClaims(session.doc), opts.ownFingerprint) : undefined;
    const result = await decodeFileInWorker({ fileBytes: bytes, currentState, expectedDocId: docId, ...(receiver ? { receiver } : {}) }, opts.worker);
    if (result.kind === 'error') return result;
    const title = result.header.title;
    if (result.kind === 'incomplete') {
      return { kind: 'incomplete', docId, title, sender, missingFrom: result.missing.length };
    }
    const unknown = !known && !opts.trustUnknownSigner && result.header.sender.fingerprint !== opts.ownFingerprint;
    if (unknown && !opts.mergeUnknownSigner) return { kind: 'unknownSigner', docId, title, sender };
    const flag = unknown ? { signerUnknown: true as const } : {};
    if (!known && !unknown) await trustSigner(db, sender.fingerprint);
    const theirs = base64ToBytes(result.header.stateVector);
    const remember = async () => {
      // A ledger row makes its party a known signer (knownSigners.ts): none for a signer merged without trust.
      if (theirs && !unknown && sender.fingerprint !== opts.ownFingerprint) {
        await recordHeld(db, docId, { ...sender, organisationKind: result.header.sender.organisationKind }, theirs, 'file');
      }
    };
    if (result.kind === 'alreadyIncluded') {
      await remember();
      return { kind: 'alreadyIncluded', docId, title, sender, ...flag };
    }
    if (!session) {
      // A referat new to this device: its database is made only now that the file is known to be good.
      const store = await DocStore.open(docDatabaseName(docId), new Y.Doc({ gc: false }));
      await store.close();
      const opened = await openReferatSession(db, docId, { allowEmpty: true });
      if (opened.kind !== 'open') throw new Error('The new referat could not be opened');
      session = opened.session;
    }
    Y.applyUpdate(session.doc, result.newUpdate, 'file-import');
    await session.reindex();
    // Every import is a version on this device: what the referat looked like once the file was merged.
    await recordAutoVersion(db, docId, session.doc, 'import').catch(() => undefined);
    await remember();
    return { kind: 'imported', docId, title, sender, isNew: result.isNewDocument, changes: describeAuthors(session.doc, (await checkClaims(session.doc)).owners, result.changesByClient), ...flag };
  } finally {
    await session?.close();
  }
}
