// The series lobby: devices announce the referater of the series they hold; what another device announces is
// untrusted (validated, bounded, its announcer proven or marked unproven) and never stored or acted on alone.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyFingerprint } from '../core/fingerprint';
import type { KeyedProfile } from '../core/participantKeys';
import { organisationColor } from '../core/presence';
import { publicKeyJwk } from '../core/publicKeyJwk';
import { MAX_SERIES_REFERATER } from '../core/seriesAnnouncement';
import { createLibraryDatabase, type IndexedReferat, type LibraryDatabase } from '../storage/libraryDatabase';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { newInvitation, type Invitation } from './invite';
import { startSeriesLobby, type SeriesLobby } from './seriesLobby';

// No WebRTC here: the awareness states are carried between the lobbies by hand; each lobby's awareness is captured.
const awarenesses: Awareness[] = [];
vi.mock('../sync/webrtcLive', () => ({
  startLive: (_doc: unknown, opts: { awareness: Awareness }) => {
    awarenesses.push(opts.awareness);
    return { status: () => ({ kind: 'connecting' }), onStatus: () => () => undefined, onRejectedPeer: () => () => undefined, destroy: () => undefined };
  },
}));

const WEEK1 = '6f1c2b1e-0000-4000-8000-000000000001';
const WEEK2 = '6f1c2b1e-0000-4000-8000-000000000002';
const SETTINGS = { signallingUrls: [], iceServers: [] };
const series = newInvitation(WEEK1, 90);

interface Device {
  db: LibraryDatabase;
  lobby: SeriesLobby;
  awareness: Awareness;
}
const open: Device[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) {
    d.lobby.stop();
    await d.db.delete();
  }
  awarenesses.length = 0;
});

async function device(who: { name: string; organisation: string }, signer: TestSigner, held: Array<{ id: string; title: string; date: string }>): Promise<Device> {
  // Each device has its own IndexedDB.
  const db = createLibraryDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  for (const h of held) {
    await db.referater.put({ id: h.id, title: h.title, date: h.date, parties: [] } as unknown as IndexedReferat);
    await db.liveRooms.put({ ...series, docId: h.id, createdAt: 1 });
  }
  const me: KeyedProfile = { ...who, organisationKind: 'kommune', fingerprint: await keyFingerprint(signer.publicKey), publicKey: signer.publicKey };
  const invitation: Invitation = { ...series, docId: held[0]?.id ?? WEEK1 };
  const lobby = startSeriesLobby(db, invitation, me, SETTINGS, signer);
  const d = { db, lobby, awareness: awarenesses.at(-1)! };
  open.push(d);
  return d;
}

/** Carries awareness between the lobbies, as the room would. */
function connect(devices: Awareness[]): void {
  for (const from of devices) {
    from.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === 'remote') return;
      const update = encodeAwarenessUpdate(from, [...added!, ...updated!, ...removed!]);
      for (const to of devices) if (to !== from) applyAwarenessUpdate(to, update, 'remote');
    });
  }
  for (const from of devices) {
    const update = encodeAwarenessUpdate(from, [from.clientID]);
    for (const to of devices) if (to !== from) applyAwarenessUpdate(to, update, 'remote');
  }
}

const summary = (d: Device) => d.lobby.notices().map((n) => `${n.title} ${n.date} ${n.next ? 'next' : 'other'} by ${n.by.name} ${n.by.proven ? 'proven' : 'unproven'}`);

