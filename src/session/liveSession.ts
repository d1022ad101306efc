// A live co-editing session for one open referat: WebRTC sync, presence with organisation colours, each peer's
// proof of its key (core/peerProof.ts), divergence between copies, and the copy ledger, fed only by proven peers.
// Loaded only when a live session starts.
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import { base64ToBytes, bytesToBase64 } from '../core/base64';
import { canonicalJson } from '../core/canonicalContent';
import { copiesDiverge, copyState, type CopyState } from '../core/divergence';
import { readMeta } from '../core/meta';
import { linkOwnParticipant, type KeyedProfile } from '../core/participantKeys';
import { MAX_PROOFS, newNonce, parseLiveProofs, signPeerProof, verifyPeerProof } from '../core/peerProof';
import { organisationColor, parsePresence, type Presence } from '../core/presence';
import { publicKeyJwk, type SignatureAlgorithm } from '../core/publicKeyJwk';
import { recordHeld } from '../storage/copyLedger';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import type { LiveSettings } from '../storage/liveSettings';
import { startLive, type LiveStatus, type RejectedPeer } from '../sync/webrtcLive';
import { roomPassword, type Invitation } from './invite';
import { recordAutoVersion } from './recordAutoVersion';
import type { ReferatSession } from './referatSession';

const ANNOUNCE_MS = 1000;
/** Verdicts remembered at most; a peer changing its presence endlessly only costs verifications, not memory. */
const MAX_VERDICTS = 512;
/** Refused peers kept for display. */
const MAX_REJECTED = 20;
/** How long "end for everyone" stays announced before this device leaves, for the announcement to reach the peers. */
const END_ANNOUNCE_MS = 700;
/** How long after peers connect the merged state is taken as an automatic version (the sync has settled by then). */
const LIVE_VERSION_SETTLE_MS = 3000;

/** Where a peer's proof stands: none for my nonce yet, being checked, proven, or given and refused. */
export type PeerProofState = 'none' | 'checking' | 'proven' | 'failed';

export interface PeerPresence extends Presence {
  clientId: number;
  /** The peer signed this session's nonce with the key its fingerprint names (core/peerProof.ts). */
  proven: boolean;
  proof: PeerProofState;
  /** Proven, and holding the same changes as this copy while showing different content (core/divergence.ts). */
  diverged: boolean;
}

