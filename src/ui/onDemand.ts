// Code loaded on demand and rendered the moment it is there. Not React.lazy + Suspense: React holds back revealing a
// suspended boundary for up to 300 ms (its fallback throttle), which every open of a referat paid in full.
import { useEffect, useState } from 'react';
import { toError } from '../core/toError';

export interface OnDemand<M> {
  /** Starts loading (once); resolves with the module. */
  load(): Promise<M>;
  /** The module once loaded, else null (and loading starts); a failed load is thrown to the nearest error boundary. */
  useLoaded(): M | null;
}

export function onDemand<M>(importer: () => Promise<M>): OnDemand<M> {
  let loaded: M | null = null;
  let pending: Promise<M> | null = null;
  const load = () =>
    (pending ??= importer().then((m) => {
      loaded = m;
      return m;
    }));
  function useLoaded(): M | null {
    const [, setVersion] = useState(0);
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      // Also when `loaded` was set after this render: the module may arrive between render and effect.
      let cancelled = false;
      load().then(
        () => {
          if (!cancelled) setVersion((v) => v + 1);
        },
        (e: unknown) => {
          pending = null;
          if (!cancelled) setError(toError(e));
        },
      );
      return () => {
        cancelled = true;
      };
    }, []);
    if (error) throw error;
    return loaded;
  }
  return { load, useLoaded };
}
