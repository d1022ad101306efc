import 'fake-indexeddb/auto';
import { IndexeddbPersistence } from 'y-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMPACT_THRESHOLD, DocStore } from './docStore';

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

  it('keeps y-indexeddb’s layout: stock y-indexeddb reads what it wrote, and the reverse', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc);
    doc.getText('t').insert(0, 'fra Referat');
    await store.close();
    const stockDoc = new Y.Doc();
    const stock = new IndexeddbPersistence(name, stockDoc);
    await stock.whenSynced;
    expect(stockDoc.getText('t').toString()).toBe('fra Referat');
    stockDoc.getText('t').insert(0, 'og fra y-indexeddb, ');
    await new Promise((r) => setTimeout(r, 50));
    await stock.destroy();
    expect((await reopen(name)).getText('t').toString()).toBe('og fra y-indexeddb, fra Referat');
  });
});
