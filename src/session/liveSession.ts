// A live co-editing session for one open referat: WebRTC sync, presence with organisation colours, each peer's
// proof of its key (core/peerProof.ts, bound to the referat's own derived room), divergence between copies, and the
// copy ledger, fed only by proven peers. Loaded only when a live session starts.
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import { base64ToBytes } from '../core/base64';
import { copiesDiverge, copyState, type CopyState } from '../core/divergence';
import { readMeta } from '../core/meta';
import { linkOwnParticipant, type KeyedProfile } from '../core/participantKeys';
import { organisationColor, type Presence } from '../core/presence';
import { publicKeyJwk } from '../core/publicKeyJwk';
import { recordHeld } from '../storage/copyLedger';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import type { LiveSettings } from '../storage/liveSettings';
import { startLive, type LiveStatus, type RejectedPeer } from '../sync/webrtcLive';
import { docRoom, type Invitation } from './invite';
import { peerProofExchange, type PeerProofState, type PeerSigner } from './peerProofExchange';
import { recordAutoVersion } from './recordAutoVersion';
import { roomEnd } from './roomEnd';
import type { ReferatSession } from './referatSession';

const ANNOUNCE_MS = 1000;
/** Refused peers kept for display. */
const MAX_REJECTED = 20;
/** How long after peers connect the merged state is taken as an automatic version (the sync has settled by then). */
const LIVE_VERSION_SETTLE_MS = 3000;

export type { PeerProofState, PeerSigner } from './peerProofExchange';

export interface PeerPresence extends Presence {
  clientId: number;
  /** The peer signed this session's nonce with the key its fingerprint names (core/peerProof.ts). */
  proven: boolean;
  proof: PeerProofState;
  /** Proven, and holding the same changes as this copy while showing different content (core/divergence.ts). */
  diverged: boolean;
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
  const room = docRoom(invitation);
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
  // Proofs are bound to the referat's derived room: one made in another referat's room of the series does not pass here.
  const proofs = peerProofExchange(awareness, signer, room.name, presence, () => onAwareness());
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

  let peerList: PeerPresence[] = [];
  const peerListeners = new Set<() => void>();
  // Any member of the room may end it for everyone: leaving, it can only take itself out of the room anyway.
  const ending = roomEnd(awareness, invitation.roomId, { stopped: () => stopped, stop: () => stop() });
  const onAwareness = () => {
    if (stopped || ending.checkPeers()) return;
    const next: PeerPresence[] = [];
    for (const { clientId, presence: p, proof } of proofs.peers()) {
      const proven = proof === 'proven';
      next.push({ ...p, clientId, proven, proof, diverged: proven && copiesDiverge(mine, p) });
      const sv = base64ToBytes(p.stateVector);
      // Only a peer that proved its key gets a ledger row: a made-up fingerprint writes nothing.
      if (proven && sv && p.fingerprint !== me.fingerprint) {
        void recordHeld(db, session.id, p, sv, 'live').catch(() => undefined);
      }
    }
    peerList = next;
    for (const l of peerListeners) l();
  };
  awareness.on('change', onAwareness);

  const connection = startLive(doc, {
    roomId: invitation.roomId,
    roomName: room.name,
    secret: room.password,
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
    proofs.stop();
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
    onEnded: (listener) => ending.onEnded(listener),
    end: () => ending.end(),
    stop,
  };
}
