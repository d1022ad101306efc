// One open referat, wired together: its Y.Doc, its IndexedDB store, live sync with other tabs, and the
// library index kept in step with every change.
import type * as Y from 'yjs';
import { recordAuthorship } from '../core/authorship';
import { signClaim, writeClaim, type ClientClaim } from '../core/clientClaims';
import { docFormatVersion, migrateDoc, type DocFormatState } from '../core/migrateDoc';
import { isLongText, previewLines } from '../core/longText';
import { readMeta } from '../core/meta';
import { verifiedNamedVersions } from '../core/namedVersions';
import { newReferatDoc } from '../core/referatDoc';
import { isReferatId } from '../core/referatId';
import { ensureYjsInternals } from '../core/yjsInternals';
import { projectIndexRow } from './projectIndexRow';
import { recordAutoVersion } from './recordAutoVersion';
import { holdSessionLock } from './sessionLock';
import { docDatabaseName } from '../storage/docDatabaseName';
import { DocStore, type SaveState } from '../storage/docStore';
import { loadIdentity } from '../storage/identityKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { clearIndexPending, indexPendingKey, markIndexPending } from '../storage/indexPending';
import { storedDocIds } from '../storage/storedDocIds';
import { readStoredPreview, type StoredPreview } from '../storage/storedPreview';
import { attachDocSync, type DocSync } from '../sync/docSync';
import { broadcastChannelTransport } from '../sync/broadcastChannelTransport';
import type { SyncChannel } from '../sync/syncChannel';

export type { StoredPreview } from '../storage/storedPreview';

const INDEX_DELAY_MS = 1000;
/** A pause in this device's editing this long makes an automatic version. */
export const AUTO_VERSION_PAUSE_MS = 120_000;
const OPEN_PROJECTION_DELAY_MS = 500;

export interface ReferatSession {
  readonly id: string;
  readonly doc: Y.Doc;
  /** 'empty' only for a referat joined by invitation whose content has not arrived yet. */
  readonly format: DocFormatState;
  /** Records this device's key as the author of this session's changes, from its first local edit on. */
  setAuthor(fingerprint: string): void;
  saveState(): SaveState;
  onSaveState(listener: (s: SaveState) => void): () => void;
  retrySave(): void;
  /** Resolves once every change made so far is on disk; rejects if the write failed (the changes are kept to retry). */
  flushSaves(): Promise<void>;
  /** Writes the index row now instead of after the debounce. */
  reindex(): Promise<void>;
  /**
   * Closes the referat. Never drops a change: should the last write fail, the changes are kept outside the database
   * and written at the next open, and the promise rejects with an UnsavedKeptError (storage/unsavedKeptError.ts).
   */
  close(): Promise<void>;
}

export type OpenResult = { kind: 'open'; session: ReferatSession } | { kind: 'notFound' };

/** The first lines of a long referat as they were last saved, read without loading the document; null if none. */
export function readReferatPreview(id: string): Promise<StoredPreview | null> {
  return isReferatId(id) ? readStoredPreview(docDatabaseName(id)) : Promise.resolve(null);
}

const newSessionId = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

