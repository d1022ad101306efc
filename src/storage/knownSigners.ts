// Signers this device has accepted: its own key, parties seen live or in earlier files, and keys the user
// confirmed by hand. A file from anyone else is shown as unverified and needs the user's confirmation.
import type { LibraryDatabase } from './libraryDatabase';

export async function isKnownSigner(db: LibraryDatabase, fingerprint: string, own: string): Promise<boolean> {
  if (fingerprint === own) return true;
  if ((await db.ledger.filter((r) => r.partyId === fingerprint && r.heldStateVector !== null).count()) > 0) return true;
  const row = await db.settings.get('trustedSigners');
  return Array.isArray(row?.value) && row.value.includes(fingerprint);
}

export async function trustSigner(db: LibraryDatabase, fingerprint: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get('trustedSigners');
    const list = Array.isArray(row?.value) ? (row.value as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    if (!list.includes(fingerprint)) await db.settings.put({ key: 'trustedSigners', value: [...list, fingerprint] });
  });
}
