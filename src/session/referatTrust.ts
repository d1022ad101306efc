// The trust state of one referat on this device, fully checked: every approval and reopening signature verified,
// client ids owned only through verified claims, and keys judged by this device's key directory (Kendte nøgler).
import type * as Y from 'yjs';
import { checkTrust } from '../core/checkTrust';
import type { KeyDirectory } from '../core/knownKey';
import { verifiedReopenings } from '../core/reopen';
import { verifyClaims } from '../core/clientClaims';
import type { TrustState } from '../core/trustState';
import { loadKeyDirectory } from '../storage/knownKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';

/** The trust state against a directory already loaded (a package checks many referater against one). */
export async function referatTrustWith(doc: Y.Doc, dir: KeyDirectory, now?: Date): Promise<TrustState> {
  const [owners, reopenings] = await Promise.all([verifyClaims(doc), verifiedReopenings(doc)]);
  return checkTrust(doc, dir, { clientOwner: (client) => owners.get(client) ?? null, reopenings, ...(now ? { now } : {}) });
}

/** The trust state against this device's key directory as it is now. */
export async function referatTrust(db: LibraryDatabase, doc: Y.Doc, now?: Date): Promise<TrustState> {
  return referatTrustWith(doc, await loadKeyDirectory(db), now);
}
