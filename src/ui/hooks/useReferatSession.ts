// Opens a referat session for the page showing it, and closes it when the page goes away.
// The page is keyed by id, so a new id mounts a fresh hook that starts in 'loading'.
import { useEffect, useState } from 'react';
import { openReferatSession, readReferatPreview, type ReferatSession, type StoredPreview } from '../../session/referatSession';
import type { LibraryDatabase } from '../../storage/libraryDatabase';
import { afterNextPaint } from '../afterNextPaint';
import { toError } from '../../core/toError';

export type SessionState =
  | { kind: 'loading'; preview: StoredPreview | null }
  | { kind: 'notFound' }
  | { kind: 'error'; error: Error }
  | { kind: 'open'; session: ReferatSession };

export function useReferatSession(db: LibraryDatabase, id: string): SessionState {
  const [state, setState] = useState<SessionState>({ kind: 'loading', preview: null });
  useEffect(() => {
    let cancelled = false;
    let opened: ReferatSession | null = null;
    let cancelOpen = () => {};
    const open = () => {
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
          if (!cancelled) setState({ kind: 'error', error: toError(error) });
        },
      );
    };
    // A long referat's saved first lines are read first (a small value) and painted before the whole document is
    // read and decoded, which holds the page for a few hundred milliseconds.
    readReferatPreview(id).then(
      (preview) => {
        if (cancelled) return;
        if (!preview) return open();
        setState((s) => (s.kind === 'loading' ? { kind: 'loading', preview } : s));
        cancelOpen = afterNextPaint(open);
      },
      () => open(),
    );
    return () => {
      cancelled = true;
      cancelOpen();
      // A close whose last write failed keeps the changes for the next open and says so (ReferatSession.close).
      if (opened) opened.close().catch((e: unknown) => console.error(e));
    };
  }, [db, id]);
  return state;
}
