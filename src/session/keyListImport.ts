// Imports an organisation key list (`.referat-noegler`): verified against this device's key directory, then its
// keys are confirmed for the list's organisation in one transaction. A refused list changes nothing.
import { KeyListError, verifyKeyList, type KeyListErrorCode } from '../core/keyList';
import type { KnownKey } from '../core/knownKey';
import { loadKeyDirectory, storeKeyListKeys, type KeyListStoreResult } from '../storage/knownKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';

export type KeyListImportOutcome =
  | { kind: 'imported'; organisation: string; administrator: KnownKey; result: KeyListStoreResult }
  | { kind: 'refused'; code: KeyListErrorCode; detail: string };

export async function importKeyList(db: LibraryDatabase, bytes: Uint8Array, opts: { now?: Date } = {}): Promise<KeyListImportOutcome> {
  const now = opts.now ?? new Date();
  try {
    const verified = await verifyKeyList(bytes, await loadKeyDirectory(db), { now });
    const result = await storeKeyListKeys(db, verified.keys);
    return { kind: 'imported', organisation: verified.administrator.organisation, administrator: verified.administrator, result };
  } catch (e) {
    if (e instanceof KeyListError) return { kind: 'refused', code: e.code, detail: e.detail };
    throw e;
  }
}
