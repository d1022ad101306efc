// Opens a referat session for the page showing it, and closes it when the page goes away.
// The page is keyed by id, so a new id mounts a fresh hook that starts in 'loading'.
import { useEffect, useState } from 'react';
import { openReferatSession, type ReferatSession } from '../../session/referatSession';
import type { LibraryDatabase } from '../../storage/libraryDatabase';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'notFound' }
  | { kind: 'error'; error: Error }
  | { kind: 'open'; session: ReferatSession };

export function useReferatSession(db: LibraryDatabase, id: string): SessionState {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let opened: ReferatSession | null = null;
    openReferatSession(db, id).then(
      (result) => {
        if (result.kind === 'notFound') {
          if (!cancelled) setState({ kind: 'notFound' });
          return;
        }
        opened = result.session;
        if (cancelled) void opened.close();
        else setState({ kind: 'open', session: opened });
      },
      (error: unknown) => {
        if (!cancelled) setState({ kind: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      cancelled = true;
      if (opened) void opened.close();
    };
  }, [db, id]);
  return state;
}
