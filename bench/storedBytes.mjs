// Reads back what a referat's IndexedDB database holds: the count and total byte length of its stored updates.

/**
 * @template T
 * @param {IDBRequest<T>} req
 * @returns {Promise<T>}
 */
function result(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * @param {IDBFactory} factory
 * @param {string} name a `referat-doc-<id>` database that exists
 * @returns {Promise<{ count: number, bytes: number }>}
 */
export async function storedUpdateBytes(factory, name) {
  const db = await result(factory.open(name));
  try {
    const values = await result(db.transaction(['updates'], 'readonly').objectStore('updates').getAll());
    let bytes = 0;
    // Storage layout 2 (docs/FORMAT.md): a V2 update is stored as { v2: Uint8Array }, a V1 update as a bare Uint8Array.
    for (const v of values) {
      const update = v instanceof Uint8Array ? v : v?.v2;
      if (!(update instanceof Uint8Array)) throw new Error(`${name}: a stored entry holds no update`);
      bytes += update.byteLength;
    }
    return { count: values.length, bytes };
  } finally {
    db.close();
  }
}
