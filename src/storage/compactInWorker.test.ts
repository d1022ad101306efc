// Compacting an update log off the main thread: the merge replaces exactly what was read with one V2 entry (V1
// entries of storage layout 1 included), and a bad log or a failing worker changes nothing.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactLog, mergeUpdatesOffThread, type MergeWorker } from './compactInWorker';
import { openDatabase, requestResult, transactionDone } from './idbRequest';
import { applyStoredUpdate, storedV2 } from './storedUpdate';

const STORE = 'updates';
let n = 0;

async function freshLog(): Promise<IDBDatabase> {
  return openDatabase(indexedDB, `compact-test-${++n}`, (d) => d.createObjectStore(STORE, { autoIncrement: true }));
}

async function append(db: IDBDatabase, entries: unknown[]): Promise<void> {
  const tx = db.transaction([STORE], 'readwrite');
  for (const e of entries) tx.objectStore(STORE).add(e);
  await transactionDone(tx);
}

async function stored(db: IDBDatabase): Promise<unknown[]> {
  return requestResult(db.transaction([STORE], 'readonly').objectStore(STORE).getAll());
}

function textOf(entries: unknown[]): string {
  const doc = new Y.Doc({ gc: false });
  for (const e of entries) applyStoredUpdate(doc, e);
  return doc.getText('t').toString();
}

/** One V2 entry per typed character, as DocStore stores the editor's updates. */
function typed(text: string): unknown[] {
  return typedUpdates(text, 'updateV2').map(storedV2);
}

/** The same keystrokes as V1 updates, as storage layout 1 stored them. */
function typedV1(text: string): Uint8Array[] {
  return typedUpdates(text, 'update');
}

function typedUpdates(text: string, event: 'update' | 'updateV2'): Uint8Array[] {
  const doc = new Y.Doc({ gc: false });
  const out: Uint8Array[] = [];
  doc.on(event, (u: Uint8Array) => out.push(u));
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
  doc.getText('t').delete(0, 1);
  return out;
}

describe('compactLog', () => {
  it('replaces the log with one V2 update that holds everything', async () => {
    const db = await freshLog();
    const updates = typed('referat');
    await append(db, updates);
    expect(await compactLog(db, STORE)).toBe(1);
    const after = await stored(db);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBeInstanceOf(Uint8Array);
    expect(textOf(after)).toBe('eferat');
    db.close();
  });

  it('rewrites V1 entries (storage layout 1) beside V2 ones as one V2 entry, and a lone V1 entry too', async () => {
    const db = await freshLog();
    await append(db, [...typedV1('møde'), ...typed('x')]);
    expect(await compactLog(db, STORE)).toBe(1);
    const after = await stored(db);
    expect(after[0]).not.toBeInstanceOf(Uint8Array);
    expect(textOf(after)).toBe('øde');
    const lone = await freshLog();
    const doc = new Y.Doc({ gc: false });
    doc.getText('t').insert(0, 'ene');
    await append(lone, [Y.encodeStateAsUpdate(doc)]);
    expect(await compactLog(lone, STORE)).toBe(1);
    const [migrated] = await stored(lone);
    expect(migrated).toEqual(storedV2(Y.encodeStateAsUpdateV2(doc)));
    db.close();
    lone.close();
  });

  it('keeps what was stored while the merge ran', async () => {
    const db = await freshLog();
    await append(db, typed('abc'));
    const other = new Y.Doc({ gc: false });
    other.getText('x').insert(0, 'fra en anden fane');
    const late = storedV2(Y.encodeStateAsUpdateV2(other));
    const left = await compactLog(db, STORE, async (entries) => {
      await append(db, [late]);
      return Y.mergeUpdatesV2(entries.map((e) => (e as { v2: Uint8Array }).v2));
    });
    expect(left).toBe(2);
    const doc = new Y.Doc({ gc: false });
    for (const e of await stored(db)) applyStoredUpdate(doc, e);
    expect(doc.getText('t').toString()).toBe('bc');
    expect(doc.getText('x').toString()).toBe('fra en anden fane');
    db.close();
  });

  it('changes nothing when a stored entry is not a Yjs update', async () => {
    const db = await freshLog();
    const updates = typed('ok');
    await append(db, [...updates, storedV2(new Uint8Array([255, 255, 255, 1, 2, 3]))]);
    const before = await stored(db);
    // Yjs's own decoding error, whatever its wording.
    await expect(compactLog(db, STORE)).rejects.toBeInstanceOf(Error);
    expect(await stored(db)).toEqual(before);
    db.close();
  });

  it('changes nothing when the merge fails', async () => {
    const db = await freshLog();
    await append(db, typed('hej'));
    const before = await stored(db);
    await expect(compactLog(db, STORE, () => Promise.reject(new Error('worker gone')))).rejects.toThrow('worker gone');
    expect(await stored(db)).toEqual(before);
    db.close();
  });

  it("is no bigger than the document's own V2 state: consecutive keystrokes become one item", async () => {
    const db = await freshLog();
    const doc = new Y.Doc({ gc: false });
    const updates: unknown[] = [];
    doc.on('updateV2', (u: Uint8Array) => updates.push(storedV2(u)));
    for (const ch of 'Kommunen og leverandøren mødtes i Aabenraa.'.repeat(20)) doc.getText('t').insert(doc.getText('t').length, ch);
    await append(db, updates);
    await compactLog(db, STORE);
    const [merged] = await stored(db);
    expect((merged as { v2: Uint8Array }).v2.length).toBeLessThanOrEqual(Y.encodeStateAsUpdateV2(doc).length);
    expect(textOf([merged])).toBe(doc.getText('t').toString());
    db.close();
  });

  it('leaves a log of one entry alone', async () => {
    const db = await freshLog();
    await append(db, [storedV2(Y.encodeStateAsUpdateV2(new Y.Doc()))]);
    expect(await compactLog(db, STORE, () => Promise.reject(new Error('not called')))).toBe(1);
    db.close();
  });
});