describe('series lobby', () => {
  it('shows the device that lacks the next meeting a notice naming it and its proven announcer; the other sees none; nothing is stored', async () => {
    const [clerkKey, vendorKey] = await Promise.all([createTestSigner('Ed25519'), createTestSigner('ECDSA-P256')]);
    const clerk = await device({ name: 'Mette Holm', organisation: 'Aarhus Kommune' }, clerkKey, [
      { id: WEEK2, title: 'Styregruppemøde 12', date: '2027-01-10' },
      { id: WEEK1, title: 'Styregruppemøde 11', date: '2026-12-06' },
    ]);
    const vendor = await device({ name: 'Bo Lund', organisation: 'Systemhuset A/S' }, vendorKey, [{ id: WEEK1, title: 'Styregruppemøde 11', date: '2026-12-06' }]);
    await vi.waitFor(() => expect(clerk.awareness.getLocalState()?.series).toHaveLength(2));
    connect([clerk.awareness, vendor.awareness]);
    await vi.waitFor(() => expect(summary(vendor)).toEqual(['Styregruppemøde 12 2027-01-10 next by Mette Holm proven']), { timeout: 5000 });
    expect(summary(clerk)).toEqual([]);
    expect(await vendor.db.liveRooms.count()).toBe(1);
    expect(await vendor.db.referater.get(WEEK2)).toBeUndefined();
  });

  it('marks an announcer that does not prove its key, and ignores crafted announcements', async () => {
    const [vendorKey, eveKey] = await Promise.all([createTestSigner('Ed25519'), createTestSigner('Ed25519')]);
    const vendor = await device({ name: 'Bo Lund', organisation: 'Systemhuset A/S' }, vendorKey, [{ id: WEEK1, title: 'Styregruppemøde 11', date: '2026-12-06' }]);
    // Eve writes her state by hand: no proof, a crafted list, then one over the cap.
    const eve = await device({ name: 'Eve', organisation: 'X' }, eveKey, []);
    eve.lobby.stop();
    const { Awareness } = await import('y-protocols/awareness');
    const { Doc } = await import('yjs');
    const raw = new Awareness(new Doc());
    raw.setLocalState({
      presence: {
        name: 'Mette Holm',
        organisation: 'Aarhus Kommune',
        organisationKind: 'kommune',
        fingerprint: await keyFingerprint(eveKey.publicKey),
        algorithm: 'Ed25519',
        publicKey: publicKeyJwk(eveKey.publicKey, 'Ed25519'),
        color: organisationColor('Aarhus Kommune'),
        stateVector: '',
        deleteSetHash: '',
        contentHash: '',
      },
      series: [
        { docId: WEEK2, title: 'Ekstraordinært møde', date: '2027-01-11' },
        { docId: '../settings', title: 'x', date: '' },
        { docId: WEEK1, title: 'Styregruppemøde 11 (ny version)', date: '2026-12-06' },
      ],
    });
    connect([vendor.awareness, raw]);
    await vi.waitFor(() => expect(summary(vendor)).toEqual(['Ekstraordinært møde 2027-01-11 next by Mette Holm unproven']), { timeout: 5000 });
    raw.setLocalStateField('series', Array.from({ length: MAX_SERIES_REFERATER + 1 }, (_, i) => ({ docId: `6f1c2b1e-0000-4000-8000-${String(100 + i).padStart(12, '0')}`, title: 'spam', date: '' })));
    await vi.waitFor(() => expect(summary(vendor)).toEqual([]));
    expect(await vendor.db.liveRooms.toArray()).toHaveLength(1);
  });

  it('reports the end of the series room announced in the lobby, naming who ended it; an end for another room is ignored', async () => {
    const [clerkKey, vendorKey] = await Promise.all([createTestSigner('Ed25519'), createTestSigner('Ed25519')]);
    const clerk = await device({ name: 'Mette Holm', organisation: 'Aarhus Kommune' }, clerkKey, [{ id: WEEK2, title: 'Styregruppemøde 12', date: '2027-01-10' }]);
    const vendor = await device({ name: 'Bo Lund', organisation: 'Systemhuset A/S' }, vendorKey, [{ id: WEEK1, title: 'Styregruppemøde 11', date: '2026-12-06' }]);
    const ended: string[] = [];
    vendor.lobby.onEnded((by) => ended.push(by?.name ?? 'unknown'));
    connect([clerk.awareness, vendor.awareness]);
    clerk.awareness.setLocalStateField('ended', 'someOtherRoomId123456');
    await new Promise((r) => setTimeout(r, 50));
    expect(ended).toEqual([]);
    await clerk.lobby.end();
    await vi.waitFor(() => expect(ended).toEqual(['Mette Holm']));
    expect(vendor.lobby.notices()).toEqual([]);
  });
});
