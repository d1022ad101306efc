import { describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { setTitle } from '../core/meta';
import { newReferatDoc } from '../core/referatDoc';
import type { ConnInternals, RejectedPeer } from './authorshipGate';
import { startLive } from './webrtcLive';

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

/** A y-webrtc sync message carrying `update`. */
function updateMessage(update: Uint8Array): Uint8Array {
  const len: number[] = [];
  let n = update.length;
  while (n > 0x7f) {
    len.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  len.push(n);
  return new Uint8Array([0, 2, ...len, ...update]);
}

function fakeConn() {
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
  return { conn, emit: (d: Uint8Array) => { for (const l of listeners.slice()) l(d); } };
}

describe('startLive', () => {
  it('puts every peer connection y-webrtc makes behind the authorship gate', async () => {
    const doc = newReferatDoc();
    setTitle(doc, 'Driftsmøde');
    const live = startLive(doc, { roomId: `test-${crypto.randomUUID()}`, secret: 'hemmelig', signallingUrls: [], iceServers: [], awareness: new Awareness(doc) });
    const rejected: RejectedPeer[] = [];
    live.onRejectedPeer((p) => rejected.push(p));
    const provider = created.at(-1) as ProviderInternals;
    await provider.key;
    await Promise.resolve();
    const conns = provider.room?.webrtcConns;
    if (!conns) throw new Error('no room');

    // What y-webrtc does when a peer signals: make a connection (its data listener attached) and put it in the map.
    const { conn, emit } = fakeConn();
    const reached: Uint8Array[] = [];
    conn.peer?.on('data', (d) => reached.push(d));
    conns.set('hostile', conn);
    const forger = newReferatDoc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(doc));
    forger.clientID = doc.clientID;
    const sv = Y.encodeStateVector(forger);
    setTitle(forger, 'Aflyst');
    emit(updateMessage(Y.encodeStateAsUpdate(forger, sv)));
    expect(reached).toEqual([]);
    expect(conn.destroyed).toBe(true);
    expect(rejected).toMatchObject([{ peerId: 'hostile', code: 'foreignClient', clientId: doc.clientID }]);
    // A real connection leaves the map when its peer closes.
    conns.delete('hostile');
    live.destroy();
  });
});
