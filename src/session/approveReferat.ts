// Approving the open referat with this device's key: first link the signer to the participants, then sign what they saw.
import { approve } from '../core/approve';
import type { SignedApproval } from '../core/approvals';
import { contentHash } from '../core/canonicalContent';
import { linkOwnParticipant } from '../core/participantKeys';
import { readParticipants } from '../core/participants';
import type { Profile } from '../core/profile';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { loadLocalIdentity } from './localIdentity';
import type { ReferatSession } from './referatSession';

/** What the user is about to sign, to show before they confirm. */
export interface PendingApproval {
  contentHash: string;
  fingerprint: string;
}

/**
 * Links this person's key to their participant entry (adding them if they are not listed, as exporting a copy
 * does), so the hash shown is the one they will sign. Call it before showing the confirmation.
 */
export async function prepareApproval(db: LibraryDatabase, session: ReferatSession, profile: Profile): Promise<PendingApproval> {
  const local = await loadLocalIdentity(db, profile);
  linkOwnParticipant(session.doc, local.me);
  return { contentHash: contentHash(session.doc), fingerprint: local.me.fingerprint };
}

/** Signs the content whose hash the user confirmed; throws ContentChangedError if it has changed since. */
export async function approveReferat(
  db: LibraryDatabase,
  session: ReferatSession,
  profile: Profile,
  confirmedHash: string,
  now = new Date(),
): Promise<SignedApproval> {
  const local = await loadLocalIdentity(db, profile);
  linkOwnParticipant(session.doc, local.me);
  const participantId = readParticipants(session.doc).find((p) => p.fingerprint === local.me.fingerprint)?.id;
  return approve(session.doc, profile, local.identity, { expectedHash: confirmedHash, now, participantId });
}
