// One invitation for a meeting series: "Næste møde" carries the room, "Invitér" reuses it while it is valid, and
// ending it (or its expiry) forgets it for every referat of the series on this device.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { useFreshLibraryDatabases } from '../testSupport/freshLibraryDatabase';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { createNextMeeting } from './createNextMeeting';
import { createReferat } from './createReferat';
import { docRoom, lobbyRoom, newInvitation } from './invite';
import { joinPreview } from './joinPreview';
import { forgetSeriesRoom, inviteLiveRoom, loadLiveRoom, seriesRoomRows, startLiveRoom } from './liveRooms';
import { openReferatSession } from './referatSession';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const freshDb = useFreshLibraryDatabases();
const DAY = 86_400_000;
const noDocs = () => Promise.resolve([] as string[]);

async function nextMeeting(db: LibraryDatabase, id: string, date: string): Promise<{ id: string; sharedRoom: boolean }> {
  const opened = await openReferatSession(db, id);
  if (opened.kind !== 'open') throw new Error('not open');
  try {
    return await createNextMeeting(db, opened.session, profile, { date, authorFingerprint: 'F' });
  } finally {
    await opened.session.close();
  }
}

const roomOf = async (db: LibraryDatabase, id: string) => {
  const stored = await loadLiveRoom(db, id);
  return stored.kind === 'room' ? stored.invitation : null;
};

describe('a series invitation', () => {
  it('"Næste møde" gives the new referat the same room, secret and expiry; each referat still syncs in a room of its own', async () => {
    const db = await freshDb();
    const first = await createReferat(db, profile, { title: 'Styregruppemøde 11', date: '2026-12-06' });
    const inv = await startLiveRoom(db, first, 90);
    const next = await nextMeeting(db, first, '2027-01-10');
    expect(next.sharedRoom).toBe(true);
    const carried = await roomOf(db, next.id);
    expect(carried).toEqual({ ...inv, docId: next.id });
    // One link for the series, two rooms that never meet, one lobby.
    expect(docRoom(carried!).name).not.toBe(docRoom(inv).name);
    expect(docRoom(carried!).password).not.toBe(docRoom(inv).password);
    expect(lobbyRoom(carried!)).toEqual(lobbyRoom(inv));
    expect((await seriesRoomRows(db, inv.roomId)).map((r) => r.docId).toSorted()).toEqual([first, next.id].toSorted());
  });

  it('"Næste møde" from a referat that is not shared, or whose room expired, shares nothing', async () => {
    const db = await freshDb();
    const first = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-12-06' });
    const unshared = await nextMeeting(db, first, '2027-01-10');
    expect(unshared.sharedRoom).toBe(false);
    expect(await db.liveRooms.count()).toBe(0);
    await startLiveRoom(db, first, 1, Date.now() - 2 * DAY);
    const late = await nextMeeting(db, first, '2027-02-10');
    expect(late.sharedRoom).toBe(false);
    expect(await db.liveRooms.get(late.id)).toBeUndefined();
  });

  it('"Invitér" on another referat of the series shows the same link while the room is valid, and a new one only after it ended', async () => {
    const db = await freshDb();
    const first = await createReferat(db, profile, { title: 'Styregruppemøde 11', date: '2026-12-06' });
    // The next meeting was made before anyone shared: it is in the series, without a room.
    const next = await nextMeeting(db, first, '2027-01-10');
    const inv = await inviteLiveRoom(db, first, 30);
    const again = await inviteLiveRoom(db, next.id, 7);
    expect(again).toEqual({ ...inv, docId: next.id });
    // An unrelated referat gets a room of its own.
    const other = await createReferat(db, profile, { title: 'Andet møde', date: '2026-12-06' });
    expect((await inviteLiveRoom(db, other)).roomId).not.toBe(inv.roomId);

    await forgetSeriesRoom(db, inv.roomId);
    const fresh = await inviteLiveRoom(db, next.id);
    expect(fresh.roomId).not.toBe(inv.roomId);
    expect(fresh.secret).not.toBe(inv.secret);
  });

  it('ending the series room forgets every referat of it here, and no other room', async () => {
    const db = await freshDb();
    const first = await createReferat(db, profile, { title: 'Styregruppemøde 11', date: '2026-12-06' });
    const inv = await startLiveRoom(db, first);
    const next = await nextMeeting(db, first, '2027-01-10');
    const other = await createReferat(db, profile, { title: 'Andet møde', date: '2026-12-06' });
    const kept = await startLiveRoom(db, other);
    await forgetSeriesRoom(db, inv.roomId);
    expect(await roomOf(db, first)).toBeNull();
    expect(await roomOf(db, next.id)).toBeNull();
    expect(await roomOf(db, other)).toEqual(kept);
  });

  it('an expired series room is forgotten for every referat of it at the first open', async () => {
    const db = await freshDb();
    const first = await createReferat(db, profile, { title: 'Styregruppemøde 11', date: '2026-12-06' });
    const inv = await startLiveRoom(db, first, 1);
    const next = await nextMeeting(db, first, '2027-01-10');
    expect(await loadLiveRoom(db, next.id, (inv.expiresAt ?? 0) + 1)).toEqual({ kind: 'expired', expiresAt: inv.expiresAt });
    expect(await db.liveRooms.count()).toBe(0);
  });

  it('the question before joining says when this device already shares other referater of the same series room', async () => {
    const db = await freshDb();
    const first = await createReferat(db, profile, { title: 'Styregruppemøde 11', date: '2026-12-06' });
    const inv = await startLiveRoom(db, first);
    const newId = '6f1c2b1e-0000-4000-8000-000000000002';
    expect((await joinPreview(db, { ...inv, docId: newId }, noDocs)).seriesHeld).toBe(1);
    // The same room id with another secret is not the same series room.
    expect((await joinPreview(db, { ...inv, docId: newId, secret: newInvitation(newId).secret }, noDocs)).seriesHeld).toBe(0);
    expect(await db.liveRooms.count()).toBe(1);
  });
});
