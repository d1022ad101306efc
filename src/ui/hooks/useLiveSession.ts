// Runs the live session of an open referat: rejoins a room this device is in (until it ends or expires), starts one
// on "Invite" (the series' room when a referat of the series keeps a valid one, else a new one), joins the series'
// lobby beside it, and ends the series room for everyone. The live-sync code is fetched only when a session starts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Presence } from '../../core/presence';
import type { Invitation } from '../../session/invite';
import type { LocalIdentity } from '../../session/localIdentity';
import type { LiveSession } from '../../session/liveSession';
import type { ReferatSession } from '../../session/referatSession';
import type { SeriesLobby } from '../../session/seriesLobby';
import type { LibraryDatabase } from '../../storage/libraryDatabase';
import { toError } from '../../core/toError';
import { useLocalIdentity } from './useLocalIdentity';

/** Why the room this referat was shared in is gone: ended here, ended by a peer, or its invitation expired. */
export type LiveEnded = { kind: 'byMe' } | { kind: 'byPeer'; by: Presence | null } | { kind: 'expired'; expiresAt: number };

/** A referat's live session and its series' lobby, started and stopped together. */
export interface LiveRun {
  live: LiveSession;
  lobby: SeriesLobby;
}

export interface LiveControl {
  live: LiveSession | null;
  /** The series' lobby while the session runs: what other devices announce of the series. */
  lobby: SeriesLobby | null;
  error: Error | null;
  ended: LiveEnded | null;
  /** Shares the referat: in its series' room while one is valid, else in a new room lasting the given number of days. */
  start(days?: number): Promise<void>;
  /** Ends the series room for everyone connected now, and forgets it here for every referat kept in it. */
  stop(): Promise<void>;
}

/** How often a running session checks whether its invitation has expired. */
const EXPIRY_CHECK_MS = 15_000;

async function launch(db: LibraryDatabase, session: ReferatSession, loadLocal: () => Promise<LocalIdentity>, invitation: Invitation): Promise<LiveRun> {
  const [{ startLiveSession }, { startSeriesLobby }, { loadLiveSettings }] = await Promise.all([
    import('../../session/liveSession'),
    import('../../session/seriesLobby'),
    import('../../session/liveSettings'),
  ]);
  const [{ me, identity }, settings] = await Promise.all([loadLocal(), loadLiveSettings(db, window.location)]);
  // The device key answers the other peers' nonces, so they can see this device holds the key it announces.
  return {
    live: startLiveSession(db, session, invitation, me, settings, identity),
    lobby: startSeriesLobby(db, invitation, me, settings, identity),
  };
}

const stopRun = (run: LiveRun | null) => {
  run?.live.stop();
  run?.lobby.stop();
};

export function useLiveSession(db: LibraryDatabase, session: ReferatSession): LiveControl {
  const [run, setRun] = useState<LiveRun | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [ended, setEnded] = useState<LiveEnded | null>(null);
  const { load: loadLocal } = useLocalIdentity();
  // Whatever session runs when the page goes away is stopped with it.
  const runRef = useRef<LiveRun | null>(null);
  useEffect(() => {
    runRef.current = run;
  }, [run]);
  useEffect(() => () => stopRun(runRef.current), []);

  useEffect(() => {
    let cancelled = false;
    let started: LiveRun | null = null;
    void import('../../session/liveRooms').then(async ({ loadLiveRoom }) => {
      const stored = await loadLiveRoom(db, session.id);
      if (cancelled) return;
      if (stored.kind === 'expired') setEnded({ kind: 'expired', expiresAt: stored.expiresAt });
      if (stored.kind !== 'room') return;
      started = await launch(db, session, loadLocal, stored.invitation);
      if (cancelled) stopRun(started);
      else setRun(started);
    }).catch((e: unknown) => setError(toError(e)));
    return () => {
      cancelled = true;
      stopRun(started);
    };
  }, [db, session, loadLocal]);

  // A peer ending the series room (here or in the lobby), or the invitation expiring, stops the session and forgets
  // the room on this device, for every referat kept in it.
  useEffect(() => {
    if (!run) return;
    const { invitation } = run.live;
    const forget = async (why: LiveEnded) => {
      stopRun(run);
      setRun(null);
      setEnded(why);
      const { forgetSeriesRoom } = await import('../../session/liveRooms');
      await forgetSeriesRoom(db, invitation.roomId);
    };
    const onEnded = (by: Presence | null) => void forget({ kind: 'byPeer', by }).catch((e: unknown) => setError(toError(e)));
    const offLive = run.live.onEnded(onEnded);
    const offLobby = run.lobby.onEnded(onEnded);
    const timer = setInterval(() => {
      if (invitation.expiresAt !== null && Date.now() >= invitation.expiresAt) {
        void forget({ kind: 'expired', expiresAt: invitation.expiresAt }).catch((e: unknown) => setError(toError(e)));
      }
    }, EXPIRY_CHECK_MS);
    return () => {
      offLive();
      offLobby();
      clearInterval(timer);
    };
  }, [db, run]);

  const start = useCallback(async (days?: number) => {
    if (run) return;
    try {
      const { inviteLiveRoom } = await import('../../session/liveRooms');
      const invitation = await inviteLiveRoom(db, session.id, days);
      setEnded(null);
      setRun(await launch(db, session, loadLocal, invitation));
    } catch (e) {
      setError(toError(e));
    }
  }, [db, session, loadLocal, run]);

  const stop = useCallback(async () => {
    const current = run;
    setRun(null);
    setEnded({ kind: 'byMe' });
    const { forgetLiveRoom, forgetSeriesRoom } = await import('../../session/liveRooms');
    if (current) await forgetSeriesRoom(db, current.live.invitation.roomId);
    else await forgetLiveRoom(db, session.id);
    // The end is announced in the referat's room and in the lobby, where devices with other referater of the series are.
    await Promise.all([current?.live.end(), current?.lobby.end()]);
  }, [db, session, run]);

  return { live: run?.live ?? null, lobby: run?.lobby ?? null, error, ended, start, stop };
}
