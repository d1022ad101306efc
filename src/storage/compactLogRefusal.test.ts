// A compaction whose merged entry is refused at once (add throws, e.g. a value too large or a full disk) must leave
// the log as it was: the deletes it queued first may not commit alone (issue 14, injected storage faults).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactLog } from './compactInWorker';
import { openDatabase, requestResult, transactionDone } from './idbRequest';
import { applyStoredUpdate, storedV1 } from './storedUpdate';

const STORE = 'updates';
const originalAdd = IDBObjectStore.prototype.add;

afterEach(() => {
  IDBObjectStore.prototype.add = originalAdd;
});

describe('compactLog when the merged entry is refused', () => {
  it('keeps every entry it read and rejects', async () => {
    const db = await openDatabase(indexedDB, 'compact-refusal', (d) => d.createObjectStore(STORE, { autoIncrement: true }));
    const doc = new Y.Doc({ gc: false });
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (const ch of 'referat') doc.getText('t').insert(doc.getText('t').length, ch);
    const tx = db.transaction([STORE], 'readwrite');
    for (const u of updates) tx.objectStore(STORE).add(storedV1(u));
    await transactionDone(tx);

    IDBObjectStore.prototype.add = function add(): IDBRequest<IDBValidKey> {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    await expect(compactLog(db, STORE, async () => Y.encodeStateAsUpdateV2(doc))).rejects.toThrow('quota');
    IDBObjectStore.prototype.add = originalAdd;

    const left = await requestResult(db.transaction([STORE], 'readonly').objectStore(STORE).getAll());
    expect(left).toHaveLength(updates.length);
    const reread = new Y.Doc({ gc: false });
    for (const e of left) applyStoredUpdate(reread, e);
    expect(reread.getText('t').toString()).toBe('referat');
    db.close();
  });
});
