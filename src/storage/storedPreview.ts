// The first lines and title of a long referat, kept in its own database (`custom` store, key `preview`), so a
// page can paint them before the whole update log has been read and decoded.
import { requestResult, transactionDone } from './idbRequest';

export interface StoredPreview {
  title: string;
  lines: string[];
  /** When the document held exactly this text (ms since the epoch). */
  savedAt: number;
}

const CUSTOM = 'custom';
const KEY = 'preview';

function isPreview(v: unknown): v is StoredPreview {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return typeof p.title === 'string' && typeof p.savedAt === 'number' && Array.isArray(p.lines) && p.lines.every((l) => typeof l === 'string');
}

/** Opens `name` if it exists: an open that would create it is aborted, which leaves no database behind. */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const req = factory.open(name);
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
}

/** The stored preview, or null. Never creates a database: a referat without one has no preview. */
export async function readStoredPreview(name: string, factory: IDBFactory = globalThis.indexedDB): Promise<StoredPreview | null> {
  const db = await openExisting(factory, name);
  if (!db) return null;
  try {
    if (!db.objectStoreNames.contains(CUSTOM)) return null;
    const value: unknown = await requestResult(db.transaction(CUSTOM, 'readonly').objectStore(CUSTOM).get(KEY));
    return isPreview(value) ? value : null;
  } finally {
    db.close();
  }
}

export async function writeStoredPreview(db: IDBDatabase, preview: StoredPreview): Promise<void> {
  const tx = db.transaction(CUSTOM, 'readwrite');
  const done = transactionDone(tx);
  tx.objectStore(CUSTOM).put(preview, KEY);
  await done;
}
