// A series' lobby: while a referat of the series is shared and open, this device also joins a small room of its own
// (awareness only) where it announces the referater of the series it holds and its presence, proven like in a live
// room. What the others announce is untrusted: validated and bounded (core/seriesAnnouncement.ts), shown as a notice
// naming the announcer proven or not, and never stored, joined or navigated to without the user's click.
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type KeyedProfile } from '../core/participantKeys';
import { organisationColor, type Presence } from '../core/presence';
import { publicKeyJwk } from '../core/publicKeyJwk';
import { parseSeriesAnnouncement, SERIES_FIELD, seriesAnnouncement, type SeriesReferat } from '../core/seriesAnnouncement';
import { seriesNotices, type SeriesAnnouncer, type SeriesNotice } from '../core/seriesNotices';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import type { LiveSettings } from '../storage/liveSettings';
import { startLive } from '../sync/webrtcLive';
import { lobbyRoom, type Invitation } from './invite';
import { seriesRoomRows } from './liveRooms';
import { peerProofExchange, type PeerSigner } from './peerProofExchange';
import { roomEnd } from './roomEnd';

export type { SeriesNotice } from '../core/seriesNotices';

/** Ids whose "held here?" answer is remembered at most; more are asked again. */
const MAX_HELD_CACHE = 512;

export interface SeriesLobby {
  /** Referater of the series that others announce and this device does not hold; untrusted, for a notice only. */
  notices(): SeriesNotice[];
  onChange(listener: () => void): () => void;
  /** Called once when a device ends the series room for everyone (with what it announced, or null). */
  onEnded(listener: (by: Presence | null) => void): () => void;
  /** Announces the end of the series room in the lobby, then leaves. */
  end(): Promise<void>;
  stop(): void;
}

/** What this device announces: the referater it keeps in the series room, with title and date from the index. */
export async function heldSeriesReferater(db: LibraryDatabase, roomId: string): Promise<SeriesReferat[]> {
  const rows = await seriesRoomRows(db, roomId);
  const index = await db.referater.bulkGet(rows.map((r) => r.docId));
  return seriesAnnouncement(rows.map((r, i) => ({ docId: r.docId, title: index[i]?.title ?? '', date: index[i]?.date ?? '' })));
}

export function startSeriesLobby(
  db: LibraryDatabase,
  invitation: Invitation,
  me: KeyedProfile,
  settings: LiveSettings,
  signer: PeerSigner,
): SeriesLobby {
  // The lobby carries no document: y-webrtc needs one, so it gets an empty one that nothing reads or stores.
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const room = lobbyRoom(invitation);
  const presence = (): Presence => ({
    name: me.name,
    organisation: me.organisation,
    organisationKind: me.organisationKind,
    fingerprint: me.fingerprint,
    algorithm: signer.algorithm,
    publicKey: publicKeyJwk(me.publicKey, signer.algorithm),
    color: organisationColor(me.organisation),
    stateVector: '',
    deleteSetHash: '',
    contentHash: '',
  });
  let stopped = false;
  let current: SeriesNotice[] = [];
  const listeners = new Set<() => void>();
  // Whether this device holds a referat (in its library or in a room), by id; asked once per id announced.
  const held = new Map<string, boolean>();
  const asking = new Set<string>();
  let newestHeld = '';

  const isHeld = async (docId: string): Promise<boolean> =>
    (await db.referater.get(docId)) !== undefined || (await db.liveRooms.get(docId)) !== undefined;

  const proofs = peerProofExchange(awareness, signer, room.name, presence, () => onAwareness());
  awareness.setLocalStateField('presence', presence());
  void heldSeriesReferater(db, invitation.roomId).then((mine) => {
    if (stopped) return;
    // The referat open here is announced even before the index knows it.
    const withOpen = mine.some((r) => r.docId === invitation.docId) ? mine : [{ docId: invitation.docId, title: '', date: '' }, ...mine];
    awareness.setLocalStateField(SERIES_FIELD, seriesAnnouncement(withOpen));
    for (const r of withOpen) held.set(r.docId, true);
    newestHeld = mine.reduce((d, r) => (r.date > d ? r.date : d), '');
    onAwareness();
  }).catch(() => undefined);

  const ending = roomEnd(awareness, invitation.roomId, { stopped: () => stopped, stop: () => stop() });
  const onAwareness = () => {
    if (stopped || ending.checkPeers()) return;
    const announcers: SeriesAnnouncer[] = [];
    for (const { clientId, state, presence: p, proof } of proofs.peers()) {
      const referater = parseSeriesAnnouncement(state);
      if (!referater) continue;
      announcers.push({ clientId, name: p.name, organisation: p.organisation, proven: proof === 'proven', referater });
      for (const r of referater) {
        if (held.has(r.docId) || asking.has(r.docId)) continue;
        if (held.size >= MAX_HELD_CACHE) held.clear();
        asking.add(r.docId);
        void isHeld(r.docId).then((yes) => {
          held.set(r.docId, yes);
          asking.delete(r.docId);
          onAwareness();
        }, () => asking.delete(r.docId));
      }
    }
    // Only ids known not to be here: one still being looked up waits for its answer.
    const skip = new Set(asking);
    for (const [id, yes] of held) if (yes) skip.add(id);
    current = seriesNotices(announcers, skip, newestHeld);
    for (const l of listeners) l();
  };
  awareness.on('change', onAwareness);

  const connection = startLive(doc, {
    roomId: invitation.roomId,
    roomName: room.name,
    secret: room.password,
    signallingUrls: settings.signallingUrls,
    iceServers: settings.iceServers,
    awareness,
  });

  const stop = () => {
    if (stopped) return;
    stopped = true;
    proofs.stop();
    current = [];
    awareness.off('change', onAwareness);
    removeAwarenessStates(awareness, [awareness.clientID], 'stop');
    connection.destroy();
    awareness.destroy();
    doc.destroy();
    for (const l of listeners) l();
  };

  return {
    notices: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onEnded: (listener) => ending.onEnded(listener),
    end: () => ending.end(),
    stop,
  };
}
