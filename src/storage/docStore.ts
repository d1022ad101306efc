// Stores one referat's Yjs updates in IndexedDB: y-indexeddb's stores (an auto-keyed `updates` store and a `custom`
// store), in storage layout 2 (storedUpdate.ts): each change as the V1 update Yjs emits, merged into one V2 entry at
// compaction. It reports failed writes, keeps unsaved updates to retry (and, should they still fail, in the keeper of
// unsavedUpdates.ts, taken back at the next open), batches writes while one is in flight, and writes nothing when a
// document is only opened.
import * as Y from 'yjs';
import { storeClients } from '../core/yjsInternals';
import { compactLog } from './compactInWorker';
import { openDatabase, requestResult, transactionDone, deleteDatabase } from './idbRequest';
import { writeStoredPreview, type StoredPreview } from './storedPreview';
import { applyStoredUpdate, isStoredV1, isStoredV2, storedV1, storedV2, type StoredUpdate } from './storedUpdate';
import { UnsavedKeptError } from './unsavedKeptError';
import { unsavedKeeper, unsavedKey, type KeptWhere, type UnsavedKeeper } from './unsavedUpdates';
import { toError } from '../core/toError';

const UPDATES = 'updates';
const CUSTOM = 'custom';
/** Above this many stored updates, they are merged into one. */
export const COMPACT_THRESHOLD = 500;
const RETRY_MS = 3000;

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; error: Error };

/** The error a store reports once another tab upgraded or deleted its database: it closed its connection; reload. */
export function versionChangeError(): Error {
  return new DOMException('Another tab opened a newer version of Referat or deleted this referat; reload the page', 'VersionError');
}

/** Stored entries merged into one V2 update. */
function mergeEntries(entries: StoredUpdate[]): Uint8Array {
  const v2 = entries.map((e) => (isStoredV1(e) ? Y.convertUpdateFormatV1ToV2(e) : e.v2));
  return v2.length === 1 && v2[0] ? v2[0] : Y.mergeUpdatesV2(v2);
}

function openStoreDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return openDatabase(factory, name, (d) => {
    if (!d.objectStoreNames.contains(UPDATES)) d.createObjectStore(UPDATES, { autoIncrement: true });
    if (!d.objectStoreNames.contains(CUSTOM)) d.createObjectStore(CUSTOM);
  });
}

export class DocStore {
  readonly doc: Y.Doc;
  private db: IDBDatabase;
  private readonly name: string;
  private readonly factory: IDBFactory;
  private pending: StoredUpdate[] = [];
  /** The batch being written, kept too should the page go away before it commits. */
  private inFlight: StoredUpdate[] = [];
  private writing: Promise<void> | null = null;
  private storedCount = 0;
  /** The log is layout 1 (V1 entries only, no merged V2 one): compacted after the first write, so it becomes V2. */
  private isLayout1 = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** A write starts in the task after an update, not inside the keystroke's transaction: opening one costs ~1 ms. */
  private startTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Another tab upgraded or deleted the database: the connection is closed, writes cannot succeed until a reload. */
  private versionChanged = false;
  private readonly keeper: UnsavedKeeper;
  /** This store's key in the keeper, and the keys of kept updates it took back at open: dropped once all is written. */
  private readonly keptKey: string;
  private adoptedKeys: string[] = [];
  private kept = false;
  private listeners = new Set<(s: SaveState) => void>();
  state: SaveState = { kind: 'saved' };

  private constructor(db: IDBDatabase, name: string, factory: IDBFactory, doc: Y.Doc, keeper: UnsavedKeeper, keptKey: string) {
    this.db = db;
    this.name = name;
    this.factory = factory;
    this.doc = doc;
    this.keeper = keeper;
    this.keptKey = keptKey;
  }

