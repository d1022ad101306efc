// Re-renders when a Yjs type (or anything inside it) changes, and returns a value read from it.
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Yjs type can be observed
export function useYValue<T>(type: Y.AbstractType<any>, read: () => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const cache = useRef<{ value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const handler = () => onChange();
      type.observeDeep(handler);
      return () => type.unobserveDeep(handler);
    },
    [type],
  );
  const getSnapshot = () => {
    const next = read();
    if (cache.current && equal(cache.current.value, next)) return cache.current.value;
    cache.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

export function shallowJsonEqual<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
