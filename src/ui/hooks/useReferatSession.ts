// Opens a referat session for the page showing it, and closes it when the page goes away.
// The page is keyed by id, so a new id mounts a fresh hook that starts in 'loading'.
import { useEffect, useState } from 'react';
import { openReferatSession, readReferatPreview, type ReferatSession, type StoredPreview } from '../../session/referatSession';
import type { LibraryDatabase } from '../../storage/libraryDatabase';

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
    // A long referat's saved first lines, painted while the whole document is read and decoded.
    void readReferatPreview(id).then(
      (preview) => {
        if (preview && !cancelled) setState((s) => (s.kind === 'loading' ? { kind: 'loading', preview } : s));
      },
      () => undefined,
    );
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
