// Finds every referat document on this device from the IndexedDB database names, for rebuilding the index.
import { isReferatId } from '../core/referatId';
import { idFromDocDatabaseName } from './docDatabaseName';

export async function storedDocIds(factory: IDBFactory = globalThis.indexedDB): Promise<string[]> {
  const dbs = await factory.databases();
  return dbs
    .map((d) => (d.name ? idFromDocDatabaseName(d.name) : null))
    .filter((id): id is string => id !== null && isReferatId(id));
}
