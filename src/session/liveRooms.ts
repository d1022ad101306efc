// The live room this device keeps for each referat: started on "Invitér", rejoined at each open until it is ended or
// expires, and forgotten then. A series shares one room (one invitation): "Næste møde" and "Invitér" reuse a room
// still valid, and ending it forgets every row of it. The secret stays in the library database; no backup, export or
// log carries it.
import type { LibraryDatabase, LiveRoomRow } from '../storage/libraryDatabase';
import { isExpired, newInvitation, type Invitation } from './invite';

export type StoredRoom = { kind: 'none' } | { kind: 'room'; invitation: Invitation } | { kind: 'expired'; expiresAt: number };

const invitationOf = (row: LiveRoomRow): Invitation => ({
  docId: row.docId,
  roomId: row.roomId,
  secret: row.secret,
  expiresAt: typeof row.expiresAt === 'number' ? row.expiresAt : null,
});

/** The room to rejoin for a referat; an expired one is forgotten here (every referat of it) and reported as expired. */
export async function loadLiveRoom(db: LibraryDatabase, docId: string, now = Date.now()): Promise<StoredRoom> {
  const row = await db.liveRooms.get(docId);
  if (!row) return { kind: 'none' };
  const invitation = invitationOf(row);
  if (invitation.expiresAt !== null && isExpired(invitation, now)) {
    await forgetSeriesRoom(db, invitation.roomId);
    return { kind: 'expired', expiresAt: invitation.expiresAt };
  }
  return { kind: 'room', invitation };
}

/** The room of the first referat in `docIds` that has one still valid, as that referat's invitation; null if none. */
async function validRoomOf(db: LibraryDatabase, docIds: readonly string[], now: number): Promise<Invitation | null> {
  const rows = await db.liveRooms.bulkGet([...docIds]);
  const row = rows.find((r): r is LiveRoomRow => r !== undefined && !isExpired(invitationOf(r), now));
  return row ? invitationOf(row) : null;
}

/**
 * The room for "Invitér": the series' room when a referat of `neighbours` still has a valid one (the same link
 * for the whole series), else a new room with a new secret. Replaces any room this device kept for the referat.
 */
export async function startLiveRoom(
  db: LibraryDatabase,
  docId: string,
  days?: number,
  now = Date.now(),
  neighbours: readonly string[] = [],
): Promise<Invitation> {
  const series = await validRoomOf(db, neighbours.filter((id) => id !== docId), now);
  const invitation = series ? { ...series, docId } : newInvitation(docId, days, now);
  await db.liveRooms.put({ ...invitation, createdAt: now });
  return invitation;
}

/** The other referater of a referat's series, by the library index: its series, the one before it, those after it. */
export async function seriesDocIds(db: LibraryDatabase, docId: string): Promise<string[]> {
  const row = await db.referater.get(docId);
  if (!row) return [];
  const ids = await db.referater
    .filter((r) => r.id !== docId && ((row.seriesId !== '' && r.seriesId === row.seriesId) || r.id === row.previousId || r.previousId === docId))
    .primaryKeys();
  return ids.map(String);
}

/** "Invitér": the series' room when another referat of its series keeps a valid one, else a new room. */
export async function inviteLiveRoom(db: LibraryDatabase, docId: string, days?: number, now = Date.now()): Promise<Invitation> {
  return startLiveRoom(db, docId, days, now, await seriesDocIds(db, docId));
}

/** "Næste møde": the new referat joins the previous one's room while that is valid; returns the invitation, or null. */
export async function carrySeriesRoom(db: LibraryDatabase, fromDocId: string, toDocId: string, now = Date.now()): Promise<Invitation | null> {
  const series = await validRoomOf(db, [fromDocId], now);
  if (!series) return null;
  const invitation = { ...series, docId: toDocId };
  await db.liveRooms.put({ ...invitation, createdAt: now });
  return invitation;
}

/** Every referat this device keeps in one series room (the rows with that room id). */
export async function seriesRoomRows(db: LibraryDatabase, roomId: string): Promise<Invitation[]> {
  return (await db.liveRooms.filter((r) => r.roomId === roomId).toArray()).map(invitationOf);
}

/** Ends a series room on this device: forgets the room (secret included) for every referat kept in it. */
export async function forgetSeriesRoom(db: LibraryDatabase, roomId: string): Promise<void> {
  await db.transaction('rw', db.liveRooms, async () => {
    await db.liveRooms.filter((r) => r.roomId === roomId).delete();
  });
}

/** Forgets the room (its secret with it); with a room id, only if that is still the room kept, so a newer one stays. */
export async function forgetLiveRoom(db: LibraryDatabase, docId: string, roomId?: string): Promise<void> {
  await db.transaction('rw', db.liveRooms, async () => {
    const row = await db.liveRooms.get(docId);
    if (row && (roomId === undefined || row.roomId === roomId)) await db.liveRooms.delete(docId);
  });
}
