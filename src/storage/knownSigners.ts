// Signers whose files need no question: this device's own key, a key confirmed (and not revoked) in Kendte nøgler,
// or a signer the user explicitly accepted for import earlier (`trustedSigners`: accepted, which is not confirmed).
// Having a ledger row is no reason: a live peer could write rows for fingerprints it does not hold (issue 12, finding 4).
import type { LibraryDatabase } from './libraryDatabase';
import { isKnownKey } from './knownKeys';
import { keyDirectory } from '../core/knownKey';

/** True when a file signed by `fingerprint` may be merged without asking the user. */
export async function isKnownSigner(db: LibraryDatabase, fingerprint: string, own: string, now: Date = new Date()): Promise<boolean> {
  if (fingerprint === own) return true;
  const row = await db.knownKeys.get(fingerprint);
  if (row && isKnownKey(row) && keyDirectory([row]).confirmed(fingerprint, now)) return true;
  return (await acceptedSigners(db)).includes(fingerprint);
}

/** The signers the user accepted for import by answering the unknown-signer question. */
export async function acceptedSigners(db: LibraryDatabase): Promise<string[]> {
  const row = await db.settings.get('trustedSigners');
  return Array.isArray(row?.value) ? (row.value as unknown[]).filter((x): x is string => typeof x === 'string') : [];
}

/** Records that the user accepted files from this signer; it does not confirm the key (Kendte nøgler does that). */
export async function trustSigner(db: LibraryDatabase, fingerprint: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const list = await acceptedSigners(db);
    if (!list.includes(fingerprint)) await db.settings.put({ key: 'trustedSigners', value: [...list, fingerprint] });
  });
}
