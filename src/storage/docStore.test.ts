import 'fake-indexeddb/auto';
import { IndexeddbPersistence } from 'y-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import layout1Json from '../../tests/fixtures/storage-layout1.json';
import { COMPACT_THRESHOLD, DocStore } from './docStore';
import { requestResult, transactionDone } from './idbRequest';
import { UnsavedKeptError } from './unsavedKeptError';
import { createUnsavedKeeper } from './unsavedUpdates';

const layout1 = layout1Json as unknown as Fixture;

let n = 0;
const freshName = () => `test-doc-${++n}`;

async function reopen(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc({ gc: false });
  const store = await DocStore.open(name, doc);
  await store.close();
  return doc;
}

async function storedCount(name: string): Promise<number> {
  const doc = new Y.Doc();
  const store = await DocStore.open(name, doc);
  const count = store.storedUpdates;
  await store.close();
  return count;
}

describe('DocStore', () => {
  it('stores every update and loads them into a new document after a reload', async () => {
    const name = freshName();
    const doc = new Y.Doc({ gc: false });
    const store = await DocStore.open(name, doc);
    const text = doc.getText('t');
    for (const ch of 'Referat af mødet') text.insert(text.length, ch);
    doc.getMap('meta').set('title', 'Driftsmøde');
    await store.flush();
    expect(store.state.kind).toBe('saved');
    await store.close();
    const again = await reopen(name);
    expect(again.getText('t').toString()).toBe('Referat af mødet');
    expect(again.getMap('meta').get('title')).toBe('Driftsmøde');
  });

  it('writes a document that had content before it was opened', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'made in memory');
    const store = await DocStore.open(name, doc);
    await store.close();
    expect((await reopen(name)).getText('t').toString()).toBe('made in memory');
  });

  it('does not grow when a document is only opened', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc);
    doc.getText('t').insert(0, 'abc');
    await store.close();
    const before = await storedCount(name);
    for (let i = 0; i < 20; i++) await reopen(name);
    expect(await storedCount(name)).toBe(before);
  });

  it('compacts many small updates into one without losing any', async () => {
    const name = freshName();
    const doc = new Y.Doc({ gc: false });
    const store = await DocStore.open(name, doc);
    const text = doc.getText('t');
    for (let i = 0; i < COMPACT_THRESHOLD + 20; i++) {
      text.insert(text.length, String(i % 10));
      if (i % 50 === 0) await store.flush();
    }
    await store.flush();
    expect(store.storedUpdates).toBeLessThan(COMPACT_THRESHOLD);
    const expected = text.toString();
    await store.close();
    expect((await reopen(name)).getText('t').toString()).toBe(expected);
  });

  it('reports a failed write, keeps the update, and stores it on retry', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc);
    const db = (store as unknown as { db: IDBDatabase }).db;
    const realTransaction = db.transaction.bind(db);
    let failNext = true;
    db.transaction = ((stores: string[], mode?: IDBTransactionMode) => {
      if (failNext && mode === 'readwrite') {
        failNext = false;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realTransaction(stores, mode);
    }) as typeof db.transaction;
    const states: string[] = [];
    store.onStateChange((s) => states.push(s.kind === 'failed' ? `failed:${s.error.name}` : s.kind));
    doc.getText('t').insert(0, 'vigtig beslutning');
    await expect(store.flush()).rejects.toThrow(/quota/);
    expect(store.state.kind).toBe('failed');
    store.retry();
    await store.flush();
    expect(states).toEqual(['saving', 'failed:QuotaExceededError', 'saved']);
    await store.close();
    expect((await reopen(name)).getText('t').toString()).toBe('vigtig beslutning');
  });

  it('opens a connection the browser closed under it again, and stores the update without a reload', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc);
    (store as unknown as { db: IDBDatabase }).db.close();
    const states: string[] = [];
    store.onStateChange((s) => states.push(s.kind === 'failed' ? `failed:${s.error.name}` : s.kind));
    doc.getText('t').insert(0, 'efter lukket forbindelse');
    await store.flush();
    expect(states).toEqual(['saving', 'saved']);
    await store.close();
    expect((await reopen(name)).getText('t').toString()).toBe('efter lukket forbindelse');
  });

  it('never drops updates at close() when writes fail: keeps them on the device, and the next open (a new page) writes them', async () => {
    const name = freshName();
    const storage = new MemoryStorage();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc, indexedDB, createUnsavedKeeper(storage));
    doc.getText('t').insert(0, 'besluttet: ');
    await store.flush();
    failWrites(store);
    doc.getText('t').insert(doc.getText('t').length, 'kontrakten forlænges');
    const error: unknown = await store.close().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(UnsavedKeptError);
    expect((error as UnsavedKeptError).where).toBe('device');
    expect((error as UnsavedKeptError).cause.name).toBe('QuotaExceededError');
    // A new page: a keeper over the same localStorage, with no memory of its own.
    const again = new Y.Doc();
    const reopened = await DocStore.open(name, again, indexedDB, createUnsavedKeeper(storage));
    expect(again.getText('t').toString()).toBe('besluttet: kontrakten forlænges');
    await reopened.close();
    expect(storage.length).toBe(0);
    // Written to the database itself: a store with an empty keeper reads it.
    const fromDatabase = new Y.Doc();
    await (await DocStore.open(name, fromDatabase, indexedDB, createUnsavedKeeper(null))).close();
    expect(fromDatabase.getText('t').toString()).toBe('besluttet: kontrakten forlænges');
  });

  it('keeps unsaved updates in memory for the page when localStorage refuses them too, and says so', async () => {
    const name = freshName();
    const storage = new MemoryStorage();
    storage.full = true;
    const keeper = createUnsavedKeeper(storage);
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc, indexedDB, keeper);
    failWrites(store);
    doc.getText('t').insert(0, 'handlingspunkt til Mette');
    const error: unknown = await store.close().then(() => null, (e: unknown) => e);
    expect((error as UnsavedKeptError).where).toBe('memory');
    expect((error as Error).message).toMatch(/kept in memory/);
    const again = new Y.Doc();
    await (await DocStore.open(name, again, indexedDB, keeper)).close();
    expect(again.getText('t').toString()).toBe('handlingspunkt til Mette');
    expect(keeper.take(name)).toEqual([]);
  });

  it('collapses failed updates into one entry to retry, and stores them all once writes work again', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc, indexedDB, createUnsavedKeeper(null));
    const stop = failWrites(store);
    const text = doc.getText('t');
    for (const ch of 'abc') {
      text.insert(text.length, ch);
      await expect(store.flush()).rejects.toThrow(/quota/);
    }
    stop();
    store.retry();
    await store.flush();
    expect(store.state.kind).toBe('saved');
    await store.close();
    expect((await rawRows(name)).updates).toHaveLength(1);
    expect((await reopen(name)).getText('t').toString()).toBe('abc');
  });

  it('closes its connection when another tab upgrades the database (no deadlock), keeps what was unsaved and asks for a reload', async () => {
    const name = freshName();
    const keeper = createUnsavedKeeper(null);
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc, indexedDB, keeper);
    failWrites(store);
    doc.getText('t').insert(0, 'skrevet i den gamle fane');
    await expect(store.flush()).rejects.toThrow(/quota/);
    // A newer version opens the database at a higher version: it must not wait for this tab.
    const newer = await requestResult(indexedDB.open(name, 2));
    expect(store.state.kind === 'failed' && store.state.error.name).toBe('VersionError');
    newer.close();
    await expect(store.close()).rejects.toBeInstanceOf(UnsavedKeptError);
    const again = new Y.Doc();
    await (await DocStore.open(name, again, indexedDB, keeper)).close();
    expect(again.getText('t').toString()).toBe('skrevet i den gamle fane');
  });

  it('stores each change as the V1 update Yjs emits, and a first state as V2, both read by a plain Yjs program as docs/FORMAT.md says', async () => {
    const name = freshName();
    const doc = new Y.Doc({ gc: false });
    doc.getMap('meta').set('id', 'referat-1');
    const store = await DocStore.open(name, doc);
    const text = doc.getText('t');
    for (const ch of 'Beslutning') text.insert(text.length, ch);
    doc.getMap('meta').set('title', 'Styregruppemøde');
    await store.close();
    const { updates, custom } = await rawRows(name);
    expect(custom).toEqual([]);
    // The state the store was opened with (V2), then one V1 update per change: 10 letters and the title.
    const values = updates.map(([, v]) => v);
    expect(values[0]).not.toBeInstanceOf(Uint8Array);
    expect((values[0] as { v2: unknown }).v2).toBeInstanceOf(Uint8Array);
    expect(values.slice(1).map((v) => v instanceof Uint8Array)).toEqual(Array.from({ length: 11 }, () => true));
    // The reader in docs/FORMAT.md.
    const plain = new Y.Doc({ gc: false });
    for (const v of values) {
      if (v instanceof Uint8Array) Y.applyUpdate(plain, v);
      else if ((v as { v2?: unknown }).v2 instanceof Uint8Array) Y.applyUpdateV2(plain, (v as { v2: Uint8Array }).v2);
      else throw new Error('unknown storage layout');
    }
    expect(plain.getText('t').toString()).toBe('Beslutning');
    expect(plain.getMap('meta').toJSON()).toEqual({ id: 'referat-1', title: 'Styregruppemøde' });
  });

  it('opens the frozen layout-1 database (V1 updates) with identical content, writes nothing, and rewrites it as V2 at the next write', async () => {
    await restoreFixture(layout1);
    const rowsBefore = await rawRows(layout1.database);
    const fromRows = new Y.Doc({ gc: false });
    for (const [, v] of rowsBefore.updates) Y.applyUpdate(fromRows, v as Uint8Array);

    const doc = new Y.Doc({ gc: false });
    const store = await DocStore.open(layout1.database, doc);
    expect(store.storedUpdates).toBe(layout1.stores.updates.length);
    expect(String(doc.getMap('meta').get('title'))).toBe(layout1.content.title);
    expect(doc.getXmlFragment('body').toString().endsWith(layout1.content.lastParagraph)).toBe(true);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(fromRows));
    await store.flush();
    expect(await rawRows(layout1.database)).toEqual(rowsBefore);

    doc.getMap('meta').set('location', 'Rådhuset');
    await store.close();
    const { updates } = await rawRows(layout1.database);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.[1]).not.toBeInstanceOf(Uint8Array);
    const again = await reopen(layout1.database);
    expect(String(again.getMap('meta').get('title'))).toBe(layout1.content.title);
    expect(again.getXmlFragment('body').toString()).toBe(fromRows.getXmlFragment('body').toString());
    expect(again.getMap('meta').get('location')).toBe('Rådhuset');
  });

  it('reads a database stock y-indexeddb wrote (V1), and rewrites it as V2 at the next write', async () => {
    const name = freshName();
    const stockDoc = new Y.Doc();
    stockDoc.getText('t').insert(0, 'fra y-indexeddb');
    const stock = new IndexeddbPersistence(name, stockDoc);
    await stock.whenSynced;
    await stock.destroy();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc);
    expect(doc.getText('t').toString()).toBe('fra y-indexeddb');
    doc.getText('t').insert(0, 'og fra Referat, ');
    await store.close();
    expect((await rawRows(name)).updates.map(([, v]) => v instanceof Uint8Array)).toEqual([false]);
    expect((await reopen(name)).getText('t').toString()).toBe('og fra Referat, fra y-indexeddb');
  });

  it('leaves its own V1 entries beside a V2 one until the threshold (only a layout-1 log is compacted at once)', async () => {
    const name = freshName();
    const first = new Y.Doc();
    first.getText('t').insert(0, 'a');
    const store = await DocStore.open(name, first);
    for (const ch of 'bcd') store.doc.getText('t').insert(store.doc.getText('t').length, ch);
    await store.close();
    const again = await DocStore.open(name, new Y.Doc());
    again.doc.getText('t').insert(4, 'e');
    await again.close();
    const values = (await rawRows(name)).updates.map(([, v]) => v);
    expect(values.map((v) => (v instanceof Uint8Array ? 'v1' : 'v2'))).toEqual(['v2', 'v1', 'v1', 'v1', 'v1']);
    expect((await reopen(name)).getText('t').toString()).toBe('abcde');
  });

  it('reads a V1 update an older Referat adds beside V2 entries; the older version fails on V2 instead of misreading it', async () => {
    const name = freshName();
    const first = new Y.Doc();
    first.getText('t').insert(0, 'n');
    const store = await DocStore.open(name, first);
    store.doc.getText('t').insert(1, 'y');
    await store.flush();
    const older = new Y.Doc();
    older.getText('u').insert(0, 'gammel fane');
    const db = (store as unknown as { db: IDBDatabase }).db;
    const tx = db.transaction(['updates'], 'readwrite');
    tx.objectStore('updates').add(Y.encodeStateAsUpdate(older));
    await transactionDone(tx);
    await store.close();
    const again = await reopen(name);
    expect([again.getText('t').toString(), again.getText('u').toString()]).toEqual(['ny', 'gammel fane']);
    // What an older version (and stock y-indexeddb) does with each entry: Y.applyUpdate.
    const [, v2Entry] = (await rawRows(name)).updates[0] as [IDBValidKey, unknown];
    expect(() => Y.applyUpdate(new Y.Doc(), v2Entry as Uint8Array)).toThrow(Error);
  });

  it('refuses an entry in an encoding it does not know, and leaves the database as it was', async () => {
    const name = freshName();
    const store = await DocStore.open(name, new Y.Doc());
    const db = (store as unknown as { db: IDBDatabase }).db;
    const tx = db.transaction(['updates'], 'readwrite');
    tx.objectStore('updates').add({ v3: new Uint8Array([1, 2, 3]) });
    await transactionDone(tx);
    await store.close();
    const before = await rawRows(name);
    await expect(DocStore.open(name, new Y.Doc())).rejects.toThrow(/encoding/);
    expect(await rawRows(name)).toEqual(before);
  });
});

