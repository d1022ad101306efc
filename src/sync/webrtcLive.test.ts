import { describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { initReferat } from '../core/initReferat';
import { readMeta, setTitle } from '../core/meta';
import { docFormatVersion } from '../core/migrateDoc';
import { metaMap, newReferatDoc } from '../core/referatDoc';
import { newReferatId } from '../core/referatId';
import { STANDARD_TEMPLATE } from '../core/templates';
import type { ConnInternals, RejectedPeer } from './peerGate';
import { readPeerMessage } from './peerMessage';
import { startLive, type LiveOptions } from './webrtcLive';

interface ProviderInternals {
  key: PromiseLike<unknown>;
  room: { webrtcConns: Map<string, ConnInternals> } | null;
}

const created = vi.hoisted(() => [] as unknown[]);
vi.mock('y-webrtc', async (importOriginal) => {
  const mod = await importOriginal<typeof import('y-webrtc')>();
  class Captured extends mod.WebrtcProvider {
    constructor(...args: ConstructorParameters<typeof mod.WebrtcProvider>) {
      super(...args);
      created.push(this);
    }
  }
  return { ...mod, WebrtcProvider: Captured };
});

/** A y-webrtc sync message carrying `update` (messageSync, then messageYjsUpdate, then the update's length). */
function updateMessage(update: Uint8Array): Uint8Array {
  const len: number[] = [];
  let n = update.length;
  while (n > 0x7f) {
    len.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  len.push(n);
  const out = new Uint8Array(2 + len.length + update.length);
  out.set([0, 2, ...len]);
  out.set(update, 2 + len.length);
  return out;
}

/**
 * What y-webrtc does when a peer signals: a connection whose data listener applies a sync message's update to the
 * document as y-webrtc's readMessage does (y-protocols' readSyncStep2/readUpdate: Y.applyUpdate with the room as
 * origin), then the connection put in the room's map.
 */
function connect(conns: Map<string, ConnInternals>, doc: Y.Doc, peerId: string) {
  const listeners: Array<(d: Uint8Array) => void> = [];
  const conn: ConnInternals & { destroyed: boolean } = {
    connected: true,
    destroyed: false,
    peer: {
      on: (_e, l) => { listeners.push(l); },
      listeners: () => listeners.slice(),
      removeAllListeners: () => { listeners.length = 0; },
      destroy: () => { conn.destroyed = true; },
    },
  };
  const reached: Uint8Array[] = [];
  conn.peer?.on('data', (d) => {
    reached.push(d);
    const read = readPeerMessage(d);
    if (read.kind === 'update') Y.applyUpdate(doc, read.update, 'room');
  });
  conns.set(peerId, conn);
  return { conn, reached, emit: (d: Uint8Array) => { for (const l of listeners.slice()) l(d); } };
}

async function liveReferat(extra: Partial<LiveOptions> = {}) {
  const doc = newReferatDoc();
  const id = newReferatId();
  initReferat(doc, { id, title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' } });
  const live = startLive(doc, { roomId: `test-${crypto.randomUUID()}`, secret: 'hemmelig', signallingUrls: [], iceServers: [], awareness: new Awareness(doc), docId: id, ...extra });
  const rejected: RejectedPeer[] = [];
  live.onRejectedPeer((p) => rejected.push(p));
  const provider = created.at(-1) as ProviderInternals;
  await provider.key;
  await Promise.resolve();
  const conns = provider.room?.webrtcConns;
  if (!conns) throw new Error('no room');
  return { doc, id, live, rejected, conns };
}

/** What `change` adds to a peer's copy of `doc`, as that peer's update message. */
function peerChange(doc: Y.Doc, change: (d: Y.Doc) => void, clientId?: number): Uint8Array {
  const peer = newReferatDoc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  if (clientId !== undefined) peer.clientID = clientId;
  const sv = Y.encodeStateVector(peer);
  change(peer);
  return updateMessage(Y.encodeStateAsUpdate(peer, sv));
}

/**
 * Sends what `change` makes on a peer's copy from a hostile peer; checks that the peer is disconnected, the message
 * never reached y-webrtc, the document is as it was and still editable locally and by an honest peer. Returns the
 * peers the gate named.
 */
async function refusedPeers(change: (d: Y.Doc) => void, extra: Partial<LiveOptions> = {}): Promise<RejectedPeer[]> {
  const { doc, id, live, rejected, conns } = await liveReferat(extra);
  const hostile = connect(conns, doc, 'hostile');
  const before = Y.encodeStateAsUpdate(doc);
  hostile.emit(peerChange(doc, change));
  const named = [...rejected];
  expect(hostile.conn.destroyed).toBe(true);
  expect(hostile.reached).toEqual([]);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  expect(readMeta(doc)).toMatchObject({ id, formatVersion: 2, title: 'Driftsmøde' });

  setTitle(doc, 'Driftsmøde, rettet');
  const honest = connect(conns, doc, 'honest');
  honest.emit(peerChange(doc, (d) => setTitle(d, 'Driftsmøde, rettet igen')));
  expect(honest.conn.destroyed).toBe(false);
  expect(readMeta(doc).title).toBe('Driftsmøde, rettet igen');
  expect(rejected).toHaveLength(1);
  conns.delete('hostile');
  conns.delete('honest');
  live.destroy();
  return named;
}

describe('startLive', () => {
  it('puts every peer connection y-webrtc makes behind the live gate', async () => {
    const { doc, live, rejected, conns } = await liveReferat();
    const { conn, reached, emit } = connect(conns, doc, 'hostile');
    emit(peerChange(doc, (d) => setTitle(d, 'Aflyst'), doc.clientID));
    expect(reached).toEqual([]);
    expect(conn.destroyed).toBe(true);
    expect(rejected).toMatchObject([{ peerId: 'hostile', code: 'foreignClient', clientId: doc.clientID }]);
    // A real connection leaves the map when its peer closes.
    conns.delete('hostile');
    live.destroy();
  });

  it('refuses an update larger than the message limit (8 MiB) before decoding it', async () => {
    expect(await refusedPeers((d) => d.getXmlFragment('body').insert(0, [new Y.XmlText('x'.repeat(9 * 1024 * 1024))]))).toMatchObject([{ peerId: 'hostile', code: 'tooLarge', clientId: null }]);
  });

  it('refuses a peer that overwrites meta.id', async () => {
    expect(await refusedPeers((d) => metaMap(d).set('id', newReferatId()))).toMatchObject([{ peerId: 'hostile', code: 'metaId', clientId: null }]);
  });

  it('refuses a peer that sets meta.formatVersion to 3, which would open every copy read-only', async () => {
    expect(await refusedPeers((d) => metaMap(d).set('formatVersion', 3))).toMatchObject([{ peerId: 'hostile', code: 'formatVersion', clientId: null }]);
  });

  it('refuses a peer that sets meta.formatVersion to a non-integer, which would make the referat "not found"', async () => {
    expect(await refusedPeers((d) => metaMap(d).set('formatVersion', 'x'))).toMatchObject([{ peerId: 'hostile', code: 'formatVersion', clientId: null }]);
    expect(await refusedPeers((d) => metaMap(d).set('formatVersion', 2.5))).toMatchObject([{ peerId: 'hostile', code: 'formatVersion', clientId: null }]);
    expect(await refusedPeers((d) => metaMap(d).delete('formatVersion'))).toMatchObject([{ peerId: 'hostile', code: 'formatVersion', clientId: null }]);
  });

  it('disconnects a peer that sends more messages a minute than the rate limit, and keeps what came before', async () => {
    const { doc, live, rejected, conns } = await liveReferat({ limits: { maxMessagesPerMinute: 20 } });
    const flood = connect(conns, doc, 'flood');
    const peer = newReferatDoc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    for (let i = 0; i < 21; i++) {
      const sv = Y.encodeStateVector(peer);
      setTitle(peer, `Driftsmøde ${i}`);
      flood.emit(updateMessage(Y.encodeStateAsUpdate(peer, sv)));
    }
    expect(flood.reached).toHaveLength(20);
    expect(readMeta(doc).title).toBe('Driftsmøde 19');
    expect(rejected).toMatchObject([{ peerId: 'flood', code: 'rateLimited', clientId: null }]);
    expect(flood.conn.destroyed).toBe(true);
    setTitle(doc, 'Driftsmøde, rettet');
    expect(readMeta(doc).title).toBe('Driftsmøde, rettet');
    expect(docFormatVersion(doc)).toBe(2);
    conns.delete('flood');
    live.destroy();
  });
});
