// The saved preview of a long referat: read back as written, never from a database that does not exist.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocStore } from './docStore';
import { requestResult, transactionDone } from './idbRequest';
import { readStoredPreview } from './storedPreview';

const names = async () => (await indexedDB.databases()).map((d) => d.name);

describe('stored preview', () => {
  it('is null for a referat with no database, and reading creates none', async () => {
    expect(await readStoredPreview('referat-doc-none')).toBeNull();
    expect(await names()).not.toContain('referat-doc-none');
  });

  it('reads back what the store wrote beside the updates', async () => {
    const store = await DocStore.open('referat-doc-preview', new Y.Doc());
    expect(await readStoredPreview('referat-doc-preview')).toBeNull();
    await store.writePreview({ title: 'Styregruppe', lines: ['Linje 1', 'Æbler og øl'], savedAt: 1_700_000_000_000 });
    expect(await readStoredPreview('referat-doc-preview')).toEqual({ title: 'Styregruppe', lines: ['Linje 1', 'Æbler og øl'], savedAt: 1_700_000_000_000 });
    await store.close();
  });

  it('ignores a value of another shape', async () => {
    const store = await DocStore.open('referat-doc-odd', new Y.Doc());
    await store.close();
    const db = await requestResult(indexedDB.open('referat-doc-odd'));
    const tx = db.transaction('custom', 'readwrite');
    tx.objectStore('custom').put({ title: 'x', lines: [1, 2], savedAt: 0 }, 'preview');
    await transactionDone(tx);
    db.close();
    expect(await readStoredPreview('referat-doc-odd')).toBeNull();
  });
});
