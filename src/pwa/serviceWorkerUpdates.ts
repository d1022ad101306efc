// Registers the service worker and reports when a new version is waiting. It never reloads on its own:
// the user chooses when, because a reload in the middle of typing would be an interruption.
import { Workbox } from 'workbox-window';

export interface ServiceWorkerUpdates {
  /** Registers a listener for "a new version is ready"; called at most once per waiting worker. */
  onUpdateReady(listener: () => void): () => void;
  /** Activates the waiting version and reloads this tab once it controls the page (at once if another tab already did). */
  applyUpdate(): void;
}

export function registerServiceWorker(url = '/sw.js'): ServiceWorkerUpdates | null {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
  const wb = new Workbox(url, { scope: '/' });
  const listeners = new Set<() => void>();
  let ready = false;
  let reloadOnControlling = false;
  wb.addEventListener('waiting', () => {
    ready = true;
    for (const l of listeners) l();
  });
  void wb.register().then((reg) => {
    // Check for a new version now and then; the prompt appears when one is waiting.
    if (reg) setInterval(() => void reg.update().catch(() => undefined), 60 * 60 * 1000);
  });
  return {
    onUpdateReady(listener) {
      listeners.add(listener);
      if (ready) listener();
      return () => listeners.delete(listener);
    },
    applyUpdate() {
      void navigator.serviceWorker.getRegistration().then(
        (reg) => {
          if (reg?.waiting) {
            if (!reloadOnControlling) wb.addEventListener('controlling', () => window.location.reload());
            reloadOnControlling = true;
            wb.messageSkipWaiting();
          } else {
            // Nothing waits any more: another tab has already activated the new version, and it controls this tab
            // too. All that is left is to load the new version's code here.
            window.location.reload();
          }
        },
        () => window.location.reload(),
      );
    },
  };
}
