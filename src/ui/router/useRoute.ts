// Path-based routing on the History API; a forced `?lang=` survives navigation inside the app.
import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route';

const listeners = new Set<() => void>();

function subscribe(l: () => void) {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
}

export function navigate(path: string): void {
  const lang = new URLSearchParams(window.location.search).get('lang');
  const target = lang ? `${path}?lang=${encodeURIComponent(lang)}` : path;
  window.history.pushState(null, '', target);
  for (const l of listeners) l();
  window.scrollTo(0, 0);
}

export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useRoute(): Route {
  return parseRoute(useLocationPath());
}

export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}
