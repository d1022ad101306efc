// The y-webrtc fence: it passes on the installed y-webrtc without opening a connection, and names the internal and
// the upgrade to re-check when one is gone, also when a live session starts.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  checkYWebrtcInternals,
  onConnAdded,
  peerOf,
  providerKey,
  providerRoom,
  signallingConns,
  SIMPLE_PEER_FENCED_VERSION,
  takeDataListeners,
  Y_WEBRTC_FENCED_VERSION,
  yWebrtcProbe,
  type ConnInternals,
  type PeerInternals,
  type YWebrtcProbe,
} from './yWebrtcInternals';

/** The fence's error for `field`: library, field, the version it was written for, and the file to re-check. */
const naming = (field: string) =>
  new RegExp(`^y-webrtc internal \`${field.replace(/[.$/]/g, '\\$&')}\` .*\\(fenced for y-webrtc 10\\.3\\.0\\): re-check src/sync/yWebrtcInternals\\.ts after upgrading y-webrtc\\.$`);

const installed = (pkg: string) => (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as { version: string }).version;

/** Lets y-webrtc's and simple-peer's queued work (room opening and closing, peer destruction) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

type Restore = () => void;

/** Removes `field` from `target`; the returned function puts it back. */
function drop(target: object, field: string): Restore {
  const kept = Object.getOwnPropertyDescriptor(target, field) as PropertyDescriptor;
  expect(kept, field).toBeDefined();
  delete (target as Record<string, unknown>)[field];
  return () => Object.defineProperty(target, field, kept);
}

/** Moves `from` to `to` on `target`, as an upgrade that renames a field would. */
function rename(target: object, from: string, to: string): Restore {
  const t = target as Record<string, unknown>;
  t[to] = t[from];
  const restore = drop(target, from);
  return () => {
    delete t[to];
    restore();
  };
}

/** Gives `target` a flattened copy of its prototype chain without `method` (and with it as `renamedTo`, if given). */
function withoutMethod(target: object, method: string, renamedTo?: string): Restore {
  const proto = Object.getPrototypeOf(target) as object;
  const chain: object[] = [];
  for (let p: object | null = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) chain.push(p);
  const copy: Record<string, unknown> = {};
  // Nearest first: what a nearer prototype defines hides the same name further up.
  for (const p of chain) {
    for (const key of Object.getOwnPropertyNames(p)) {
      if (key !== 'constructor' && !Object.hasOwn(copy, key)) Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(p, key) as PropertyDescriptor);
    }
  }
  expect(typeof copy[method]).toBe('function');
  if (renamedTo) copy[renamedTo] = copy[method];
  delete copy[method];
  Object.setPrototypeOf(target, copy);
  return () => Object.setPrototypeOf(target, proto);
}

const peerOfProbe = (p: YWebrtcProbe) => p.conn.peer as PeerInternals & object;

