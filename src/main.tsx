// Starts Referat: checks that storage works, opens the library, and renders the app (or a clear error).
import { createRoot } from 'react-dom/client';
import { errorMessage } from './core/errorMessage';
import { registerServiceWorker } from './pwa/serviceWorkerUpdates';
import { createLibraryDatabase, type LibraryDatabase } from './storage/libraryDatabase';
import { onLibraryVersionChange } from './storage/libraryVersionChange';
import { probeIndexedDb } from './storage/probeIndexedDb';
import { loadLanguage } from './storage/settingsStore';
import { requestPersistentStorage } from './storage/storageEstimate';
import { App } from './ui/App';
import { LibraryVersionNotice } from './ui/components/LibraryVersionNotice';
import { StorageUnavailable } from './ui/components/StorageUnavailable';
import { forcedLanguage } from './ui/i18n/forcedLanguage';
import { I18nProvider } from './ui/i18n/I18nContext';
import { loadMessages } from './ui/i18n/translate';
import './ui/styles.css';

async function start(): Promise<void> {
  try {
    await boot();
  } catch (e) {
    // Last resort: never a blank page.
    const root = document.getElementById('root');
    if (root) root.textContent = `Referat kunne ikke starte / Referat could not start: ${errorMessage(e)}`;
  }
}

async function boot(): Promise<void> {
  const appRoot = createRoot(document.getElementById('root') as HTMLElement);
  const updates = registerServiceWorker();
  const showStorageError = async (detail: string) => {
    const lang = forcedLanguage(window.location.search) ?? 'da';
    document.documentElement.lang = lang;
    await loadMessages(lang).catch(() => undefined);
    appRoot.render(
      <I18nProvider lang={lang} forced={false} setLanguage={() => undefined}>
        <StorageUnavailable detail={detail} />
      </I18nProvider>,
    );
  };
  const probe = await probeIndexedDb();
  if (!probe.ok) return showStorageError(probe.detail);
  const db = createLibraryDatabase();
  let initialLanguage;
  try {
    await db.open();
    initialLanguage = await loadLanguage(db);
  } catch (e) {
    return showStorageError(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
  // The chosen language's texts before the first paint, so an English user never sees Danish flash by.
  await loadMessages(forcedLanguage(window.location.search) ?? initialLanguage ?? 'da').catch((e: unknown) => console.error('The texts could not be loaded', e));
  appRoot.render(<App db={db} updates={updates} initialLanguage={initialLanguage} />);
  announceLibraryVersionChange(db);
  void requestPersistentStorage();
  // Closing a carried-forward action item closes it at its origin (loaded off the first paint).
  void import('./session/closurePropagation').then(({ installClosurePropagation }) => installClosurePropagation(db, (e) => console.error('Closure propagation failed', e)));
  void import('./session/refreshTrustStatuses').then(({ installTrustStatusRefresh }) => installTrustStatusRefresh(db, (e) => console.error('Refreshing the statuses failed', e)));
  // The index is a projection of the documents: repair it in the background, off the first paint.
  void import('./session/syncIndex').then(({ syncIndex }) => syncIndex(db)).catch((e: unknown) => console.error('Index sync failed', e));
}

/**
 * A newer version opened in another tab upgrades the library database: Dexie closes this tab's connection (so the
 * upgrade never waits on us) and this tab says it must be reloaded. The referater's own databases are separate.
 */
function announceLibraryVersionChange(db: LibraryDatabase): void {
  const stop = onLibraryVersionChange(db, () => {
    stop();
    const host = document.createElement('div');
    document.body.append(host);
    const lang = document.documentElement.lang === 'en' ? 'en' : 'da';
    createRoot(host).render(
      <I18nProvider lang={lang} forced={false} setLanguage={() => undefined}>
        <LibraryVersionNotice />
      </I18nProvider>,
    );
  });
}

void start();