export async function openReferatSession(db: LibraryDatabase, id: string, opts: { allowEmpty?: boolean } = {}): Promise<OpenResult> {
  // Never create a database for an id that has none: a mistyped URL must not leave an empty referat behind.
  // The exception is a referat joined by invitation, which waits for its content from the other peers.
  if (!isReferatId(id)) return { kind: 'notFound' };
  const joined = opts.allowEmpty === true || (await db.liveRooms.get(id)) !== undefined;
  if (!joined && !(await storedDocIds()).includes(id)) return { kind: 'notFound' };
  // A changed Yjs fails here, loudly, before anything is opened or written (core/yjsInternals.ts).
  ensureYjsInternals();
  const doc = newReferatDoc();
  // Marked before the document can change, so a kill before the index catches up is repaired at the next start.
  const sessionId = newSessionId();
  const lock = holdSessionLock(sessionId);
  const [store] = await Promise.all([DocStore.open(docDatabaseName(id), doc), markIndexPending(db, id, sessionId), lock.held]).catch(
    (error: unknown) => {
      lock.release();
      throw error;
    },
  );
  const unmark = async () => {
    await clearIndexPending(db, [indexPendingKey(id, sessionId)]).catch(() => undefined);
    lock.release();
  };
  const format = migrateDoc(doc);
  if (format === 'empty' && !joined) {
    await store.close();
    doc.destroy();
    await unmark();
    return { kind: 'notFound' };
  }
  // The named versions' signatures are checked while the page renders, so Historik shows them verified sooner.
  void verifiedNamedVersions(doc).catch(() => undefined);
  const channel: SyncChannel = broadcastChannelTransport(`referat:${id}`);
  const tabs: DocSync = attachDocSync(doc, channel);

  let timer: ReturnType<typeof setTimeout> | null = null;
  const reindex = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (docFormatVersion(doc) === 0) return;
    await projectIndexRow(db, doc, id);
    await keepPreview();
  };
  // A long referat keeps its first lines beside its updates, for the next open to paint at once (readReferatPreview).
  let previewKept = '';
  const keepPreview = async () => {
    if (!isLongText(doc)) return;
    const preview = { title: readMeta(doc).title, lines: previewLines(doc) };
    const key = JSON.stringify(preview);
    if (key === previewKept) return;
    await store.writePreview({ ...preview, savedAt: Date.now() });
    previewKept = key;
  };
  // At most one index write per interval while someone types, so the library is never far behind.
  const onUpdate = () => {
    timer ??= setTimeout(() => void reindex().catch(() => undefined), INDEX_DELAY_MS);
  };
  doc.on('update', onUpdate);
  // A tab being closed or reloaded gets one last chance to bring the index up to date.
  const onPageHide = () => {
    if (timer) void reindex().catch(() => undefined);
  };
  globalThis.addEventListener?.('pagehide', onPageHide);
  // The last edits before a reload may not have reached the index: project once after opening, once the page is up
  // (projecting reads the whole text: on a 200-page referat that is 40-90 ms the first paint need not wait for).
  let openProjection: Promise<void> | null = null;
  const openTimer = setTimeout(() => {
    openProjection = reindex().catch(() => undefined);
  }, OPEN_PROJECTION_DELAY_MS);

  let author: string | null = null;
  let authorRecorded = false;
  // The signed claim of this session's client id (core/clientClaims.ts): signed when the author is set, written at
  // the first local change (opening writes nothing), and again should Yjs give the document a new client id.
  let claim: Promise<ClientClaim | null> | null = null;
  let claimedClient: number | null = null;
  let changedLocally = false;
  const prepareClaim = () => {
    const clientId = doc.clientID;
    claim = loadIdentity(db)
      .then((identity) => signClaim(identity, clientId, id))
      .catch(() => null);
    return claim;
  };
  let closed = false;
  let claiming: Promise<void> = Promise.resolve();
  const claimIfNeeded = () => {
    if (!author || !changedLocally || closed || claimedClient === doc.clientID) return;
    const pending = claim ?? prepareClaim();
    claiming = pending.then((signed) => {
      if (signed === null || closed || claimedClient === doc.clientID) return;
      if (signed.clientId !== doc.clientID) {
        // Yjs gave this document a new client id (another client used the old one): claim the new one.
        if (claim === pending) {
          void prepareClaim();
          claimIfNeeded();
        }
        return;
      }
      claimedClient = doc.clientID;
      writeClaim(doc, signed);
    });
  };
  // An automatic version after a pause in this device's editing, and at close if it edited since the last one.
  let editedSinceVersion = false;
  let pauseTimer: ReturnType<typeof setTimeout> | null = null;
  const versionNow = () => {
    if (pauseTimer) clearTimeout(pauseTimer);
    pauseTimer = null;
    if (!editedSinceVersion) return Promise.resolve();
    editedSinceVersion = false;
    return recordAutoVersion(db, id, doc, 'pause').catch(() => undefined);
  };
  const onLocalEdit = (tr: Y.Transaction) => {
    if (!tr.local || tr.changed.size === 0 || tr.origin === store) return;
    editedSinceVersion = true;
    if (pauseTimer) clearTimeout(pauseTimer);
    pauseTimer = setTimeout(() => void versionNow(), AUTO_VERSION_PAUSE_MS);
  };
  doc.on('afterTransaction', onLocalEdit);
  const onAfterTransaction = (tr: Y.Transaction) => {
    if (!author || !tr.local || tr.changed.size === 0 || tr.origin === store) return;
    changedLocally = true;
    claimIfNeeded();
    if (authorRecorded) return;
    authorRecorded = true;
    recordAuthorship(doc, author);
  };
  doc.on('afterTransaction', onAfterTransaction);

  const session: ReferatSession = {
    id,
    doc,
    format,
    setAuthor(fingerprint) {
      author = fingerprint;
      void prepareClaim();
    },
    saveState: () => store.state,
    onSaveState: (l) => store.onStateChange(l),
    retrySave: () => store.retry(),
    flushSaves: () => store.flush(),
    reindex,
    async close() {
      // A claim signed for this session's first change is written before the store closes.
      await claiming;
      closed = true;
      doc.off('update', onUpdate);
      doc.off('afterTransaction', onAfterTransaction);
      doc.off('afterTransaction', onLocalEdit);
      await versionNow();
      globalThis.removeEventListener?.('pagehide', onPageHide);
      tabs.destroy();
      channel.close();
      clearTimeout(openTimer);
      await (openProjection ?? reindex().catch(() => undefined));
      let indexed = true;
      if (timer) await reindex().catch(() => (indexed = false));
      try {
        await store.close();
      } catch (error) {
        indexed = false;
        throw error;
      } finally {
        doc.destroy();
        // The index row is up to date: the next start need not project it again.
        if (indexed) await unmark();
        else lock.release();
      }
    },
  };
  return { kind: 'open', session };
}
