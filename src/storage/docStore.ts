// Stores one referat's Yjs updates in IndexedDB: y-indexeddb's stores (an auto-keyed `updates` store and a `custom`
// store), in storage layout 2 (storedUpdate.ts): each change as the V1 update Yjs emits, merged into one V2 entry at
// compaction. It reports failed writes, keeps unsaved updates to retry, batches writes while one is in flight, and
// writes nothing when a document is only opened.
import * as Y from 'yjs';
import { compactLog } from './compactInWorker';
import { openDatabase, requestResult, transactionDone, deleteDatabase } from './idbRequest';
import { writeStoredPreview, type StoredPreview } from './storedPreview';
import { applyStoredUpdate, isStoredV2, storedV1, storedV2, type StoredUpdate } from './storedUpdate';

const UPDATES = 'updates';
const CUSTOM = 'custom';
/** Above this many stored updates, they are merged into one. */
export const COMPACT_THRESHOLD = 500;
const RETRY_MS = 3000;

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; error: Error };

export class DocStore {
  readonly doc: Y.Doc;
  private readonly db: IDBDatabase;
  private pending: StoredUpdate[] = [];
  private writing: Promise<void> | null = null;
  private storedCount = 0;
  /** The log is layout 1 (V1 entries only, no merged V2 one): compacted after the first write, so it becomes V2. */
  private isLayout1 = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** A write starts in the task after an update, not inside the keystroke's transaction: opening one costs ~1 ms. */
  private startTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private listeners = new Set<(s: SaveState) => void>();
  state: SaveState = { kind: 'saved' };

  private constructor(db: IDBDatabase, doc: Y.Doc) {
    this.db = db;
    this.doc = doc;
  }

  /** Opens the store, loads every stored update into `doc`, and from then on stores each new update. */
  static async open(name: string, doc: Y.Doc, factory: IDBFactory = globalThis.indexedDB): Promise<DocStore> {
    const db = await openDatabase(factory, name, (d) => {
      if (!d.objectStoreNames.contains(UPDATES)) d.createObjectStore(UPDATES, { autoIncrement: true });
      if (!d.objectStoreNames.contains(CUSTOM)) d.createObjectStore(CUSTOM);
    });
    const store = new DocStore(db, doc);
    const hadContent = doc.store.clients.size > 0;
    const tx = db.transaction([UPDATES], 'readonly');
    const updates = await requestResult(tx.objectStore(UPDATES).getAll());
    store.storedCount = updates.length;
    store.isLayout1 = updates.length > 0 && !updates.some(isStoredV2);
    Y.transact(doc, () => { for (const u of updates) applyStoredUpdate(doc, u); }, store, false);
    doc.on('update', store.onUpdate);
    if (hadContent) store.enqueue(storedV2(Y.encodeStateAsUpdateV2(doc)));
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

  async close(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    try {
      await this.flush();
    } finally {
      this.closed = true;
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.db.close();
    }
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
    if (this.state.kind === 'saved') this.setState({ kind: 'saving' });
    this.writing = this.write(batch).then(
      () => {
        this.writing = null;
        if (this.pending.length > 0) this.startWrite();
        else this.setState({ kind: 'saved' });
      },
      (error: unknown) => {
        this.writing = null;
        // Nothing is dropped: the batch goes back in front, to be retried.
        this.pending = batch.concat(this.pending);
        this.setState({ kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
        this.scheduleRetry();
      },
    );
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.writing) this.startWrite();
    }, RETRY_MS);
  }

  private async write(batch: StoredUpdate[]): Promise<void> {
    const tx = this.db.transaction([UPDATES], 'readwrite');
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