type Fixture = { database: string; version: number; stores: { updates: [number, string][]; custom: [IDBValidKey, unknown][] }; content: { title: string; lastParagraph: string } };

/** Puts a frozen database's rows, keys and all, into fake-indexeddb, as the earlier app version left them. */
async function restoreFixture(f: Fixture): Promise<void> {
  const req = indexedDB.open(f.database, f.version);
  req.onupgradeneeded = () => {
    req.result.createObjectStore('updates', { autoIncrement: true });
    req.result.createObjectStore('custom');
  };
  const db = await requestResult(req);
  const tx = db.transaction(['updates', 'custom'], 'readwrite');
  for (const [key, base64] of f.stores.updates) tx.objectStore('updates').add(new Uint8Array(Buffer.from(base64, 'base64')), key);
  for (const [key, value] of f.stores.custom) tx.objectStore('custom').add(value, key);
  await transactionDone(tx);
  db.close();
}

/** Every row of a referat database, as [key, value]. */
async function rawRows(name: string): Promise<{ updates: [IDBValidKey, unknown][]; custom: [IDBValidKey, unknown][] }> {
  const db = await requestResult(indexedDB.open(name));
  try {
    const tx = db.transaction(['updates', 'custom'], 'readonly');
    const rows = async (store: string): Promise<[IDBValidKey, unknown][]> => {
      const [keys, values] = await Promise.all([requestResult(tx.objectStore(store).getAllKeys()), requestResult(tx.objectStore(store).getAll())]);
      return keys.map((k, i) => [k, values[i]]);
    };
    return { updates: await rows('updates'), custom: await rows('custom') };
  } finally {
    db.close();
  }
}

/** Makes every read-write transaction on the store's database throw QuotaExceededError; returns the way to stop. */
function failWrites(store: DocStore): () => void {
  const db = (store as unknown as { db: IDBDatabase }).db;
  const realTransaction = db.transaction.bind(db);
  let failing = true;
  db.transaction = ((stores: string[], mode?: IDBTransactionMode) => {
    if (failing && mode === 'readwrite') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return realTransaction(stores, mode);
  }) as typeof db.transaction;
  return () => {
    failing = false;
  };
}

/** localStorage for a test: its content outlives a page (a keeper), and it can be made full. */
class MemoryStorage implements Storage {
  full = false;
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}
