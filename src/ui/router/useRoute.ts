// Path-based routing on the History API; a forced `?lang=` survives navigation inside the app, and the page shown
// may hold a navigation away from it (leaveGuard.ts).
import { useSyncExternalStore } from 'react';
import { guardedPath, leaveHeld } from './leaveGuard';
import { parseRoute, type Route } from './route';
import { withLang } from './withLang';

const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

// The browser's back and forward buttons have already changed the address when popstate comes: a held navigation puts
// the guarded page's address back, and the guard goes on to the new one if the user chooses to leave.
function onPopState(): void {
  const guarded = guardedPath();
  const { pathname, search, hash } = window.location;
  if (guarded !== null) {
    const target = `${pathname}${search}${hash}`;
    const held = leaveHeld(pathname, () => {
      window.history.pushState(null, '', target);
      notify();
    });
    if (held) {
      window.history.pushState(null, '', `${guarded}${search}`);
      return;
    }
  }
  notify();
}

function subscribe(l: () => void) {
  if (listeners.size === 0) window.addEventListener('popstate', onPopState);
  listeners.add(l);
  return () => {
    listeners.delete(l);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

export function navigate(path: string): void {
  const pathname = new URL(path, window.location.href).pathname;
  if (leaveHeld(pathname, () => go(path))) return;
  go(path);
}

function go(path: string): void {
  const lang = new URLSearchParams(window.location.search).get('lang');
  window.history.pushState(null, '', withLang(path, lang));
  notify();
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