  /**
   * Opens the store, loads every stored update into `doc`, and from then on stores each new update. Updates an earlier
   * store could not write (kept by `keeper`) are loaded too and written again.
   */
  static async open(name: string, doc: Y.Doc, factory: IDBFactory = globalThis.indexedDB, keeper: UnsavedKeeper = unsavedKeeper): Promise<DocStore> {
    const db = await openStoreDatabase(factory, name);
    const writer = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    const store = new DocStore(db, name, factory, doc, keeper, unsavedKey(name, writer));
    store.watch(db);
    const hadContent = storeClients(doc).size > 0;
    const tx = db.transaction([UPDATES], 'readonly');
    const updates = await requestResult(tx.objectStore(UPDATES).getAll());
    store.storedCount = updates.length;
    store.isLayout1 = updates.length > 0 && !updates.some(isStoredV2);
    Y.transact(doc, () => { for (const u of updates) applyStoredUpdate(doc, u); }, store, false);
    doc.on('update', store.onUpdate);
    if (hadContent) store.enqueue(storedV2(Y.encodeStateAsUpdateV2(doc)));
    for (const kept of keeper.take(name)) {
      try {
        Y.applyUpdateV2(doc, kept.update, store);
      } catch {
        continue; // Not a Yjs update (Yjs reads an update whole before it integrates it): skipped, left where it is.
      }
      store.adoptedKeys.push(kept.key);
      store.enqueue(storedV2(kept.update));
    }
    globalThis.addEventListener?.('pagehide', store.onPageHide);
    return store;
  }

  static delete(name: string, factory: IDBFactory = globalThis.indexedDB): Promise<void> {
    return deleteDatabase(factory, name);
  }

  /** Keeps a preview of the text beside the updates (storedPreview.ts); nothing once the store is closed. */
  async writePreview(preview: StoredPreview): Promise<void> {
    if (this.closed) return;
    await writeStoredPreview(this.db, preview);
  }

  get storedUpdates(): number {
    return this.storedCount;
  }

