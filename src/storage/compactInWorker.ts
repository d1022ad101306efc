// Compacts a referat's update log without pausing the page: the stored entries (V1 or V2) are merged into one V2
// update in a Web Worker (compactWorker.ts, mergeLog), then it replaces exactly the entries that were read, so updates
// stored meanwhile (by this tab or another) stay. Where there is no Worker (Node, tests) the merge runs in-thread.
import { requestResult, transactionDone } from './idbRequest';
import { mergeLog } from './mergeLog';
import { isStoredV1, storedV2 } from './storedUpdate';
import { toError } from '../core/toError';

/** The part of `Worker` used here, so tests can pass a fake. */
export interface MergeWorker {
  onmessage: ((event: MessageEvent) => unknown) | null;
  onerror: ((event: ErrorEvent) => unknown) | null;
  onmessageerror: ((event: MessageEvent) => unknown) | null;
  postMessage(message: unknown[]): void;
  terminate(): void;
}

/** Merges stored entries (storedUpdate.ts) into one V2 update. */
export type MergeUpdates = (entries: unknown[]) => Promise<Uint8Array>;

const MERGE_TIMEOUT_MS = 30_000;


function startWorker(): MergeWorker | null {
  return typeof Worker === 'undefined' ? null : new Worker(new URL('./compactWorker.ts', import.meta.url), { type: 'module' });
}

/** Merges stored entries into one V2 update in a worker (in-thread without Worker support); rejects if the worker fails or times out. */
export function mergeUpdatesOffThread(entries: unknown[], createWorker: () => MergeWorker | null = startWorker): Promise<Uint8Array> {
  const worker = createWorker();
  if (worker === null) return Promise.resolve().then(() => mergeLog(entries));
  return new Promise<Uint8Array>((resolve, reject) => {
    const finish = (error: Error | null, merged?: Uint8Array) => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      if (error) reject(error);
      else resolve(merged as Uint8Array);
    };
    const timer = setTimeout(() => finish(new Error(`merging took longer than ${MERGE_TIMEOUT_MS} ms`)), MERGE_TIMEOUT_MS);
    worker.onmessage = (event) => {
      const data = event.data as { merged?: unknown; error?: unknown } | null;
      if (data?.merged instanceof Uint8Array) finish(null, data.merged);
      else finish(new Error(typeof data?.error === 'string' ? data.error : 'the merge worker sent no update'));
    };
    worker.onerror = (event) => finish(new Error(event.message || 'the merge worker failed'));
    worker.onmessageerror = () => finish(new Error('the merged update could not be received'));
    try {
      worker.postMessage(entries);
    } catch (e) {
      finish(toError(e));
    }
  });
}

/**
 * Replaces the entries of `storeName` with one merged V2 entry (V1 entries are migrated so). Reads the log, merges
 * it off the main thread, then in a second transaction deletes the entries it read and adds the merge. Nothing
 * changes if the merge fails.
 * @returns how many entries the store holds afterwards
 */
export async function compactLog(db: IDBDatabase, storeName: string, merge: MergeUpdates = mergeUpdatesOffThread): Promise<number> {
  const read = db.transaction([storeName], 'readonly');
  const store = read.objectStore(storeName);
  const [keys, values] = await Promise.all([requestResult(store.getAllKeys()), requestResult(store.getAll())]);
  // One entry is already compact, unless it is V1 and still to be migrated.
  if (keys.length === 0 || (keys.length === 1 && !isStoredV1(values[0]))) return keys.length;
  const merged = await merge(values);
  const write = db.transaction([storeName], 'readwrite');
  const done = transactionDone(write);
  const target = write.objectStore(storeName);
  // Only the entries read: keys only grow, so what was stored after the read is kept. One range request where
  // the global IDBKeyRange exists (each request is a message to the browser); key by key for other factories.
  const first = keys[0] as IDBValidKey;
  const last = keys[keys.length - 1] as IDBValidKey;
  try {
    if (typeof IDBKeyRange !== 'undefined' && typeof first === 'number' && typeof last === 'number') target.delete(IDBKeyRange.bound(first, last));
    else for (const key of keys) target.delete(key);
    target.add(storedV2(merged));
  } catch (error) {
    // A request refused at once (a value too large to store, a full disk) must not let the deletes commit alone.
    write.abort();
    await done.catch(() => undefined);
    throw error;
  }
  const left = requestResult(target.count());
  await done;
  return left;
}
