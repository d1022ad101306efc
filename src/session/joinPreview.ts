// What an invitation link would change on this device, read before anything is stored: is the referat here,
// what it is (from the library index), whether it is already in a live room, and how many referater this device
// already shares in the same series room.
import type { LibraryDatabase, LiveRoomRow } from '../storage/libraryDatabase';
import { storedDocIds } from '../storage/storedDocIds';
import type { Invitation } from './invite';

export interface JoinPreview {
  invitation: Invitation;
  /** The referat is on this device (in the library index or as a stored document). */
  exists: boolean;
  /** What the library index says about it; null when it is not indexed. */
  referat: { title: string; date: string; parties: string[] } | null;
  /** The room this device keeps for the referat now: none, this very room, or another one. */
  room: 'none' | 'same' | 'other';
  /** Other referater this device keeps in exactly this series room (same room id, secret and expiry). */
  seriesHeld: number;
}

/** Reads only; never writes. `docIds` lists the stored documents (default: from IndexedDB's database names). */
export async function joinPreview(
  db: LibraryDatabase,
  invitation: Invitation,
  docIds: () => Promise<string[]> = () => storedDocIds(),
): Promise<JoinPreview> {
  const [row, stored, ids, series] = await Promise.all([
    db.referater.get(invitation.docId),
    db.liveRooms.get(invitation.docId),
    docIds().catch(() => [] as string[]),
    db.liveRooms.filter((r) => r.roomId === invitation.roomId).toArray(),
  ]);
  const sameRoom = (r: LiveRoomRow) => r.roomId === invitation.roomId && r.secret === invitation.secret && (r.expiresAt ?? null) === invitation.expiresAt;
  const room = !stored ? 'none' : sameRoom(stored) ? 'same' : 'other';
  return {
    invitation,
    exists: row !== undefined || ids.includes(invitation.docId),
    referat: row ? { title: row.title, date: row.date, parties: [...row.parties] } : null,
    room,
    seriesHeld: series.filter((r) => r.docId !== invitation.docId && sameRoom(r)).length,
  };
}
