// Who "I" am in a referat: the profile, the device's signing key and its fingerprint, loaded together.
import { keyFingerprint } from '../core/fingerprint';
import type { KeyedProfile } from '../core/participantKeys';
import type { Profile } from '../core/profile';
import { loadIdentity, type Identity } from '../storage/identityKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';

export interface LocalIdentity {
  identity: Identity;
  me: KeyedProfile;
}

export async function loadLocalIdentity(db: LibraryDatabase, profile: Profile): Promise<LocalIdentity> {
  const identity = await loadIdentity(db);
  const fingerprint = await keyFingerprint(identity.publicKey);
  return { identity, me: { ...profile, fingerprint, publicKey: identity.publicKey } };
}
