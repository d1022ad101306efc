// This device's identity for the current profile (session/localIdentity.ts): the one way the UI loads it. The code is
// fetched on first use, and the key pair is made then, so pages that need it only on a click load it on the click.
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import type { LocalIdentity } from '../../session/localIdentity';
import { useApp } from './AppContext';

export interface LocalIdentityState {
  /** The identity once loaded; null before, and always null unless asked for at once. */
  local: LocalIdentity | null;
  /** Why loading at once failed, or null. */
  error: string | null;
  /** Loads the identity now (concurrent and later calls share one key pair). */
  load: () => Promise<LocalIdentity>;
}

/** `now`: load at once and keep the result in `local`; otherwise only `load` does, when called. */
export function useLocalIdentity(options: { now?: boolean } = {}): LocalIdentityState {
  const { db, profile } = useApp();
  const now = options.now === true;
  const [loaded, setLoaded] = useState<{ local: LocalIdentity | null; error: string | null }>({ local: null, error: null });

  const load = useCallback(async () => {
    const { loadLocalIdentity } = await import('../../session/localIdentity');
    return loadLocalIdentity(db, profile);
  }, [db, profile]);

  useEffect(() => {
    if (!now) return;
    let cancelled = false;
    load().then(
      (local) => { if (!cancelled) setLoaded({ local, error: null }); },
      (e: unknown) => { if (!cancelled) setLoaded((l) => ({ ...l, error: errorMessage(e) })); },
    );
    return () => { cancelled = true; };
  }, [now, load]);

  return { ...loaded, load };
}
