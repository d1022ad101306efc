// This device's key directory (Kendte nøgler), live: it follows confirmations, revocations, list imports and the profile.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { KeyDirectory, KnownKey } from '../../core/knownKey';
import { directoryWithOwn, isKnownKey, ownFingerprint, ownKnownKey } from '../../storage/knownKeys';
import { useApp } from './AppContext';

const NO_ROWS: KnownKey[] = [];

/** This device's own key fingerprint, or null until it is loaded. */
export function useOwnFingerprint(): string | null {
  const { db } = useApp();
  const [own, setOwn] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    ownFingerprint(db).then(
      (fp) => live && setOwn(fp),
      (e: unknown) => console.error('Own key fingerprint could not be loaded', e),
    );
    return () => {
      live = false;
    };
  }, [db]);
  return own;
}

/** The directory the trust rules read; until storage answers, it holds only what is loaded so far. */
export function useKeyDirectory(): KeyDirectory {
  const { db, profile } = useApp();
  const own = useOwnFingerprint();
  const rows = useLiveQuery(async () => (await db.knownKeys.toArray()).filter(isKnownKey), [db]) ?? NO_ROWS;
  return useMemo(() => directoryWithOwn(rows, own ? ownKnownKey(own, profile) : null), [rows, own, profile]);
}