  onStateChange(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every update made so far is committed; rejects if the last attempt failed. */
  async flush(): Promise<void> {
    while (this.writing || this.pending.length > 0) {
      if (!this.writing) this.startWrite();
      await this.writing;
      if (this.state.kind === 'failed') throw this.state.error;
    }
  }

  /**
   * Writes what is pending and closes. Never drops an update: a failed write is tried once more, and if that fails too
   * the updates are kept (unsavedUpdates.ts) and the returned promise rejects with an UnsavedKeptError saying where.
   */
  async close(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    globalThis.removeEventListener?.('pagehide', this.onPageHide);
    try {
      await this.flushOrKeep();
    } finally {
      this.closed = true;
      if (this.retryTimer) clearTimeout(this.retryTimer);
      if (this.startTimer) clearTimeout(this.startTimer);
      this.db.close();
    }
  }

  private async flushOrKeep(): Promise<void> {
    try {
      await this.flush();
      return;
    } catch {
      // Tried once more below, at once: the space may have been freed meanwhile.
    }
    try {
      await this.flush();
    } catch (error) {
      throw new UnsavedKeptError(this.keepUnsaved() ?? 'memory', toError(error));
    }
  }

  /**
   * Puts every update not yet committed (the batch in flight and the pending ones) in the keeper, merged into one;
   * null when there is none. Called on a failed write, on `pagehide` and on a version change.
   */
  private keepUnsaved(): KeptWhere | null {
    const entries = this.inFlight.concat(this.pending);
    if (entries.length === 0) return null;
    this.kept = true;
    return this.keeper.keep(this.keptKey, mergeEntries(entries));
  }

  private readonly onPageHide = (): void => {
    if (this.state.kind !== 'saved') this.keepUnsaved();
  };

  // A newer version upgrading this database, or another tab deleting it, must not wait on this tab (no deadlock):
  // close at once, keep what is not written, and say so.
  private watch(db: IDBDatabase): void {
    db.onversionchange = () => this.onVersionChange();
  }

  /**
   * A readwrite transaction on the updates. A connection the browser closed under the store (InvalidStateError) is
   * opened again, once, so a retry can succeed without a reload; after a version change it stays closed.
   */
  private async updatesTransaction(): Promise<IDBTransaction> {
    try {
      return this.db.transaction([UPDATES], 'readwrite');
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'InvalidStateError') || this.closed || this.versionChanged) throw error;
    }
    const db = await openStoreDatabase(this.factory, this.name);
    if (this.closed || this.versionChanged) {
      db.close();
      throw this.versionChanged ? versionChangeError() : new DOMException('The store is closed', 'InvalidStateError');
    }
    this.db = db;
    this.watch(db);
    return db.transaction([UPDATES], 'readwrite');
  }

  private onVersionChange(): void {
    this.versionChanged = true;
    this.db.close();
    this.keepUnsaved();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.setState({ kind: 'failed', error: versionChangeError() });
  }

  // Each change as Yjs's V1 update: the encoding Yjs makes at least cost per keystroke, and every listener shares it.
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this) this.enqueue(storedV1(update));
  };

  private enqueue(entry: StoredUpdate): void {
    this.pending.push(entry);
    if (this.state.kind === 'saved') this.setState({ kind: 'saving' });
    if (this.writing || this.startTimer) return;
    this.startTimer = setTimeout(() => {
      this.startTimer = null;
      if (!this.writing) this.startWrite();
    }, 0);
  }

  private setState(s: SaveState): void {
    this.state = s;
    for (const l of this.listeners) l(s);
  }

  private startWrite(): void {
    if (this.startTimer) clearTimeout(this.startTimer);
    this.startTimer = null;
    if (this.closed || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.inFlight = batch;
    if (this.state.kind === 'saved') this.setState({ kind: 'saving' });
    this.writing = this.write(batch).then(
      () => {
        this.writing = null;
        this.inFlight = [];
        if (this.pending.length > 0) {
          if (this.state.kind === 'failed') this.setState({ kind: 'saving' });
          this.startWrite();
        } else {
          this.dropKept();
          this.setState({ kind: 'saved' });
        }
      },
      (error: unknown) => {
        this.writing = null;
        this.inFlight = [];
        // Nothing is dropped: the batch goes back in front, to be retried, and is kept outside the database meanwhile,
        // merged into one entry (a long outage then retries one write, not thousands).
        this.pending = [storedV2(mergeEntries(batch.concat(this.pending)))];
        this.keepUnsaved();
        this.setState({ kind: 'failed', error: this.versionChanged ? versionChangeError() : toError(error) });
        this.scheduleRetry();
      },
    );
  }

  /** Everything is written: the kept copies (this store's and those it took back at open) are no longer needed. */
  private dropKept(): void {
    if (this.kept) this.keeper.drop(this.keptKey);
    for (const key of this.adoptedKeys) this.keeper.drop(key);
    this.kept = false;
    this.adoptedKeys = [];
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed || this.versionChanged) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.writing) this.startWrite();
    }, RETRY_MS);
  }

  private async write(batch: StoredUpdate[]): Promise<void> {
    const tx = await this.updatesTransaction();
    const done = transactionDone(tx);
    const store = tx.objectStore(UPDATES);
    for (const entry of batch) store.add(entry);
    await done;
    this.storedCount += batch.length;
    // The log (other tabs' updates too) is merged off the main thread; a failed merge leaves it as it is, tried again next write.
    if (this.storedCount >= COMPACT_THRESHOLD || this.isLayout1) await this.compact();
  }

  private async compact(): Promise<void> {
    try {
      this.storedCount = await compactLog(this.db, UPDATES);
      this.isLayout1 = false;
    } catch {
      // Left as it is; tried again after the next write.
    }
  }

  /** Retries the failed writes now, e.g. after the user freed space. */
  retry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (!this.writing) this.startWrite();
  }
}
