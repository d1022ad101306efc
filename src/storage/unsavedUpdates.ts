// Where a referat's updates wait when its own database cannot take them (quota, aborted or closed database): in
// localStorage, which has its own small quota beside IndexedDB's and is written synchronously, so it holds even if
// the tab is closed the next moment; failing that, in memory for the life of the page. DocStore.open takes them back
// into the document and writes them (src/storage/README.md, "Nothing typed is lost").
import { base64ToBytes, bytesToBase64 } from '../core/base64';

const PREFIX = 'referat-unsaved:';

/** Where a keeper put the updates: on the device (survives a closed tab) or only in this page's memory. */
export type KeptWhere = 'device' | 'memory';

export interface KeptUpdate {
  key: string;
  /** One V2 update: the merged updates that were not written. */
  update: Uint8Array;
}

export interface UnsavedKeeper {
  /** Keeps (or replaces) the updates under `key`; says where they went. */
  keep(key: string, update: Uint8Array): KeptWhere;
  /** Every kept update of one database (by any tab or earlier page), left in place until `drop`. */
  take(dbName: string): KeptUpdate[];
  drop(key: string): void;
}

/** The key for one writer (one DocStore) of one database; the database name ends at the last ':'. */
export function unsavedKey(dbName: string, writer: string): string {
  return `${PREFIX}${dbName}:${writer}`;
}

/** A keeper over `storage` (localStorage, or null where there is none) and a memory of its own. */
export function createUnsavedKeeper(storage: Storage | null): UnsavedKeeper {
  const memory = new Map<string, Uint8Array>();
  return {
    keep(key, update) {
      memory.set(key, update);
      try {
        if (!storage) return 'memory';
        storage.setItem(key, bytesToBase64(update));
        return 'device';
      } catch {
        // Full or refused: an older, smaller copy under the same key is still a subset of this one, so it may stay.
        return 'memory';
      }
    },
    take(dbName) {
      const prefix = `${PREFIX}${dbName}:`;
      const found = new Map<string, Uint8Array>();
      if (storage) {
        try {
          for (let i = 0; i < storage.length; i++) {
            const key = storage.key(i);
            if (!key?.startsWith(prefix)) continue;
            const bytes = base64ToBytes(storage.getItem(key) ?? '');
            if (bytes) found.set(key, bytes);
          }
        } catch {
          // Storage refused to be read: what is in memory still counts.
        }
      }
      // Memory is the newest for this page's own keys (it is written first).
      for (const [key, update] of memory) if (key.startsWith(prefix)) found.set(key, update);
      return [...found].map(([key, update]) => ({ key, update }));
    },
    drop(key) {
      memory.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to do: a leftover copy is merged again harmlessly (Yjs updates are idempotent).
      }
    },
  };
}

function pageStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The page's keeper, shared by every DocStore of this page. */
export const unsavedKeeper: UnsavedKeeper = createUnsavedKeeper(pageStorage());
