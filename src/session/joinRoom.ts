// Joins the live room of an invitation, once the user chose to: the referat then syncs in that room whenever it is open.
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { parseInvitation, type Invitation } from './invite';

/** Stores the room for the referat, replacing any other; refuses an invitation that does not read back as valid. */
export async function joinRoom(db: LibraryDatabase, invitation: Invitation, now = Date.now()): Promise<void> {
  const again = parseInvitation(new URLSearchParams({ doc: invitation.docId, room: invitation.roomId, key: invitation.secret }).toString());
  if (!again.ok) throw new RangeError('Invalid invitation');
  await db.liveRooms.put({ ...again.invitation, createdAt: now });
}
