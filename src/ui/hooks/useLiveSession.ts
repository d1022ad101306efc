// Runs the live session of an open referat: rejoins a room this device is in, starts a new one on
// "Invite", and stops it. The live-sync code is fetched only when a session starts.
import { useCallback, useEffect, useState } from 'react';
import type { Profile } from '../../core/profile';
import type { Invitation } from '../../session/invite';
import type { LiveSession } from '../../session/liveSession';
import type { ReferatSession } from '../../session/referatSession';
import type { LibraryDatabase } from '../../storage/libraryDatabase';

export interface LiveControl {
  live: LiveSession | null;
  error: Error | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function launch(db: LibraryDatabase, session: ReferatSession, profile: Profile, invitation: Invitation): Promise<LiveSession> {
  const [{ startLiveSession }, { loadLocalIdentity }, { loadLiveSettings }] = await Promise.all([
    import('../../session/liveSession'),
    import('../../session/localIdentity'),
    import('../../storage/liveSettings'),
  ]);
  const [{ me, identity }, settings] = await Promise.all([loadLocalIdentity(db, profile), loadLiveSettings(db, window.location.hostname)]);
  // The device key answers the other peers' nonces, so they can see this device holds the key it announces.
  return startLiveSession(db, session, invitation, me, settings, identity);
}

export function useLiveSession(db: LibraryDatabase, session: ReferatSession, profile: Profile): LiveControl {
  const [live, setLive] = useState<LiveSession | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    let cancelled = false;
    let started: LiveSession | null = null;
    void db.liveRooms.get(session.id).then(async (row) => {
      if (!row || cancelled) return;
      started = await launch(db, session, profile, { docId: row.docId, roomId: row.roomId, secret: row.secret });
      if (cancelled) started.stop();
      else setLive(started);
    }).catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
    return () => {
      cancelled = true;
      started?.stop();
    };
  }, [db, session, profile]);

  const start = useCallback(async () => {
    if (live) return;
    try {
      const { newInvitation } = await import('../../session/invite');
      const invitation = newInvitation(session.id);
      await db.liveRooms.put({ ...invitation, createdAt: Date.now() });
      setLive(await launch(db, session, profile, invitation));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, [db, session, profile, live]);

  const stop = useCallback(async () => {
    live?.stop();
    setLive(null);
    await db.liveRooms.delete(session.id);
  }, [db, session, live]);

  return { live, error, start, stop };
}
