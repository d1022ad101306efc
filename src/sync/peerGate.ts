// The live gate: every message of each y-webrtc peer connection is checked before y-webrtc applies it (rate, size,
// authorship, the schema of `meta`, a time limit for large ones); a peer that breaks a rule is disconnected, not let
// back in, and named.
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { checkClaims, checkClaimsSync, claimsMap } from '../core/clientClaims';
import { CLAIMS, META } from '../core/docLayout';
import { parsePresence, type Presence } from '../core/presence';
import { metaMap } from '../core/referatDoc';
import { DEFAULT_LIVE_CHECK_LIMITS, type LiveCheckLimits } from './liveCheckLimits';
import { DEFAULT_LIVE_LIMITS, type LiveLimits } from './liveLimits';
import { receiverEntries } from './mapEntryWrites';
import { peerCheckInWorker } from './peerCheckInWorker';
import { readPeerMessage } from './peerMessage';
import type { PeerCheckVerdict, PeerMessageCheck } from './peerMessageCheck';
import { peerRateWindow } from './peerRateWindow';
import { peerUpdateRefusal, type LiveRefusal, type LiveRefusalCode } from './peerUpdateRefusal';
import type { ReceiverFacts } from './receiverFacts';
import { onConnAdded, peerOf, takeDataListeners, type ConnInternals } from './yWebrtcInternals';

/** Why the gate disconnected a peer: a rule its message broke, or `timeout`: checking it took too long. */
export type GateRefusalCode = LiveRefusalCode | 'timeout';

/** A peer that was disconnected for breaking a rule of the live gate. */
export interface RejectedPeer {
  /** y-webrtc's id of the connection (random per peer session). */
  peerId: string;
  code: GateRefusalCode;
  /** The client id the refusal is about, or null when it is about no client id (size, rate, schema). */
  clientId: number | null;
  /** What the peer announced about itself (unproven), or null when it announced nothing. */
  presence: Presence | null;
}

export type { ConnInternals, PeerInternals } from './yWebrtcInternals';

export interface GateOptions {
  awareness: Awareness;
  /** This referat's id: meta.id must stay it, also while a joined copy is still empty. */
  docId?: string;
  limits?: Partial<LiveLimits & LiveCheckLimits>;
  /** The clock of the rate limit, in ms; Date.now by default. */
  now?: () => number;
  /**
   * How update messages over `workerCheckBytes` are checked with a time limit: in a worker by default
   * (peerCheckInWorker.ts); null checks every message synchronously (where there are no workers).
   */
  checkMessage?: PeerMessageCheck | null;
}

/**
 * Checks each peer message before y-webrtc applies it: the peer's rate over the last minute (peerRateWindow.ts), then
 * the message itself (peerUpdateRefusal.ts). A refused message is dropped and its peer disconnected, named from the
 * awareness states it sent. Claims are verified in the background as they arrive; until then the gate counts the
 * ones already verified on this device. Of this device's client ids only the document's current one is guarded:
 * y-webrtc peers relay every update, so another tab's changes may rightly arrive from a peer before they arrive
 * from that tab. Messages up to `workerCheckBytes` are checked synchronously as they arrive; a larger update is
 * checked in a worker with a time limit, and the peer's later messages wait, in order, until it answers
 * (sync/README.md says why).
 */
