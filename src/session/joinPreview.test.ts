import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryDatabase, type IndexedReferat, type LibraryDatabase } from '../storage/libraryDatabase';
import { newInvitation, parseInvitation } from './invite';
import { joinPreview } from './joinPreview';
import { InvitationExpiredError, joinRoom } from './joinRoom';

const DOC = '0b7c2f7e-3d4b-4f43-9a51-5a6f2c1d9e10';
const noDocs = () => Promise.resolve([] as string[]);

let db: LibraryDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

async function withReferat(): Promise<LibraryDatabase> {
  const d = createLibraryDatabase();
  await d.referater.put({ id: DOC, title: 'Styregruppemøde', date: '2026-03-04', parties: ['Aarhus Kommune', 'Systemhuset A/S'] } as IndexedReferat);
  return d;
}

describe('joinPreview and joinRoom', () => {
  it('an unknown referat: nothing is stored by looking, and only joining stores the room', async () => {
    db = createLibraryDatabase();
    const inv = newInvitation(DOC);
    expect(await joinPreview(db, inv, noDocs)).toEqual({ invitation: inv, exists: false, referat: null, room: 'none', seriesHeld: 0 });
    expect(await db.liveRooms.count()).toBe(0);
    await joinRoom(db, inv, 1234);
    expect(await db.liveRooms.get(DOC)).toEqual({ ...inv, createdAt: 1234 });
  });

  it('a referat on this device: says what it is, and whether it is in this room or another', async () => {
    db = await withReferat();
    const inv = newInvitation(DOC);
    const referat = { title: 'Styregruppemøde', date: '2026-03-04', parties: ['Aarhus Kommune', 'Systemhuset A/S'] };
    expect(await joinPreview(db, inv, noDocs)).toEqual({ invitation: inv, exists: true, referat, room: 'none', seriesHeld: 0 });
    const own = newInvitation(DOC);
    await db.liveRooms.put({ ...own, createdAt: 1 });
    expect((await joinPreview(db, inv, noDocs)).room).toBe('other');
    expect((await joinPreview(db, own, noDocs)).room).toBe('same');
    // The same room id with another secret is another room.
    expect((await joinPreview(db, { ...own, secret: inv.secret }, noDocs)).room).toBe('other');
    expect(await db.liveRooms.get(DOC)).toEqual({ ...own, createdAt: 1 });
  });

  it('a referat stored but not indexed yet still counts as on this device', async () => {
    db = createLibraryDatabase();
    const preview = await joinPreview(db, newInvitation(DOC), () => Promise.resolve([DOC]));
    expect(preview).toMatchObject({ exists: true, referat: null });
  });

  it('refuses to store a malformed invitation and changes nothing', async () => {
    db = createLibraryDatabase();
    const own = newInvitation(DOC);
    await db.liveRooms.put({ ...own, createdAt: 1 });
    await expect(joinRoom(db, { ...own, roomId: 'kort' })).rejects.toThrow('Invalid invitation');
    await expect(joinRoom(db, { ...own, docId: 'ikke-et-id' })).rejects.toThrow('Invalid invitation');
    await expect(joinRoom(db, { ...own, secret: '<script>alert(1)</script>' })).rejects.toThrow('Invalid invitation');
    await expect(joinRoom(db, { ...own, expiresAt: 1.5 })).rejects.toThrow('Invalid invitation');
    // An expired invitation is refused, and the room kept before stays.
    const expired = newInvitation(DOC, 1, Date.parse('2026-01-01T10:00:00Z'));
    await expect(joinRoom(db, expired, Date.parse('2026-01-02T10:00:00Z'))).rejects.toThrow(InvitationExpiredError);
    expect(await db.liveRooms.toArray()).toEqual([{ ...own, createdAt: 1 }]);
    expect(parseInvitation('#doc=1&room=2')).toEqual({ ok: false, reason: 'malformed' });
  });
});
