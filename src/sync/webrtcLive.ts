// Live peer-to-peer sync of one referat over WebRTC (y-webrtc). Signalling messages are encrypted with a key
// derived from the room secret, so the signalling server sees only the random room id and ciphertext, and a
// peer without the secret can neither connect nor read. Loaded on demand, never on first load.
import { WebrtcProvider } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

export type LiveStatus = { kind: 'offline' } | { kind: 'connecting' } | { kind: 'connected'; peers: number };

export interface LiveOptions {
  roomId: string;
  secret: string;
  signallingUrls: string[];
  iceServers: RTCIceServer[];
  awareness: Awareness;
}

export interface LiveConnection {
  status(): LiveStatus;
  onStatus(listener: (s: LiveStatus) => void): () => void;
  destroy(): void;
}

interface ProviderInternals {
  signalingConns: Array<{ connected: boolean }>;
  room: { webrtcConns: Map<string, { connected: boolean }>; bcConns: Set<string> } | null;
}

function sameStatus(a: LiveStatus, b: LiveStatus): boolean {
  return a.kind === b.kind && (a.kind !== 'connected' || a.peers === (b as { peers: number }).peers);
}

export function startLive(doc: Y.Doc, opts: LiveOptions): LiveConnection {
  const provider = new WebrtcProvider(`referat-${opts.roomId}`, doc, {
    signaling: opts.signallingUrls,
    password: opts.secret,
    awareness: opts.awareness,
    maxConns: 20,
    filterBcConns: true,
    // No default STUN servers: only those the user configured (none by default), so nothing leaves for a third party.
    peerOpts: { config: { iceServers: opts.iceServers } },
  });
  const internals = provider as unknown as ProviderInternals;
  const listeners = new Set<(s: LiveStatus) => void>();

  const compute = (): LiveStatus => {
    const room = internals.room;
    const peers = room ? [...room.webrtcConns.values()].filter((c) => c.connected).length + room.bcConns.size : 0;
    if (peers > 0) return { kind: 'connected', peers };
    if (internals.signalingConns.some((c) => c.connected)) return { kind: 'connected', peers: 0 };
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
    destroy() {
      clearInterval(timer);
      listeners.clear();
      provider.destroy();
    },
  };
}
