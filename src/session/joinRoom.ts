// Joins the live room of an invitation, once the user chose to: the referat then syncs in that room whenever it is open.
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { invitationFragment, isExpired, parseInvitation, type Invitation } from './invite';

/** The error joinRoom throws for an invitation whose time is up. */
export class InvitationExpiredError extends Error {
  constructor(readonly expiresAt: number) {
    super(`The invitation expired at ${new Date(expiresAt).toISOString()}`);
    this.name = 'InvitationExpiredError';
  }
}

/** Stores the room for the referat, replacing any other; refuses an invitation that does not read back as valid or has expired. */
export async function joinRoom(db: LibraryDatabase, invitation: Invitation, now = Date.now()): Promise<void> {
  const again = parseInvitation(invitationFragment(invitation));
  if (!again.ok) throw new RangeError('Invalid invitation');
  if (isExpired(again.invitation, now) && again.invitation.expiresAt !== null) throw new InvitationExpiredError(again.invitation.expiresAt);
  await db.liveRooms.put({ ...again.invitation, createdAt: now });
}
