// Checks that IndexedDB can really be opened here (it is missing or throws in some private modes and policies).
import { openDatabase, deleteDatabase } from './idbRequest';
import { toError } from '../core/toError';

export type IndexedDbProbe = { ok: true } | { ok: false; reason: 'missing' | 'blocked' | 'failed' | 'timeout'; detail: string };

/** Reads the global factory safely: in some sandboxed or private contexts merely touching it throws. */
export function indexedDbFactory(): IDBFactory | undefined {
  try {
    return globalThis.indexedDB ?? undefined;
  } catch {
    return undefined;
  }
}

export async function probeIndexedDb(factory: IDBFactory | undefined = indexedDbFactory(), timeoutMs = 5000): Promise<IndexedDbProbe> {
  if (!factory) return { ok: false, reason: 'missing', detail: 'indexedDB is not available' };
  const name = 'referat-probe';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<IndexedDbProbe>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'timeout', detail: `no answer in ${timeoutMs} ms` }), timeoutMs);
  });
  const attempt = (async (): Promise<IndexedDbProbe> => {
    try {
      const db = await openDatabase(factory, name, (d) => { d.createObjectStore('probe'); });
      db.close();
      await deleteDatabase(factory, name).catch(() => undefined);
      return { ok: true };
    } catch (e) {
      const err = toError(e);
      return { ok: false, reason: err.name === 'InvalidStateError' ? 'blocked' : 'failed', detail: `${err.name}: ${err.message}` };
    }
  })();
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
