// The authorship gate for live peers: each y-webrtc connection's messages are checked before y-webrtc applies them.
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { checkClaims, checkClaimsSync, claimsMap } from '../core/clientClaims';
import { parsePresence, type Presence } from '../core/presence';
import type { ClaimRefusal } from './claimRefusal';
import { readPeerMessage } from './peerMessage';
import { peerUpdateRefusal } from './peerUpdateRefusal';
import { receiverFacts, type ReceiverFacts } from './receiverFacts';

/** A peer that was disconnected for sending changes under this device's client ids or claiming another key's. */
export interface RejectedPeer {
  /** y-webrtc's id of the connection (random per peer session). */
  peerId: string;
  code: ClaimRefusal['code'];
  clientId: number;
  /** What the peer announced about itself (unproven), or null when it announced nothing. */
  presence: Presence | null;
}

export interface PeerInternals {
  on(event: 'data', listener: (data: Uint8Array) => void): void;
  listeners(event: 'data'): Array<(data: Uint8Array) => void>;
  removeAllListeners(event: 'data'): void;
  destroy(): void;
}

export interface ConnInternals {
  connected: boolean;
  remotePeerId?: string;
  peer?: PeerInternals;
}

export interface GateOptions {
  awareness: Awareness;
}

/**
 * Checks each peer message before y-webrtc applies it (peerUpdateRefusal.ts); a refused message is dropped and its
 * peer disconnected, named from the awareness states it sent. Claims are verified in the background as they arrive;
 * until then the gate counts the ones already verified on this device. Of this device's client ids only the
 * document's current one is guarded: y-webrtc peers relay every update, so another tab's changes may rightly arrive
 * from a peer before they arrive from that tab.
 */
export function authorshipGate(doc: Y.Doc, opts: GateOptions, rejected: (p: RejectedPeer) => void) {
  const refusedPeers = new Set<string>();
  let facts: ReceiverFacts | null = null;
  const claims = claimsMap(doc);
  const onClaims = () => {
    facts = null;
    void checkClaims(doc).then(() => {
      facts = null;
    });
  };
  claims.observe(onClaims);
  onClaims();
  const currentFacts = (): ReceiverFacts => {
    facts ??= receiverFacts(doc, checkClaimsSync(doc), '');
    return { ...facts, ownClients: [doc.clientID] };
  };
  const guardConn = (peerId: string, conn: ConnInternals) => {
    const peer = conn.peer;
    if (!peer) return;
    if (refusedPeers.has(peerId)) {
      peer.destroy();
      return;
    }
    const originals = peer.listeners('data');
    peer.removeAllListeners('data');
    const awarenessClients = new Set<number>();
    peer.on('data', (data: Uint8Array) => {
      if (refusedPeers.has(peerId)) return;
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      try {
        const read = readPeerMessage(bytes);
        if (read.kind === 'awareness') for (const c of read.clients) awarenessClients.add(c);
      } catch {
        // y-webrtc refuses an unreadable message itself.
      }
      const refusal = peerUpdateRefusal(bytes, doc, currentFacts());
      if (refusal !== null) {
        refusedPeers.add(peerId);
        const states = opts.awareness.getStates();
        const presence = [...awarenessClients].map((c) => parsePresence(states.get(c))).find((p) => p !== null) ?? null;
        peer.destroy();
        rejected({ peerId, code: refusal.code, clientId: refusal.clientId, presence });
        return;
      }
      for (const l of originals) l.call(peer, data);
    });
  };
  return {
    guard(conns: Map<string, ConnInternals>) {
      const set = conns.set.bind(conns);
      conns.set = (peerId: string, conn: ConnInternals) => {
        const result = set(peerId, conn);
        guardConn(peerId, conn);
        return result;
      };
      for (const [peerId, conn] of conns) guardConn(peerId, conn);
    },
    destroy() {
      claims.unobserve(onClaims);
    },
  };
}
