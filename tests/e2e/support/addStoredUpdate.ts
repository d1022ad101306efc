// Puts a Yjs update straight into a referat's database in the page, as another version or device would have stored it.
import type { Page } from 'playwright-core';

/** Adds `update` to the referat's `updates` store as a bare V1 entry (storage layout 1, which every version reads). */
export async function addStoredUpdate(page: Page, referatId: string, update: Uint8Array): Promise<void> {
  await page.evaluate(async ({ name, bytes }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('updates', 'readwrite');
      tx.objectStore('updates').add(new Uint8Array(bytes));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, { name: `referat-doc-${referatId}`, bytes: Array.from(update) });
}
