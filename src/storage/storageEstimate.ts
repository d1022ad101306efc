// How much the browser lets us store, and whether it promised not to evict it (persistent storage).
export interface StorageReport {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export async function storageReport(): Promise<StorageReport> {
  const s = globalThis.navigator?.storage;
  if (!s) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    s.estimate ? s.estimate().catch(() => null) : null,
    s.persisted ? s.persisted().catch(() => null) : null,
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/** Asks for persistent storage; resolves to whether the browser granted it (null if it cannot be asked). */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const s = globalThis.navigator?.storage;
  if (!s?.persist) return null;
  try {
    return await s.persist();
  } catch {
    return null;
  }
}
