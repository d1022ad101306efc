// A referat's own IndexedDB database, read and written straight from the page, as another version or device would.
import type { Page } from 'playwright-core';

type Operation = { kind: 'add'; store: string; bytes: number[] } | { kind: 'count'; store: string } | { kind: 'get'; store: string; key: string };

/** Runs one request on one store of `referat-doc-<id>` in the page and resolves with its result once committed. */
function onReferatDatabase(page: Page, referatId: string, op: Operation): Promise<unknown> {
  return page.evaluate(
    async ({ name, operation }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      try {
        const tx = db.transaction(operation.store, operation.kind === 'add' ? 'readwrite' : 'readonly');
        const store = tx.objectStore(operation.store);
        const request =
          operation.kind === 'add' ? store.add(new Uint8Array(operation.bytes)) : operation.kind === 'count' ? store.count() : store.get(operation.key);
        return await new Promise<unknown>((resolve, reject) => {
          tx.oncomplete = () => resolve(request.result);
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { name: `referat-doc-${referatId}`, operation: op },
  );
}

/** Adds `update` to the referat's `updates` store as a bare V1 entry (which every version reads). */
export async function addStoredUpdate(page: Page, referatId: string, update: Uint8Array): Promise<void> {
  await onReferatDatabase(page, referatId, { kind: 'add', store: 'updates', bytes: Array.from(update) });
}

/** How many entries the referat's `updates` store holds. */
export async function storedUpdateCount(page: Page, referatId: string): Promise<number> {
  return (await onReferatDatabase(page, referatId, { kind: 'count', store: 'updates' })) as number;
}

/** The lines of the preview stored in the referat's `custom` store, or null. */
export async function storedPreviewLines(page: Page, referatId: string): Promise<string[] | null> {
  const value = await onReferatDatabase(page, referatId, { kind: 'get', store: 'custom', key: 'preview' });
  return (value as { lines?: string[] } | undefined)?.lines ?? null;
}