/** This device's key, to answer the other peers' nonces. */
export interface PeerSigner {
  algorithm: SignatureAlgorithm;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface LiveSession {
  readonly invitation: Invitation;
  readonly awareness: Awareness;
  readonly user: { name: string; color: string };
  status(): LiveStatus;
  onStatus(listener: (s: LiveStatus) => void): () => void;
  /** Everyone else in the session right now, as they announce themselves (validated), each proven or not. */
  peers(): PeerPresence[];
  /** Peers the live gate disconnected (sync/peerGate.ts), newest last; reported with onPeers. */
  rejected(): RejectedPeer[];
  onPeers(listener: () => void): () => void;
  /** Called once when a peer ends the room for everyone (with what that peer announced, or null); the session has stopped then. */
  onEnded(listener: (by: Presence | null) => void): () => void;
  /** Ends the room for every peer connected now (each forgets it), then stops. */
  end(): Promise<void>;
  stop(): void;
}

/** The awareness field a peer sets to end the room for everyone: the room id it ends. */
const ENDED = 'ended';

export function startLiveSession(
  db: LibraryDatabase,
  session: ReferatSession,
  invitation: Invitation,
  me: KeyedProfile,
  settings: LiveSettings,
  signer: PeerSigner,
): LiveSession {
  const { doc } = session;
  const awareness = new Awareness(doc);
  const color = organisationColor(me.organisation);
  const user = { name: me.name, color };
  const nonce = newNonce();
  const identity = {
    name: me.name,
    organisation: me.organisation,
    organisationKind: me.organisationKind,
    fingerprint: me.fingerprint,
    algorithm: signer.algorithm,
    publicKey: publicKeyJwk(me.publicKey, signer.algorithm),
    color,
  };
  let mine: CopyState = copyState(doc);
  const presence = (): Presence => ({ ...identity, ...mine });
  let stopped = false;

  const announce = () => {
    mine = copyState(doc);
    awareness.setLocalStateField('presence', presence());
  };
  awareness.setLocalStateField('nonce', nonce);
  announce();
  // A device that joins by link starts with an empty copy: it links its key once the referat has arrived, so it
  // finds the row the others typed for it instead of adding a second one (core/participantKeys.ts).
  const linkOnceCreated = () => {
    if (stopped || readMeta(doc).id === '') return;
    doc.off('update', linkOnceCreated);
    linkOwnParticipant(doc, me);
  };
  if (readMeta(doc).id === '') doc.on('update', linkOnceCreated);
  else linkOnceCreated();

  let announceTimer: ReturnType<typeof setTimeout> | null = null;
  const onUpdate = () => {
    announceTimer ??= setTimeout(() => {
      announceTimer = null;
      announce();
    }, ANNOUNCE_MS);
  };
  doc.on('update', onUpdate);

  // My answers to the other peers' nonces, by their awareness client id.
  const answered = new Map<number, { nonce: string; proof: string }>();
  const signing = new Set<string>();
  const publishProofs = () =>
    awareness.setLocalStateField('proofs', Object.fromEntries([...answered].map(([id, a]) => [String(id), a.proof])));
  const answer = (clientId: number, peerNonce: string) => {
    const job = `${clientId} ${peerNonce}`;
    if (answered.get(clientId)?.nonce === peerNonce || signing.has(job)) return;
    if (!answered.has(clientId) && answered.size >= MAX_PROOFS) return;
    signing.add(job);
    void signPeerProof(signer, invitation.roomId, peerNonce, awareness.clientID, presence())
      .then((proof) => {
        if (stopped) return;
        answered.set(clientId, { nonce: peerNonce, proof });
        publishProofs();
      })
      .catch(() => undefined)
      .finally(() => signing.delete(job));
  };

  // Whether a peer proved its key, by everything the verdict depends on; null while it is being checked.
  const verdicts = new Map<string, boolean | null>();
  const proofState = (clientId: number, p: Presence, proof: Uint8Array | undefined): PeerProofState => {
    if (!proof) return 'none';
    const key = canonicalJson([clientId, p.fingerprint, p.algorithm, p.publicKey, p.name, p.organisation, p.organisationKind, bytesToBase64(proof)]);
    const verdict = verdicts.get(key);
    if (verdict !== undefined) return verdict === null ? 'checking' : verdict ? 'proven' : 'failed';
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(key, null);
    void verifyPeerProof(p, clientId, proof, invitation.roomId, nonce).then((ok) => {
      verdicts.set(key, ok);
      if (!stopped) onAwareness();
    });
    return 'checking';
  };

  let peerList: PeerPresence[] = [];
  const peerListeners = new Set<() => void>();
  const endedListeners = new Set<(by: Presence | null) => void>();
  const onAwareness = () => {
    if (stopped) return;
    const next: PeerPresence[] = [];
    const states = awareness.getStates();
    for (const [clientId, state] of states) {
      if (clientId === awareness.clientID) continue;
      // Any member of the room may end it for everyone: leaving, it can only take itself out of the room anyway.
      if ((state as Record<string, unknown>)[ENDED] === invitation.roomId) {
        const by = parsePresence(state);
        stop();
        for (const l of endedListeners) l(by);
        return;
      }
      const p = parsePresence(state);
      if (!p) continue;
      const { nonce: theirNonce, proofs } = parseLiveProofs(state);
      if (theirNonce) answer(clientId, theirNonce);
      const proof = proofState(clientId, p, proofs.get(awareness.clientID));
      const proven = proof === 'proven';
      next.push({ ...p, clientId, proven, proof, diverged: proven && copiesDiverge(mine, p) });
      const sv = base64ToBytes(p.stateVector);
      // Only a peer that proved its key gets a ledger row: a made-up fingerprint writes nothing.
      if (proven && sv && p.fingerprint !== me.fingerprint) {
        void recordHeld(db, session.id, p, sv, 'live').catch(() => undefined);
      }
    }
    let gone = false;
    for (const id of answered.keys()) {
      if (!states.has(id)) gone = answered.delete(id) || gone;
    }
    if (gone) publishProofs();
    peerList = next;
    for (const l of peerListeners) l();
  };
  awareness.on('change', onAwareness);

  const connection = startLive(doc, {
    roomId: invitation.roomId,
    secret: roomPassword(invitation),
    signallingUrls: settings.signallingUrls,
    iceServers: settings.iceServers,
    awareness,
    docId: session.id,
  });
  // When peers come back after none were connected, the merged state is an automatic version on this device.
  let hadPeers = false;
  let liveVersionTimer: ReturnType<typeof setTimeout> | null = null;
  const offStatus = connection.onStatus((st) => {
    const has = st.kind === 'connected' && st.peers > 0;
    if (has && !hadPeers && !liveVersionTimer) {
      liveVersionTimer = setTimeout(() => {
        liveVersionTimer = null;
        if (!stopped) void recordAutoVersion(db, session.id, doc, 'live').catch(() => undefined);
      }, LIVE_VERSION_SETTLE_MS);
    }
    hadPeers = has;
  });
  let rejectedList: RejectedPeer[] = [];
  const offRejected = connection.onRejectedPeer((p) => {
    rejectedList = [...rejectedList, p].slice(-MAX_REJECTED);
    for (const l of peerListeners) l();
  });

  const stop = () => {
    if (stopped) return;
    stopped = true;
    peerList = [];
    offRejected();
    offStatus();
    if (liveVersionTimer) clearTimeout(liveVersionTimer);
    if (announceTimer) clearTimeout(announceTimer);
    doc.off('update', onUpdate);
    doc.off('update', linkOnceCreated);
    awareness.off('change', onAwareness);
    removeAwarenessStates(awareness, [awareness.clientID], 'stop');
    connection.destroy();
    awareness.destroy();
  };

  return {
    invitation,
    awareness,
    user,
    status: () => connection.status(),
    onStatus: (l) => connection.onStatus(l),
    peers: () => peerList,
    rejected: () => rejectedList,
    onPeers(listener) {
      peerListeners.add(listener);
      return () => peerListeners.delete(listener);
    },
    onEnded(listener) {
      endedListeners.add(listener);
      return () => endedListeners.delete(listener);
    },
    async end() {
      if (stopped) return;
      awareness.setLocalStateField(ENDED, invitation.roomId);
      await new Promise((resolve) => setTimeout(resolve, END_ANNOUNCE_MS));
      stop();
    },
    stop,
  };
}
