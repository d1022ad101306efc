// "What changed since I last looked" for the open referat: computed once the page is up, against the mark this device
// keeps. While nothing is unseen the mark follows the referat (what happens on screen is seen); otherwise it moves
// only on "Markér som set".
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReferatSession } from '../../session/referatSession';
import type { UnseenChanges } from '../../session/unseenChanges';
import type { LibraryDatabase } from '../../storage/libraryDatabase';

/** How long after the last change the mark catches up with a referat whose changes are all on screen. */
const FOLLOW_MS = 2000;

export interface UnseenControl {
  unseen: UnseenChanges | null;
  markSeen(): Promise<void>;
}

export function useUnseenChanges(db: LibraryDatabase, session: ReferatSession, own: string | null | undefined): UnseenControl {
  const [unseen, setUnseen] = useState<UnseenChanges | null>(null);
  const pending = useRef(false);

  useEffect(() => {
    if (own === undefined) return; // The device's fingerprint is still loading.
    let cancelled = false;
    void import('../../session/unseenChanges').then(async ({ unseenChanges, markSeen }) => {
      const found = await unseenChanges(db, session.id, session.doc, own);
      if (cancelled) return;
      setUnseen(found);
      pending.current = found.kind === 'changed' || found.kind === 'notComparable';
      if (!pending.current) await markSeen(db, session.id, session.doc);
    }).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [db, session, own]);

  // Nothing unseen: the mark follows what is on screen, a moment after each change and when the referat closes.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const follow = () => {
      if (pending.current || unseen === null) return;
      void import('../../session/unseenChanges').then(({ markSeen }) => markSeen(db, session.id, session.doc)).catch(() => undefined);
    };
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(follow, FOLLOW_MS);
    };
    session.doc.on('update', onUpdate);
    return () => {
      session.doc.off('update', onUpdate);
      if (timer) {
        clearTimeout(timer);
        follow();
      }
    };
  }, [db, session, unseen]);

  const markSeen = useCallback(async () => {
    const { markSeen: mark } = await import('../../session/unseenChanges');
    await mark(db, session.id, session.doc);
    pending.current = false;
    setUnseen({ kind: 'upToDate' });
  }, [db, session]);

  return { unseen, markSeen };
}
