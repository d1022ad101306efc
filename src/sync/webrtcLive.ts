// Live peer-to-peer sync of one referat over WebRTC (y-webrtc), also used for a series' lobby (awareness only).
// Signalling messages are encrypted with a key derived from the room secret, so the signalling server sees only a
// room name hashed from the room id and ciphertext, and a peer without the secret can neither connect nor read. Loaded on demand, never on first load.
import { WebrtcProvider } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { LiveLimits } from './liveLimits';
import { peerGate, type RejectedPeer } from './peerGate';
import { ensureYWebrtcInternals, providerKey, providerRoom, signallingConns } from './yWebrtcInternals';

export type { RejectedPeer } from './peerGate';

export type LiveStatus = { kind: 'offline' } | { kind: 'connecting' } | { kind: 'connected'; peers: number };

export interface LiveOptions {
  roomId: string;
  /** The y-webrtc room name, derived from the series room (core/seriesRoom.ts); `referat-<roomId>` when absent. */
  roomName?: string;
  secret: string;
  signallingUrls: string[];
  iceServers: RTCIceServer[];
  awareness: Awareness;
  /** This referat's id: no peer may change meta.id from it (sync/peerGate.ts). */
  docId?: string;
  /** Overrides of the live gate's limits (sync/liveLimits.ts), for tests. */
  limits?: Partial<LiveLimits>;
}

export interface LiveConnection {
  status(): LiveStatus;
  onStatus(listener: (s: LiveStatus) => void): () => void;
  /** Called once per peer refused by the live gate (sync/peerGate.ts); the peer is disconnected and not reconnected. */
  onRejectedPeer(listener: (p: RejectedPeer) => void): () => void;
  destroy(): void;
}

function sameStatus(a: LiveStatus, b: LiveStatus): boolean {
  return a.kind === b.kind && (a.kind !== 'connected' || a.peers === (b as { peers: number }).peers);
}

export function startLive(doc: Y.Doc, opts: LiveOptions): LiveConnection {
  // The y-webrtc internals used below, checked once per page before any provider exists (yWebrtcInternals.ts).
  ensureYWebrtcInternals();
  const provider = new WebrtcProvider(opts.roomName ?? `referat-${opts.roomId}`, doc, {
    signaling: opts.signallingUrls,
    password: opts.secret,
    awareness: opts.awareness,
    maxConns: 20,
    filterBcConns: true,
    // No default STUN servers: only those the user configured (none by default), so nothing leaves for a third party.
    peerOpts: { config: { iceServers: opts.iceServers } },
  });
  const listeners = new Set<(s: LiveStatus) => void>();
  const rejectedListeners = new Set<(p: RejectedPeer) => void>();
  const gate = peerGate(doc, opts, (p) => {
    for (const l of rejectedListeners) l(p);
  });
  // Every peer connection's messages pass the gate before y-webrtc applies them: the room exists once the room key is
  // derived, and this runs right after y-webrtc opens it, before any signalling message can make a connection.
  void providerKey(provider).then(() => {
    const room = providerRoom(provider);
    if (room) gate.guard(room.webrtcConns);
  });

  const compute = (): LiveStatus => {
    const room = providerRoom(provider);
    const peers = room ? [...room.webrtcConns.values()].filter((c) => c.connected).length + room.bcConns.size : 0;
    if (peers > 0) return { kind: 'connected', peers };
    if (signallingConns(provider).some((c) => c.connected)) return { kind: 'connected', peers: 0 };
    return typeof navigator !== 'undefined' && navigator.onLine === false ? { kind: 'offline' } : { kind: 'connecting' };
  };
  let current = compute();
  const refresh = () => {
    const next = compute();
    if (sameStatus(next, current)) return;
    current = next;
    for (const l of listeners) l(next);
  };
  // y-webrtc reports peers but not every signalling change, so the status is also checked twice a second.
  provider.on('peers', refresh);
  provider.on('status', refresh);
  const timer = setInterval(refresh, 500);

  return {
    status: () => current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRejectedPeer(listener) {
      rejectedListeners.add(listener);
      return () => rejectedListeners.delete(listener);
    },
    destroy() {
      clearInterval(timer);
      listeners.clear();
      rejectedListeners.clear();
      gate.destroy();
      provider.destroy();
    },
  };
}

