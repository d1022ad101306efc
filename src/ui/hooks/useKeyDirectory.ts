// This device's key directory (Kendte nøgler), live: it follows confirmations, revocations, list imports and the profile.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import type { KeyDirectory, KnownKey } from '../../core/knownKey';
import { keyDirectoryOf, storedKnownKeys } from '../../session/knownKeys';
import { useApp } from './AppContext';
import { useLocalIdentity } from './useLocalIdentity';

const NO_ROWS: KnownKey[] = [];

/** This device's own key fingerprint, or null until it is loaded. */
export function useOwnFingerprint(): string | null {
  const { local, error } = useLocalIdentity({ now: true });
  useEffect(() => {
    if (error) console.error('Own key fingerprint could not be loaded', error);
  }, [error]);
  return local?.me.fingerprint ?? null;
}

/** The directory the trust rules read; until storage answers, it holds only what is loaded so far. */
export function useKeyDirectory(): KeyDirectory {
  const { db, profile } = useApp();
  const own = useOwnFingerprint();
  const rows = useLiveQuery(() => storedKnownKeys(db), [db]) ?? NO_ROWS;
  return useMemo(() => keyDirectoryOf(rows, own, profile), [rows, own, profile]);
}
