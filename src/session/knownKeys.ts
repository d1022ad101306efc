// This device's key directory (Kendte nøgler) as the UI sees it: the stored keys, the own key, confirming and revoking.
import type { KeyDirectory, KnownKey } from '../core/knownKey';
import type { Profile } from '../core/profile';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { directoryWithOwn, isKnownKey, ownKnownKey } from '../storage/knownKeys';

export {
  confirmationProblems,
  confirmKey,
  KnownKeyError,
  revokeKey,
  type KeyConfirmationInput,
  type KnownKeyProblem,
} from '../storage/knownKeys';

/** Every stored row that reads as a key, revoked ones included, in table order; the own key is not among them. */
export async function storedKnownKeys(db: LibraryDatabase): Promise<KnownKey[]> {
  return (await db.knownKeys.toArray()).filter(isKnownKey);
}

/** The directory the trust rules read: the stored keys, and the own key named by the profile once its fingerprint is known. */
export function keyDirectoryOf(rows: readonly KnownKey[], ownFingerprint: string | null, profile: Profile | null): KeyDirectory {
  return directoryWithOwn(rows, ownFingerprint ? ownKnownKey(ownFingerprint, profile) : null);
}
