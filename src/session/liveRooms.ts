// The live room this device keeps for a referat: started on "Invitér", rejoined at each open until it is ended or
// expires, and forgotten then. The secret stays in the library database; no backup, export or log carries it.
import type { LibraryDatabase, LiveRoomRow } from '../storage/libraryDatabase';
import { isExpired, newInvitation, type Invitation } from './invite';

export type StoredRoom = { kind: 'none' } | { kind: 'room'; invitation: Invitation } | { kind: 'expired'; expiresAt: number };

const invitationOf = (row: LiveRoomRow): Invitation => ({
  docId: row.docId,
  roomId: row.roomId,
  secret: row.secret,
  expiresAt: typeof row.expiresAt === 'number' ? row.expiresAt : null,
});

/** The room to rejoin for a referat; an expired one is forgotten here and reported as expired. */
export async function loadLiveRoom(db: LibraryDatabase, docId: string, now = Date.now()): Promise<StoredRoom> {
  const row = await db.liveRooms.get(docId);
  if (!row) return { kind: 'none' };
  const invitation = invitationOf(row);
  if (invitation.expiresAt !== null && isExpired(invitation, now)) {
    await forgetLiveRoom(db, docId, invitation.roomId);
    return { kind: 'expired', expiresAt: invitation.expiresAt };
  }
  return { kind: 'room', invitation };
}

/** A new room, with a new secret, replacing any room this device kept for the referat. */
export async function startLiveRoom(db: LibraryDatabase, docId: string, days?: number, now = Date.now()): Promise<Invitation> {
  const invitation = newInvitation(docId, days, now);
  await db.liveRooms.put({ ...invitation, createdAt: now });
  return invitation;
}

/** Forgets the room (its secret with it); with a room id, only if that is still the room kept, so a newer one stays. */
export async function forgetLiveRoom(db: LibraryDatabase, docId: string, roomId?: string): Promise<void> {
  await db.transaction('rw', db.liveRooms, async () => {
    const row = await db.liveRooms.get(docId);
    if (row && (roomId === undefined || row.roomId === roomId)) await db.liveRooms.delete(docId);
  });
}
