// The y-webrtc (and simple-peer) internals the live sync and its gate rely on, named and checked here (see README.md).
import { Awareness } from 'y-protocols/awareness';
import { Room, WebrtcConn, WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { fenceRequire, type LibraryFence } from '../core/libraryFence';

/** The y-webrtc version these internals were read from; `yWebrtcInternals.test.ts` fails when the installed one differs. */
export const Y_WEBRTC_FENCED_VERSION = '10.3.0';
/** The simple-peer version (y-webrtc's peer connections) the `PeerInternals` were read from; pinned by the same test. */
export const SIMPLE_PEER_FENCED_VERSION = '9.11.1';

export const Y_WEBRTC_FENCE: LibraryFence = { library: 'y-webrtc', version: Y_WEBRTC_FENCED_VERSION, file: 'src/sync/yWebrtcInternals.ts' };

type DataListener = (data: Uint8Array) => void;

/** A connection's simple-peer instance (`WebrtcConn.peer`), as far as the live gate uses it. */
export interface PeerInternals {
  on(event: 'data', listener: DataListener): void;
  listeners(event: 'data'): DataListener[];
  removeAllListeners(event: 'data'): void;
  destroy(): void;
}

/** One of a room's peer connections (`WebrtcConn`), as far as the status and the live gate read it. */
export interface ConnInternals {
  connected: boolean;
  peer?: PeerInternals;
}

/** A provider's room (`Room`): its WebRTC connections by peer id, and the peer ids of tabs reached by BroadcastChannel. */
export interface RoomInternals {
  webrtcConns: Map<string, ConnInternals>;
  bcConns: Set<string>;
}

/** The provider's fields the live sync reads. */
interface ProviderInternals {
  key: PromiseLike<unknown>;
  signalingConns: Array<{ connected: boolean }>;
  room: RoomInternals | null;
}

const internalsOf = (provider: WebrtcProvider) => provider as unknown as ProviderInternals;

/** `provider.key`: resolves once the room key is derived, right after y-webrtc opened the room (its own `then` runs first). */
export function providerKey(provider: WebrtcProvider): PromiseLike<unknown> {
  return internalsOf(provider).key;
}

/** `provider.room`: null until the room key is derived. Checked at start-up. */
export function providerRoom(provider: WebrtcProvider): RoomInternals | null {
  return internalsOf(provider).room;
}

/** `provider.signalingConns`: the signalling connections the provider uses, each `connected` once its socket is open. */
export function signallingConns(provider: WebrtcProvider): ReadonlyArray<{ connected: boolean }> {
  return internalsOf(provider).signalingConns;
}

/** `conn.peer`: the connection's simple-peer instance (undefined on a connection not yet given one). */
export function peerOf(conn: ConnInternals): PeerInternals | undefined {
  return conn.peer;
}

/** Takes the 'data' listeners off `peer` (y-webrtc's, attached when its WebrtcConn was made) and returns them, for the caller to call. */
export function takeDataListeners(peer: PeerInternals): DataListener[] {
  const originals = peer.listeners('data');
  peer.removeAllListeners('data');
  return originals;
}

/** Calls `added` after each connection y-webrtc puts in `conns` (it does so with `Map.set`, once the connection listens for data). */
export function onConnAdded(conns: Map<string, ConnInternals>, added: (peerId: string, conn: ConnInternals) => void): void {
  const set = conns.set.bind(conns);
  conns.set = (peerId: string, conn: ConnInternals) => {
    const result = set(peerId, conn);
    added(peerId, conn);
    return result;
  };
}

// A stand-in for the browser's WebRTC: the probe's peer gets no RTCPeerConnection, so it can open nothing.
class InertPeerConnection {
  close(): void {}
}
const INERT_WRTC = { RTCPeerConnection: InertPeerConnection };

/** What a probe of the installed y-webrtc holds, for `checkYWebrtcInternals` (tests remove fields from it). */
export interface YWebrtcProbe {
  /** A provider with no signalling servers, on a throwaway document, as `startLive` makes one. */
  provider: WebrtcProvider;
  /** A room of that provider, made as y-webrtc opens one once the key is derived. */
  room: Room;
  /** A connection to a made-up peer in that room, as y-webrtc makes one when a peer signals (over an inert WebRTC). */
  conn: WebrtcConn;
  /** Closes what the probe made; restore any field a test removed first. */
  dispose(): void;
}

export function yWebrtcProbe(): YWebrtcProbe {
  fenceRequire(Y_WEBRTC_FENCE, typeof Room === 'function' && typeof WebrtcConn === 'function', 'Room/WebrtcConn', 'are no longer exported');
  const name = `y-webrtc-fence-probe-${Math.random().toString(36).slice(2)}`;
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = new WebrtcProvider(name, doc, { signaling: [], awareness, filterBcConns: false, peerOpts: { wrtc: INERT_WRTC } });
  // Not connected: the room y-webrtc opens for it is disconnected at once.
  provider.disconnect();
  const room = new Room(doc, provider, name, null);
  // No signalling connection is passed: a connection that does not initiate sends nothing until a peer signals.
  const conn = new WebrtcConn(null as never, false, 'fence-probe', room);
  const peer = conn.peer as { removeAllListeners(event: string): void; destroy(): void };
  return {
    provider,
    room,
    conn,
    dispose() {
      // y-webrtc's close handler would announce the room on the page's signalling connections.
      peer.removeAllListeners('close');
      peer.destroy();
      room.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

const PEER_METHODS = ['on', 'listeners', 'removeAllListeners', 'destroy'] as const;

/** Throws a fence error naming the first internal that is missing or no longer behaves as the live sync expects. */
export function checkYWebrtcInternals(probe?: YWebrtcProbe): void {
  const own = probe ?? yWebrtcProbe();
  try {
    checkProbe(own);
  } finally {
    if (!probe) own.dispose();
  }
}

function checkProbe({ provider, room, conn }: YWebrtcProbe): void {
  const p = provider as unknown as Record<string, unknown>;
  const key = p.key as { then?: unknown } | undefined;
  fenceRequire(Y_WEBRTC_FENCE, typeof key?.then === 'function', 'WebrtcProvider.key', 'is not a promise of the room key');
  fenceRequire(Y_WEBRTC_FENCE, 'room' in p && p.room === null, 'WebrtcProvider.room', 'is not null until the room key is derived');
  fenceRequire(Y_WEBRTC_FENCE, Array.isArray(p.signalingConns) && p.signalingConns.length === 0, 'WebrtcProvider.signalingConns', 'is not the array of its signalling connections');

  const r = room as unknown as Record<string, unknown>;
  fenceRequire(Y_WEBRTC_FENCE, r.webrtcConns instanceof Map && r.webrtcConns.size === 0, 'Room.webrtcConns', 'is not a Map of connections by peer id');
  fenceRequire(Y_WEBRTC_FENCE, r.bcConns instanceof Set, 'Room.bcConns', 'is not a Set of BroadcastChannel peer ids');

  const c = conn as unknown as Record<string, unknown>;
  fenceRequire(Y_WEBRTC_FENCE, c.connected === false, 'WebrtcConn.connected', 'is not false on a new connection');
  const peer = c.peer as Record<string, unknown> | undefined;
  fenceRequire(Y_WEBRTC_FENCE, typeof peer === 'object' && peer !== null, 'WebrtcConn.peer', 'is not the connection’s simple-peer');
  for (const name of PEER_METHODS) {
    fenceRequire(Y_WEBRTC_FENCE, typeof (peer as Record<string, unknown>)[name] === 'function', `WebrtcConn.peer.${name}`, 'is not a function (simple-peer)');
  }
  // What the gate does to each connection: take y-webrtc's one data listener off, and listen itself.
  const fenced = peer as unknown as PeerInternals;
  const stock = fenced.listeners('data');
  fenceRequire(
    Y_WEBRTC_FENCE,
    Array.isArray(stock) && stock.length === 1 && typeof stock[0] === 'function',
    'WebrtcConn.peer.listeners',
    "does not return the one 'data' listener a new WebrtcConn attaches",
  );
  fenced.removeAllListeners('data');
  fenceRequire(Y_WEBRTC_FENCE, fenced.listeners('data').length === 0, 'WebrtcConn.peer.removeAllListeners', "leaves 'data' listeners attached");
  const ours: DataListener = () => undefined;
  fenced.on('data', ours);
  const now = fenced.listeners('data');
  fenceRequire(Y_WEBRTC_FENCE, now.length === 1 && now[0] === ours, 'WebrtcConn.peer.on', "does not add a 'data' listener");
}

let checked = false;

/** `checkYWebrtcInternals` once per page, when the first live session starts; throws every time until it passes. */
export function ensureYWebrtcInternals(): void {
  if (checked) return;
  checkYWebrtcInternals();
  checked = true;
}
