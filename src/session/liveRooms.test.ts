import 'fake-indexeddb/auto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { useFreshLibraryDatabases } from '../testSupport/freshLibraryDatabase';
import { backupLibrary } from './backupLibrary';
import { createReferat } from './createReferat';
import { exportCopy } from './exportCopy';
import { invitationUrl } from './invite';
import { forgetLiveRoom, loadLiveRoom, startLiveRoom } from './liveRooms';
import { loadLocalIdentity } from './localIdentity';
import { openReferatSession } from './referatSession';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const freshDb = useFreshLibraryDatabases();
const NOW = Date.parse('2026-12-06T10:00:00Z');
const DAY = 86_400_000;

describe('live rooms that end', () => {
  it('gives each new room a new secret and keeps it until it expires; an expired room is forgotten at the next open', async () => {
    const db = await freshDb();
    const id = await createReferat(db, profile, { title: 'Styregruppemøde', date: '2026-12-06' });
    const first = await startLiveRoom(db, id, 1, NOW);
    const second = await startLiveRoom(db, id, 7, NOW);
    expect(second.secret).not.toBe(first.secret);
    expect(second.roomId).not.toBe(first.roomId);
    expect(await loadLiveRoom(db, id, NOW + 6 * DAY)).toEqual({ kind: 'room', invitation: second });
    expect(await loadLiveRoom(db, id, NOW + 7 * DAY)).toEqual({ kind: 'expired', expiresAt: NOW + 7 * DAY });
    expect(await db.liveRooms.count()).toBe(0);
    expect(await loadLiveRoom(db, id, NOW)).toEqual({ kind: 'none' });
  });

  it('forgets a room it was told to end only if that room is still the one kept', async () => {
    const db = await freshDb();
    const id = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-12-06' });
    const old = await startLiveRoom(db, id, 1, NOW);
    const current = await startLiveRoom(db, id, 1, NOW);
    await forgetLiveRoom(db, id, old.roomId);
    expect(await loadLiveRoom(db, id, NOW)).toEqual({ kind: 'room', invitation: current });
    await forgetLiveRoom(db, id, current.roomId);
    expect(await loadLiveRoom(db, id, NOW)).toEqual({ kind: 'none' });
  });

  it('puts the room secret in no backup and no .referat copy', async () => {
    const db = await freshDb();
    const local = await loadLocalIdentity(db, profile);
    const id = await createReferat(db, profile, { title: 'Møde med leverandøren', date: '2026-12-06' });
    const inv = await startLiveRoom(db, id, 7, NOW);
    const chunks: Uint8Array[] = [];
    await backupLibrary(db, local, { write: (c) => { chunks.push(c); } });
    const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(2);
    const opened = await openReferatSession(db, id);
    if (opened.kind !== 'open') throw new Error('not open');
    const copy = await exportCopy(db, opened.session, local);
    await opened.session.close();
    const texts = [...Object.values(files), copy.bytes].map((b) => Buffer.from(b).toString('latin1'));
    for (const text of texts) {
      expect(text).not.toContain(inv.secret);
      expect(text).not.toContain(inv.roomId);
      expect(text).not.toContain(invitationUrl('', inv));
    }
  });
});
