// Compacting an update log off the main thread: the merge replaces exactly what was read, and a bad log or a
// failing worker changes nothing.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactLog, mergeUpdatesOffThread, type MergeWorker } from './compactInWorker';
import { openDatabase, requestResult, transactionDone } from './idbRequest';

const STORE = 'updates';
let n = 0;

async function freshLog(): Promise<IDBDatabase> {
  return openDatabase(indexedDB, `compact-test-${++n}`, (d) => d.createObjectStore(STORE, { autoIncrement: true }));
}

async function append(db: IDBDatabase, updates: Uint8Array[]): Promise<void> {
  const tx = db.transaction([STORE], 'readwrite');
  for (const u of updates) tx.objectStore(STORE).add(u);
  await transactionDone(tx);
}

async function stored(db: IDBDatabase): Promise<Uint8Array[]> {
  return (await requestResult(db.transaction([STORE], 'readonly').objectStore(STORE).getAll())) as Uint8Array[];
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc({ gc: false });
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

/** One update per typed character, as the editor makes them. */
function typed(text: string): Uint8Array[] {
  const doc = new Y.Doc({ gc: false });
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
  doc.getText('t').delete(0, 1);
  return out;
}

describe('compactLog', () => {
  it('replaces the log with one update that holds everything', async () => {
    const db = await freshLog();
    const updates = typed('referat');
    await append(db, updates);
    expect(await compactLog(db, STORE)).toBe(1);
    const after = await stored(db);
    expect(after).toHaveLength(1);
    expect(textOf(after)).toBe('eferat');
    db.close();
  });

  it('keeps what was stored while the merge ran', async () => {
    const db = await freshLog();
    await append(db, typed('abc'));
    const other = new Y.Doc({ gc: false });
    other.getText('x').insert(0, 'fra en anden fane');
    const late = Y.encodeStateAsUpdate(other);
    const left = await compactLog(db, STORE, async (updates) => {
      await append(db, [late]);
      return Y.mergeUpdates(updates);
    });
    expect(left).toBe(2);
    const doc = new Y.Doc({ gc: false });
    for (const u of await stored(db)) Y.applyUpdate(doc, u);
    expect(doc.getText('t').toString()).toBe('bc');
    expect(doc.getText('x').toString()).toBe('fra en anden fane');
    db.close();
  });

  it('changes nothing when a stored entry is not a Yjs update', async () => {
    const db = await freshLog();
    const updates = typed('ok');
    await append(db, [...updates, new Uint8Array([255, 255, 255, 1, 2, 3])]);
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

  it("is no bigger than the document's own state: consecutive keystrokes become one item", async () => {
    const db = await freshLog();
    const doc = new Y.Doc({ gc: false });
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (const ch of 'Kommunen og leverandøren mødtes i Aabenraa.'.repeat(20)) doc.getText('t').insert(doc.getText('t').length, ch);
    await append(db, updates);
    await compactLog(db, STORE);
    const [merged] = await stored(db);
    expect(merged?.length).toBeLessThanOrEqual(Y.encodeStateAsUpdate(doc).length);
    expect(textOf([merged as Uint8Array])).toBe(doc.getText('t').toString());
    db.close();
  });

  it('leaves a log of one entry alone', async () => {
    const db = await freshLog();
    await append(db, [Y.encodeStateAsUpdate(new Y.Doc())]);
    expect(await compactLog(db, STORE, () => Promise.reject(new Error('not called')))).toBe(1);
    db.close();
  });
});

/** A worker that answers in-thread, or with what `reply` says. */
function fakeWorker(reply: (updates: Uint8Array[], w: MergeWorker) => void): { worker: MergeWorker; terminated: () => boolean } {
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
    expect(textOf([await mergeUpdatesOffThread(updates, () => null)])).toBe('bc');
  });

  it("returns the worker's merge and ends the worker", async () => {
    const fake = fakeWorker((u, w) => w.onmessage?.({ data: { merged: Y.mergeUpdates(u) } } as MessageEvent));
    expect(textOf([await mergeUpdatesOffThread(typed('xyz'), () => fake.worker)])).toBe('yz');
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
