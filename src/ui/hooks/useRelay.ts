// Keeps an open referat's relay mailbox connected while it has a sharing secret (a live room row): store and forward
// through the relay (session/relaySession.ts). The relay code is fetched only then; it never holds up editing.
import { useEffect, useState } from 'react';
import { toError } from '../../core/toError';
import type { RelayStatus } from '../../session/relaySession';
import type { ReferatSession } from '../../session/referatSession';
import type { LibraryDatabase } from '../../storage/libraryDatabase';
import { useLocalIdentity } from './useLocalIdentity';

export interface RelayView {
  /** Null while the referat is not shared (or before the relay code has loaded). */
  status: RelayStatus | null;
  error: Error | null;
}

/** `roomId`: the live room in use, so that sharing (or ending it) starts (or stops) the relay too. */
export function useRelay(db: LibraryDatabase, session: ReferatSession, roomId: string | null): RelayView {
  const [status, setStatus] = useState<RelayStatus | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const { load } = useLocalIdentity();

  useEffect(() => {
    let cancelled = false;
    let stop: (() => void) | null = null;
    void (async () => {
      const { loadLiveRoom } = await import('../../session/liveRooms');
      const stored = await loadLiveRoom(db, session.id);
      // The row of the live room in use (any, while the live session is still loading it).
      if (cancelled || stored.kind !== 'room' || (roomId !== null && stored.invitation.roomId !== roomId)) return;
      const [{ startRelaySession }, local] = await Promise.all([import('../../session/relaySession'), load()]);
      if (cancelled) return;
      const relay = await startRelaySession(db, session, stored.invitation, local, {});
      if (cancelled) return relay.stop();
      const off = relay.onStatus(setStatus);
      setStatus(relay.status());
      stop = () => {
        off();
        relay.stop();
      };
    })().catch((e: unknown) => {
      if (!cancelled) setError(toError(e));
    });
    return () => {
      cancelled = true;
      stop?.();
      setStatus(null);
    };
  }, [db, session, roomId, load]);

  return { status, error };
}