describe('the y-webrtc fence', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('was written for the installed y-webrtc and simple-peer', () => {
    expect(installed('y-webrtc'), `y-webrtc is now ${installed('y-webrtc')}: re-check src/sync/yWebrtcInternals.ts, webrtcLive.ts and peerGate.ts, then update Y_WEBRTC_FENCED_VERSION`).toBe(
      Y_WEBRTC_FENCED_VERSION,
    );
    expect(installed('simple-peer'), `simple-peer is now ${installed('simple-peer')}: re-check PeerInternals in src/sync/yWebrtcInternals.ts, then update SIMPLE_PEER_FENCED_VERSION`).toBe(
      SIMPLE_PEER_FENCED_VERSION,
    );
  });

  it('passes on the installed y-webrtc, whose internals hold what the accessors return', async () => {
    const probe = yWebrtcProbe();
    try {
      expect(checkYWebrtcInternals(probe)).toBeUndefined();
      expect(providerRoom(probe.provider)).toBeNull();
      expect(signallingConns(probe.provider)).toEqual([]);
      expect(peerOf(probe.conn)).toBe(probe.conn.peer);
      // The check left its own data listener on the probe's peer; takeDataListeners hands it back and leaves none.
      const peer = peerOfProbe(probe);
      const before = peer.listeners('data');
      expect(before).toHaveLength(1);
      expect(takeDataListeners(peer)).toEqual(before);
      expect(peer.listeners('data')).toEqual([]);
    } finally {
      probe.dispose();
    }
  });

  it("opens the provider's room before any later then of its key runs, so startLive's guard finds it", async () => {
    const doc = new Y.Doc();
    const { WebrtcProvider } = await import('y-webrtc');
    const provider = new WebrtcProvider(`fence-test-${Math.random()}`, doc, { signaling: [], awareness: new Awareness(doc) });
    let seen: unknown = 'not yet';
    await providerKey(provider).then(() => {
      seen = providerRoom(provider);
    });
    const room = seen as ReturnType<typeof providerRoom>;
    expect(room?.webrtcConns).toBeInstanceOf(Map);
    expect(room?.bcConns).toBeInstanceOf(Set);
    // A connection y-webrtc adds (lib0's map.setIfUndefined calls set) is reported after it is in the map.
    const added: Array<[string, boolean]> = [];
    const conns = room?.webrtcConns as Map<string, ConnInternals>;
    onConnAdded(conns, (id, conn) => added.push([id, conns.get(id) === conn]));
    const { setIfUndefined } = await import('lib0/map');
    setIfUndefined(conns, 'peer-a', () => ({ connected: false }));
    setIfUndefined(conns, 'peer-a', () => ({ connected: true }));
    expect(added).toEqual([['peer-a', true]]);
    conns.clear();
    provider.destroy();
    doc.destroy();
    await settle();
  });

  it('opens no network connection: no WebSocket, no RTCPeerConnection, and leaves no listener behind', async () => {
    const opened: string[] = [];
    // Constructors that only record: what y-webrtc (lib0's WebsocketClient) and simple-peer would open with.
    vi.stubGlobal('WebSocket', function WebSocket(url: string) {
      opened.push(`WebSocket ${url}`);
    });
    vi.stubGlobal('RTCPeerConnection', function RTCPeerConnection() {
      opened.push('RTCPeerConnection');
    });
    const exitListeners = process.listenerCount('exit');
    const probe = yWebrtcProbe();
    expect(signallingConns(probe.provider)).toEqual([]);
    expect(process.listenerCount('exit')).toBe(exitListeners + 1);
    checkYWebrtcInternals(probe);
    probe.dispose();
    checkYWebrtcInternals();
    await settle();
    expect(opened).toEqual([]);
    // The probe's rooms (the one it made and the one its provider opened) are closed again.
    expect(process.listenerCount('exit')).toBe(exitListeners);
    expect(peerOfProbe(probe)).toMatchObject({ destroyed: true });
  });

  const removals: Array<[string, string, (p: YWebrtcProbe) => Restore]> = [
    ['WebrtcProvider.key removed', 'WebrtcProvider.key', (p) => drop(p.provider, 'key')],
    ['WebrtcProvider.key renamed', 'WebrtcProvider.key', (p) => rename(p.provider, 'key', '_key')],
    ['WebrtcProvider.room removed', 'WebrtcProvider.room', (p) => drop(p.provider, 'room')],
    ['WebrtcProvider.room renamed', 'WebrtcProvider.room', (p) => rename(p.provider, 'room', '_room')],
    ['WebrtcProvider.signalingConns removed', 'WebrtcProvider.signalingConns', (p) => drop(p.provider, 'signalingConns')],
    ['WebrtcProvider.signalingConns renamed', 'WebrtcProvider.signalingConns', (p) => rename(p.provider, 'signalingConns', 'signallingConns')],
    ['Room.webrtcConns removed', 'Room.webrtcConns', (p) => drop(p.room, 'webrtcConns')],
    ['Room.webrtcConns renamed', 'Room.webrtcConns', (p) => rename(p.room, 'webrtcConns', 'conns')],
    ['Room.bcConns removed', 'Room.bcConns', (p) => drop(p.room, 'bcConns')],
    ['Room.bcConns renamed', 'Room.bcConns', (p) => rename(p.room, 'bcConns', 'broadcastConns')],
    ['WebrtcConn.connected removed', 'WebrtcConn.connected', (p) => drop(p.conn, 'connected')],
    ['WebrtcConn.connected renamed', 'WebrtcConn.connected', (p) => rename(p.conn, 'connected', 'isConnected')],
    ['WebrtcConn.peer removed', 'WebrtcConn.peer', (p) => drop(p.conn, 'peer')],
    ['WebrtcConn.peer renamed', 'WebrtcConn.peer', (p) => rename(p.conn, 'peer', 'simplePeer')],
    ["simple-peer's on removed", 'WebrtcConn.peer.on', (p) => withoutMethod(peerOfProbe(p), 'on')],
    ["simple-peer's listeners removed", 'WebrtcConn.peer.listeners', (p) => withoutMethod(peerOfProbe(p), 'listeners')],
    ["simple-peer's listeners renamed", 'WebrtcConn.peer.listeners', (p) => withoutMethod(peerOfProbe(p), 'listeners', 'listenersOf')],
    ["simple-peer's removeAllListeners removed", 'WebrtcConn.peer.removeAllListeners', (p) => withoutMethod(peerOfProbe(p), 'removeAllListeners')],
    ["simple-peer's destroy removed", 'WebrtcConn.peer.destroy', (p) => withoutMethod(peerOfProbe(p), 'destroy')],
    [
      "a WebrtcConn no longer listening for 'data' on its peer when made",
      'WebrtcConn.peer.listeners',
      (p) => {
        peerOfProbe(p).removeAllListeners('data');
        return () => undefined;
      },
    ],
    [
      "simple-peer's removeAllListeners('data') leaving listeners",
      'WebrtcConn.peer.removeAllListeners',
      (p) => {
        const peer = peerOfProbe(p) as unknown as Record<string, unknown>;
        peer.removeAllListeners = () => peer;
        return () => delete peer.removeAllListeners;
      },
    ],
    [
      "simple-peer's on('data') not adding the listener",
      'WebrtcConn.peer.on',
      (p) => {
        const peer = peerOfProbe(p) as unknown as Record<string, unknown>;
        peer.on = () => peer;
        return () => delete peer.on;
      },
    ],
  ];

  it.each(removals)('fails naming the internal when %s', (_, field, simulate) => {
    const probe = yWebrtcProbe();
    const restore = simulate(probe);
    try {
      expect(() => checkYWebrtcInternals(probe)).toThrow(naming(field));
    } finally {
      restore();
      probe.dispose();
    }
  });

  it('keeps a live session from starting, naming the internal, until it is back', async () => {
    // A fresh copy of the modules, so this startLive is the page's first and runs the check.
    vi.resetModules();
    const fence = await import('./yWebrtcInternals');
    const { startLive } = await import('./webrtcLive');
    const probe = fence.yWebrtcProbe();
    // The EventEmitter prototype of simple-peer's streams, where `listeners` lives.
    let owner = Object.getPrototypeOf(probe.conn.peer) as object;
    while (!Object.hasOwn(owner, 'listeners')) owner = Object.getPrototypeOf(owner) as object;
    probe.dispose();
    const restore = drop(owner, 'listeners');
    const doc = new Y.Doc();
    const opts = { roomId: `fence-${Math.random()}`, secret: 'hemmelig', signallingUrls: [], iceServers: [], awareness: new Awareness(doc) };
    try {
      expect(() => startLive(doc, opts)).toThrow(naming('WebrtcConn.peer.listeners'));
    } finally {
      restore();
    }
    const live = startLive(doc, opts);
    expect(live.status()).toEqual({ kind: 'connecting' });
    live.destroy();
    doc.destroy();
    await settle();
  });
});
