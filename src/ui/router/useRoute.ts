// Path-based routing on the History API; a forced `?lang=` survives navigation inside the app.
import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route';
import { withLang } from './withLang';

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
  window.history.pushState(null, '', withLang(path, lang));
  for (const l of listeners) l();
  window.scrollTo(0, 0);
  const hashAt = path.indexOf('#');
  if (hashAt !== -1) {
    try {
      scrollToWhenShown(decodeURIComponent(path.slice(hashAt + 1)));
    } catch {
      /* a malformed fragment scrolls nowhere */
    }
  }
}

/** Scrolls to the element with this id once the page (often loaded on demand) shows it; gives up after 5 s. */
function scrollToWhenShown(id: string): void {
  if (!id) return;
  const tryScroll = () => {
    // A structured block of the minutes text carries its id as data-id; `item-<id>` names an action item.
    const el = document.getElementById(id) ?? (id.startsWith('item-') ? document.querySelector(`[data-id="${CSS.escape(id.slice(5))}"]`) : null);
    if (el) el.scrollIntoView({ block: 'center' });
    return el !== null;
  };
  if (tryScroll()) return;
  const observer = new MutationObserver(() => {
    if (tryScroll()) stop();
  });
  const timer = setTimeout(() => stop(), 5000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
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