/** A worker that answers in-thread, or with what `reply` says. */
function fakeWorker(reply: (entries: unknown[], w: MergeWorker) => void): { worker: MergeWorker; terminated: () => boolean } {
  let terminated = false;
  const worker: MergeWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (updates) => queueMicrotask(() => reply(updates, worker)),
    terminate: () => {
      terminated = true;
    },
  };
  return { worker, terminated: () => terminated };
}

describe('mergeUpdatesOffThread', () => {
  it('merges in-thread where there is no Worker', async () => {
    const updates = typed('abc');
    expect(textOf([storedV2(await mergeUpdatesOffThread(updates, () => null))])).toBe('bc');
  });

  it("returns the worker's merge and ends the worker", async () => {
    const fake = fakeWorker((u, w) => w.onmessage?.({ data: { merged: Y.mergeUpdatesV2(u.map((e) => (e as { v2: Uint8Array }).v2)) } } as MessageEvent));
    expect(textOf([storedV2(await mergeUpdatesOffThread(typed('xyz'), () => fake.worker))])).toBe('yz');
    expect(fake.terminated()).toBe(true);
  });

  it('rejects when the worker reports an error or sends something else, and ends the worker', async () => {
    const failing = fakeWorker((_, w) => w.onmessage?.({ data: { error: 'Unexpected end of array' } } as MessageEvent));
    await expect(mergeUpdatesOffThread(typed('a'), () => failing.worker)).rejects.toThrow('Unexpected end of array');
    expect(failing.terminated()).toBe(true);
    const odd = fakeWorker((_, w) => w.onmessage?.({ data: 'hello' } as MessageEvent));
    await expect(mergeUpdatesOffThread(typed('a'), () => odd.worker)).rejects.toThrow('no update');
    const crashed = fakeWorker((_, w) => w.onerror?.({ message: 'boom' } as ErrorEvent));
    await expect(mergeUpdatesOffThread(typed('a'), () => crashed.worker)).rejects.toThrow('boom');
  });
});
