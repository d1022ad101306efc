// A live co-editing session for one open referat: WebRTC sync, presence with organisation colours, and
// the copy ledger fed by what each live peer announces. Loaded only when a live session starts.
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../core/base64';
import { linkOwnParticipant, type KeyedProfile } from '../core/participantKeys';
import { organisationColor, parsePresence, type Presence } from '../core/presence';
import { recordHeld } from '../storage/copyLedger';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import type { LiveSettings } from '../storage/liveSettings';
import { startLive, type LiveStatus } from '../sync/webrtcLive';
import type { Invitation } from './invite';
import type { ReferatSession } from './referatSession';

const ANNOUNCE_MS = 1000;

export interface PeerPresence extends Presence {
  clientId: number;
}

export interface LiveSession {
  readonly invitation: Invitation;
  readonly awareness: Awareness;
  readonly user: { name: string; color: string };
  status(): LiveStatus;
  onStatus(listener: (s: LiveStatus) => void): () => void;
  /** Everyone else in the session right now, as they announce themselves (validated). */
  peers(): PeerPresence[];
  onPeers(listener: () => void): () => void;
  stop(): void;
}

export function startLiveSession(
  db: LibraryDatabase,
  session: ReferatSession,
  invitation: Invitation,
  me: KeyedProfile,
  settings: LiveSettings,
): LiveSession {
  const { doc } = session;
  const awareness = new Awareness(doc);
  const color = organisationColor(me.organisation);
  const user = { name: me.name, color };
  const announce = () =>
    awareness.setLocalStateField('presence', {
      name: me.name,
      organisation: me.organisation,
      organisationKind: me.organisationKind,
      fingerprint: me.fingerprint,
      color,
      stateVector: bytesToBase64(Y.encodeStateVector(doc)),
    } satisfies Presence);
  announce();
  linkOwnParticipant(doc, me);

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
  const onAwareness = () => {
    const next: PeerPresence[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const p = parsePresence(state);
      if (!p) continue;
      next.push({ ...p, clientId });
      const sv = base64ToBytes(p.stateVector);
      if (sv && p.fingerprint !== me.fingerprint) {
        void recordHeld(db, session.id, p, sv, 'live').catch(() => undefined);
      }
    }
    peerList = next;
    for (const l of peerListeners) l();
  };
  awareness.on('change', onAwareness);

  const connection = startLive(doc, {
    roomId: invitation.roomId,
    secret: invitation.secret,
    signallingUrls: settings.signallingUrls,
    iceServers: settings.iceServers,
    awareness,
  });

  return {
    invitation,
    awareness,
    user,
    status: () => connection.status(),
    onStatus: (l) => connection.onStatus(l),
    peers: () => peerList,
    onPeers(listener) {
      peerListeners.add(listener);
      return () => peerListeners.delete(listener);
    },
    stop() {
      if (announceTimer) clearTimeout(announceTimer);
      doc.off('update', onUpdate);
      awareness.off('change', onAwareness);
      removeAwarenessStates(awareness, [awareness.clientID], 'stop');
      connection.destroy();
      awareness.destroy();
    },
  };
}
