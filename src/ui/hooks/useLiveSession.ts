// Runs the live session of an open referat: rejoins a room this device is in (until it ends or expires), starts a
// new one on "Invite", and ends it for everyone. The live-sync code is fetched only when a session starts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Presence } from '../../core/presence';
import type { Invitation } from '../../session/invite';
import type { LocalIdentity } from '../../session/localIdentity';
import type { LiveSession } from '../../session/liveSession';
import type { ReferatSession } from '../../session/referatSession';
import type { LibraryDatabase } from '../../storage/libraryDatabase';
import { toError } from '../../core/toError';
import { useLocalIdentity } from './useLocalIdentity';

/** Why the room this referat was shared in is gone: ended here, ended by a peer, or its invitation expired. */
export type LiveEnded = { kind: 'byMe' } | { kind: 'byPeer'; by: Presence | null } | { kind: 'expired'; expiresAt: number };

export interface LiveControl {
  live: LiveSession | null;
  error: Error | null;
  ended: LiveEnded | null;
  /** Starts a new room (a new secret) whose invitation lasts the given number of days. */
  start(days?: number): Promise<void>;
  /** Ends the room for everyone connected now, and forgets it here. */
  stop(): Promise<void>;
}

/** How often a running session checks whether its invitation has expired. */
const EXPIRY_CHECK_MS = 15_000;

async function launch(db: LibraryDatabase, session: ReferatSession, loadLocal: () => Promise<LocalIdentity>, invitation: Invitation): Promise<LiveSession> {
  const [{ startLiveSession }, { loadLiveSettings }] = await Promise.all([import('../../session/liveSession'), import('../../session/liveSettings')]);
  const [{ me, identity }, settings] = await Promise.all([loadLocal(), loadLiveSettings(db, window.location.hostname)]);
  // The device key answers the other peers' nonces, so they can see this device holds the key it announces.
  return startLiveSession(db, session, invitation, me, settings, identity);
}

export function useLiveSession(db: LibraryDatabase, session: ReferatSession): LiveControl {
  const [live, setLive] = useState<LiveSession | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [ended, setEnded] = useState<LiveEnded | null>(null);
  const { load: loadLocal } = useLocalIdentity();
  // Whatever session runs when the page goes away is stopped with it.
  const liveRef = useRef<LiveSession | null>(null);
  useEffect(() => {
    liveRef.current = live;
  }, [live]);
  useEffect(() => () => liveRef.current?.stop(), []);

  useEffect(() => {
    let cancelled = false;
    let started: LiveSession | null = null;
    void import('../../session/liveRooms').then(async ({ loadLiveRoom }) => {
      const stored = await loadLiveRoom(db, session.id);
      if (cancelled) return;
      if (stored.kind === 'expired') setEnded({ kind: 'expired', expiresAt: stored.expiresAt });
      if (stored.kind !== 'room') return;
      started = await launch(db, session, loadLocal, stored.invitation);
      if (cancelled) started.stop();
      else setLive(started);
    }).catch((e: unknown) => setError(toError(e)));
    return () => {
      cancelled = true;
      started?.stop();
    };
  }, [db, session, loadLocal]);

  // A peer ending the room, or the invitation expiring, stops the session and forgets the room on this device.
  useEffect(() => {
    if (!live) return;
    const { invitation } = live;
    const forget = async (why: LiveEnded) => {
      live.stop();
      setLive(null);
      setEnded(why);
      const { forgetLiveRoom } = await import('../../session/liveRooms');
      await forgetLiveRoom(db, invitation.docId, invitation.roomId);
    };
    const off = live.onEnded((by) => void forget({ kind: 'byPeer', by }).catch((e: unknown) => setError(toError(e))));
    const timer = setInterval(() => {
      if (invitation.expiresAt !== null && Date.now() >= invitation.expiresAt) {
        void forget({ kind: 'expired', expiresAt: invitation.expiresAt }).catch((e: unknown) => setError(toError(e)));
      }
    }, EXPIRY_CHECK_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [db, live]);

  const start = useCallback(async (days?: number) => {
    if (live) return;
    try {
      const { startLiveRoom } = await import('../../session/liveRooms');
      const invitation = await startLiveRoom(db, session.id, days);
      setEnded(null);
      setLive(await launch(db, session, loadLocal, invitation));
    } catch (e) {
      setError(toError(e));
    }
  }, [db, session, loadLocal, live]);

  const stop = useCallback(async () => {
    const current = live;
    setLive(null);
    setEnded({ kind: 'byMe' });
    const { forgetLiveRoom } = await import('../../session/liveRooms');
    await forgetLiveRoom(db, session.id, current?.invitation.roomId);
    await current?.end();
  }, [db, session, live]);

  return { live, error, ended, start, stop };
}
