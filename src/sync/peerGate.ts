// The live gate: every message of each y-webrtc peer connection is checked before y-webrtc applies it (rate, size,
// authorship, the schema of `meta`); a peer that breaks a rule is disconnected, not let back in, and named.
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { checkClaims, checkClaimsSync, claimsMap } from '../core/clientClaims';
import { CLAIMS, META } from '../core/docLayout';
import { parsePresence, type Presence } from '../core/presence';
import { metaMap } from '../core/referatDoc';
import { DEFAULT_LIVE_LIMITS, type LiveLimits } from './liveLimits';
import { receiverEntries } from './mapEntryWrites';
import { readPeerMessage } from './peerMessage';
import { peerRateWindow } from './peerRateWindow';
import { peerUpdateRefusal, type LiveRefusal, type LiveRefusalCode } from './peerUpdateRefusal';
import type { ReceiverFacts } from './receiverFacts';

/** A peer that was disconnected for breaking a rule of the live gate. */
export interface RejectedPeer {
  /** y-webrtc's id of the connection (random per peer session). */
  peerId: string;
  code: LiveRefusalCode;
  /** The client id the refusal is about, or null when it is about no client id (size, rate, schema). */
  clientId: number | null;
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
  /** This referat's id: meta.id must stay it, also while a joined copy is still empty. */
  docId?: string;
  limits?: Partial<LiveLimits>;
  /** The clock of the rate limit, in ms; Date.now by default. */
  now?: () => number;
}

/**
 * Checks each peer message before y-webrtc applies it: the peer's rate over the last minute (peerRateWindow.ts), then
 * the message itself (peerUpdateRefusal.ts). A refused message is dropped and its peer disconnected, named from the
 * awareness states it sent. Claims are verified in the background as they arrive; until then the gate counts the
 * ones already verified on this device. Of this device's client ids only the document's current one is guarded:
 * y-webrtc peers relay every update, so another tab's changes may rightly arrive from a peer before they arrive
 * from that tab. Messages are checked synchronously on the main thread (sync/README.md says why).
 */
export function peerGate(doc: Y.Doc, opts: GateOptions, rejected: (p: RejectedPeer) => void) {
  const limits: LiveLimits = { ...DEFAULT_LIVE_LIMITS, ...opts.limits };
  const now = opts.now ?? Date.now;
  const refusedPeers = new Set<string>();
  let facts: ReceiverFacts | null = null;
  const claims = claimsMap(doc);
  const meta = metaMap(doc);
  const forget = () => {
    facts = null;
  };
  const onClaims = () => {
    facts = null;
    void checkClaims(doc).then(forget);
  };
  claims.observe(onClaims);
  meta.observe(forget);
  onClaims();
  const currentFacts = (): ReceiverFacts => {
    facts ??= { entries: receiverEntries(doc, [{ parent: META }, { parent: CLAIMS }]), ownClients: [], owners: [...checkClaimsSync(doc).owners] };
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
    const rate = peerRateWindow(limits);
    const refuse = (refusal: LiveRefusal) => {
      refusedPeers.add(peerId);
      const states = opts.awareness.getStates();
      const presence = [...awarenessClients].map((c) => parsePresence(states.get(c))).find((p) => p !== null) ?? null;
      peer.destroy();
      rejected({ peerId, code: refusal.code, clientId: refusal.clientId, presence });
    };
    peer.on('data', (data: Uint8Array) => {
      if (refusedPeers.has(peerId)) return;
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      const verdict = rate.admit(bytes.byteLength, now());
      if (verdict !== 'ok') {
        refuse({ code: 'rateLimited', clientId: null, detail: `more than the allowed ${verdict} per minute` });
        return;
      }
      if (bytes.byteLength <= limits.maxMessageBytes) {
        try {
          const read = readPeerMessage(bytes);
          if (read.kind === 'awareness') for (const c of read.clients) awarenessClients.add(c);
        } catch {
          // y-webrtc refuses an unreadable message itself.
        }
      }
      const refusal = peerUpdateRefusal(bytes, doc, { facts: currentFacts(), expectedId: opts.docId ?? null, maxMessageBytes: limits.maxMessageBytes });
      if (refusal !== null) {
        refuse(refusal);
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
      meta.unobserve(forget);
    },
  };
}