export function peerGate(doc: Y.Doc, opts: GateOptions, rejected: (p: RejectedPeer) => void) {
  const limits: LiveLimits & LiveCheckLimits = { ...DEFAULT_LIVE_LIMITS, ...DEFAULT_LIVE_CHECK_LIMITS, ...opts.limits };
  const now = opts.now ?? Date.now;
  const checkMessage = opts.checkMessage === undefined ? (typeof Worker === 'undefined' ? null : peerCheckInWorker()) : opts.checkMessage;
  const refusedPeers = new Set<string>();
  // Which connection first told of each awareness client id (for naming a refused peer).
  const firstSource = new Map<number, string>();
  let destroyed = false;
  let facts: ReceiverFacts | null = null;
  // Counts changes to what a message is checked against, so a worker's verdict on an older state is checked again.
  let changes = 0;
  const claims = claimsMap(doc);
  const meta = metaMap(doc);
  const forget = () => {
    facts = null;
    changes++;
  };
  const onUpdate = () => {
    changes++;
  };
  doc.on('update', onUpdate);
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
    const peer = peerOf(conn);
    if (!peer) return;
    if (refusedPeers.has(peerId)) {
      peer.destroy();
      return;
    }
    const originals = takeDataListeners(peer);
    // Peers relay each other's awareness states, so a connection names clients of other peers, and ours, too.
    const awarenessClients = new Set<number>();
    const knownBefore = new Set(opts.awareness.getStates().keys());
    const rate = peerRateWindow(limits);
    const refuse = (refusal: Omit<LiveRefusal, 'code'> & { code: GateRefusalCode }) => {
      refusedPeers.add(peerId);
      const states = opts.awareness.getStates();
      const named = (clients: number[]) => clients.map((c) => parsePresence(states.get(c))).find((p) => p !== null) ?? null;
      const others = [...awarenessClients].filter((c) => c !== opts.awareness.clientID);
      // The peer's own state: one first heard of after it connected, else one no other connection told of first.
      const presence = named(others.filter((c) => !knownBefore.has(c))) ?? named(others.filter((c) => firstSource.get(c) === peerId));
      peer.destroy();
      rejected({ peerId, code: refusal.code, clientId: refusal.clientId, presence });
    };
    const deliver = (data: Uint8Array) => {
      for (const l of originals) l.call(peer, data);
    };
    const checkHere = (data: Uint8Array, bytes: Uint8Array) => {
      const refusal = peerUpdateRefusal(bytes, doc, { facts: currentFacts(), expectedId: opts.docId ?? null, maxMessageBytes: limits.maxMessageBytes });
      if (refusal !== null) refuse(refusal);
      else deliver(data);
    };
    // Messages that arrived while a worker checks an earlier one, in order; none reaches y-webrtc before it answers.
    const held: Array<{ data: Uint8Array; bytes: Uint8Array }> = [];
    let checking = false;
    const answered = (data: Uint8Array, bytes: Uint8Array, verdict: PeerCheckVerdict, checkedAt: number) => {
      checking = false;
      if (destroyed || refusedPeers.has(peerId)) return;
      if (verdict.kind === 'timeout') refuse({ code: 'timeout', clientId: null, detail: verdict.detail });
      else if (verdict.kind === 'refused') refuse(verdict.refusal);
      // Checked against this copy as it still is; otherwise again here (the worker has shown it decodes in time).
      else if (verdict.kind === 'pass' && checkedAt === changes) deliver(data);
      else checkHere(data, bytes);
      while (held.length > 0 && !refusedPeers.has(peerId)) {
        const next = held.shift() as { data: Uint8Array; bytes: Uint8Array };
        if (handle(next.data, next.bytes) === 'inWorker') break;
      }
      if (refusedPeers.has(peerId)) held.length = 0;
    };
    /** Checks one message here, or starts its check in a worker (`inWorker`: later messages then wait). */
    const handle = (data: Uint8Array, bytes: Uint8Array): 'done' | 'inWorker' => {
      let read: ReturnType<typeof readPeerMessage> | null = null;
      if (bytes.byteLength <= limits.maxMessageBytes) {
        try {
          read = readPeerMessage(bytes);
          if (read.kind === 'awareness') {
            for (const c of read.clients) {
              awarenessClients.add(c);
              if (!firstSource.has(c) && firstSource.size < 10_000) firstSource.set(c, peerId);
            }
          }
        } catch {
          // y-webrtc refuses an unreadable message itself.
        }
      }
      if (checkMessage === null || read?.kind !== 'update' || bytes.byteLength <= limits.workerCheckBytes) {
        checkHere(data, bytes);
        return 'done';
      }
      checking = true;
      const checkedAt = changes;
      const input = { message: bytes, state: Y.encodeStateAsUpdate(doc), facts: currentFacts(), expectedId: opts.docId ?? null, maxMessageBytes: limits.maxMessageBytes };
      void checkMessage(input, limits.checkTimeoutMs).then(
        (verdict) => answered(data, bytes, verdict, checkedAt),
        (e: unknown) => answered(data, bytes, { kind: 'unavailable', detail: String(e) }, checkedAt),
      );
      return 'inWorker';
    };
    peer.on('data', (data: Uint8Array) => {
      if (refusedPeers.has(peerId)) return;
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      const verdict = rate.admit(bytes.byteLength, now());
      if (verdict !== 'ok') {
        held.length = 0;
        refuse({ code: 'rateLimited', clientId: null, detail: `more than the allowed ${verdict} per minute` });
        return;
      }
      if (checking) held.push({ data, bytes });
      else void handle(data, bytes);
    });
  };
  return {
    guard(conns: Map<string, ConnInternals>) {
      onConnAdded(conns, guardConn);
      for (const [peerId, conn] of conns) guardConn(peerId, conn);
    },
    destroy() {
      destroyed = true;
      doc.off('update', onUpdate);
      claims.unobserve(onClaims);
      meta.unobserve(forget);
    },
  };
}
