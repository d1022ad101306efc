// Keeps an open referat's relay mailbox connected while it has a sharing secret (a live room row): store and forward
// through the relay (session/relaySession.ts). The relay code is fetched only then; it never holds up editing.
import { useEffect, useState } from 'react';
import { toError } from '../../core/toError';
import type { LiveSession } from '../../session/liveSession';
import type { RelaySession, RelayStatus } from '../../session/relaySession';
import type { ReferatSession } from '../../session/referatSession';
import type { LibraryDatabase } from '../../storage/libraryDatabase';
import { useLocalIdentity } from './useLocalIdentity';

export interface RelayView {
  /** Null while the referat is not shared (or before the relay code has loaded). */
  status: RelayStatus | null;
  error: Error | null;
}

/**
 * `live`: the live session in use, so that sharing (or ending it) starts (or stops) the relay too, and its presence
 * goes through the relay when WebRTC finds no peer. While the live session is still loading (null), the stored room
 * row names the room; one relay session serves both, so what it has received since the referat was opened is not
 * lost when the live session catches up.
 */
export function useRelay(db: LibraryDatabase, session: ReferatSession, live: LiveSession | null): RelayView {
  const roomId = live?.invitation.roomId ?? null;
  const [status, setStatus] = useState<RelayStatus | null>(null);
  const [running, setRunning] = useState<RelaySession | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [storedRoom, setStoredRoom] = useState<string | null>(null);
  const { load } = useLocalIdentity();

  useEffect(() => {
    if (roomId !== null) return;
    let cancelled = false;
    void (async () => {
      const { loadLiveRoom } = await import('../../session/liveRooms');
      const stored = await loadLiveRoom(db, session.id);
      if (!cancelled) setStoredRoom(stored.kind === 'room' ? stored.invitation.roomId : null);
    })().catch((e: unknown) => {
      if (!cancelled) setError(toError(e));
    });
    return () => {
      cancelled = true;
    };
  }, [db, session, roomId]);

  const room = roomId ?? storedRoom;
  useEffect(() => {
    if (room === null) return;
    let cancelled = false;
    let stop: (() => void) | null = null;
    void (async () => {
      const { loadLiveRoom } = await import('../../session/liveRooms');
      const stored = await loadLiveRoom(db, session.id);
      if (cancelled || stored.kind !== 'room' || stored.invitation.roomId !== room) return;
      const [{ startRelaySession }, local] = await Promise.all([import('../../session/relaySession'), load()]);
      if (cancelled) return;
      const relay = await startRelaySession(db, session, stored.invitation, local, {});
      if (cancelled) return relay.stop();
      const off = relay.onStatus(setStatus);
      setStatus(relay.status());
      setRunning(relay);
      stop = () => {
        off();
        relay.stop();
        setRunning(null);
      };
    })().catch((e: unknown) => {
      if (!cancelled) setError(toError(e));
    });
    return () => {
      cancelled = true;
      stop?.();
      setStatus(null);
    };
  }, [db, session, room, load]);

  // Presence through the relay while a live session runs; its WebRTC status decides whether the relay is the live path.
  useEffect(() => {
    if (!running) return;
    if (!live) return running.attachLive(null);
    const link = {
      awareness: live.awareness,
      directPeers: () => {
        const s = live.status();
        return s.kind === 'connected' ? s.peers : 0;
      },
    };
    running.attachLive(link);
    const off = live.onStatus(() => running.attachLive(link));
    return () => {
      off();
      running.attachLive(null);
    };
  }, [running, live]);

  return { status, error };
}
