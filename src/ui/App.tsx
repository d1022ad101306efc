// The app shell: language, profile set-up on first use, navigation and the routes.
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect } from 'react';
import type { ServiceWorkerUpdates } from '../pwa/serviceWorkerUpdates';
import { loadLanguage, loadProfile, saveLanguage, saveProfile, type Language } from '../session/settings';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { AppHeader } from './components/AppHeader';
import { DropImport } from './components/DropImport';
import { ImportResults } from './components/ImportResults';
import { ProfileForm } from './components/ProfileForm';
import { UpdatePrompt } from './components/UpdatePrompt';
import { AppContext } from './hooks/AppContext';
import { ImportProvider } from './hooks/ImportContext';
import { forcedLanguage } from './i18n/forcedLanguage';
import { I18nProvider, useI18n } from './i18n/I18nContext';
import { LibraryPage } from './pages/LibraryPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { useRoute, useSearch } from './router/useRoute';
import { onDemand } from './onDemand';

const referatPage = onDemand(() => import('./pages/ReferatPage'));

/** The referat page, from its own chunk; "Åbner referatet …" until that has loaded. */
function OnDemandReferatPage(props: { id: string }) {
  const { t } = useI18n();
  const loaded = referatPage.useLoaded();
  if (!loaded) return <main id="main" className="page"><p role="status">{t('referat.loading')}</p></main>;
  return <loaded.ReferatPage id={props.id} />;
}
const AktindsigtPage = lazy(() => import('./pages/AktindsigtPage'));
// Every page but the library is its own chunk, fetched when first visited (precached, so it works offline too).
const TrashPage = lazy(() => import('./pages/TrashPage').then((m) => ({ default: m.TrashPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const JoinPage = lazy(() => import('./pages/JoinPage').then((m) => ({ default: m.JoinPage })));
const SearchPage = lazy(() => import('./pages/SearchPage').then((m) => ({ default: m.SearchPage })));
const FollowUpPage = lazy(() => import('./pages/FollowUpPage').then((m) => ({ default: m.FollowUpPage })));

export function App(props: { db: LibraryDatabase; updates: ServiceWorkerUpdates | null; initialLanguage: Language | null }) {
  const { db } = props;
  const search = useSearch();
  const forced = forcedLanguage(search);
  const saved = useLiveQuery(() => loadLanguage(db), [db], props.initialLanguage);
  const lang: Language = forced ?? saved ?? 'da';

  const setLanguage = useCallback(
    (l: Language) => {
      void saveLanguage(db, l);
      const params = new URLSearchParams(window.location.search);
      if (params.has('lang')) {
        params.delete('lang');
        const rest = params.toString();
        window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }
    },
    [db],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <I18nProvider lang={lang} forced={forced !== null} setLanguage={setLanguage}>
      <Shell db={db} updates={props.updates} />
    </I18nProvider>
  );
}

function Shell(props: { db: LibraryDatabase; updates: ServiceWorkerUpdates | null }) {
  const { db } = props;
  const { t } = useI18n();
  const route = useRoute();
  const profile = useLiveQuery(() => loadProfile(db), [db]);
  const section = t(`nav.${route.name === 'referat' || route.name === 'notFound' || route.name === 'join' ? 'library' : route.name}`);

  useEffect(() => {
    document.title = `${section} – Referat`;
  }, [section]);

  if (profile === undefined) return null;

  if (!profile) {
    return (
      <>
        <main id="main" className="page narrow">
          <h1>{t('profile.setupTitle')}</h1>
          <p>{t('profile.setupIntro')}</p>
          <ProfileForm initial={null} onSave={(p) => saveProfile(db, p)} />
        </main>
        <UpdatePrompt updates={props.updates} />
      </>
    );
  }

  return (
    <AppContext.Provider value={{ db, profile }}>
      <ImportProvider>
      <AppHeader route={route} />
      <ImportResults />
      <DropImport expectedDocId={route.name === 'referat' ? route.id : null} />
      {route.name === 'library' && <LibraryPage />}
      <Suspense fallback={<main id="main" className="page"><p role="status">{t('page.loading')}</p></main>}>
        {route.name === 'trash' && <TrashPage />}
        {route.name === 'settings' && <SettingsPage />}
        {route.name === 'join' && <JoinPage />}
        {route.name === 'search' && <SearchPage />}
        {route.name === 'followUp' && <FollowUpPage />}
        {route.name === 'aktindsigt' && <AktindsigtPage />}
      </Suspense>
      {route.name === 'notFound' && <NotFoundPage title={t('page.notFound.title')} />}
      {route.name === 'referat' && (
        <OnDemandReferatPage key={route.id} id={route.id} />
      )}
      <UpdatePrompt updates={props.updates} />
      </ImportProvider>
    </AppContext.Provider>
  );
}
