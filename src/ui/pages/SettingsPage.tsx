// Settings: the profile, the interface language, keys, live settings, backup, and storage (StoragePanel: how much is
// used, whether it is persistent and what that means, the last backup).
import { useId } from 'react';
import type { Profile } from '../../core/profile';
import { saveProfile, type Language } from '../../session/settings';
import { BackupPanel } from '../components/BackupPanel';
import { KeyFingerprint } from '../components/KeyFingerprint';
import { LiveSettingsForm } from '../components/LiveSettingsForm';
import { ProfileForm } from '../components/ProfileForm';
import { StoragePanel } from '../components/StoragePanel';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { onDemand } from '../onDemand';

// Known keys and key lists (with their strict key-list reader) load when Settings opens, not with the app.
const knownKeysPanel = onDemand(() => import('../components/KnownKeysPanel'));

function KnownKeys() {
  const m = knownKeysPanel.useLoaded();
  return m ? <m.KnownKeysPanel /> : null;
}

export function SettingsPage() {
  const { db, profile } = useApp();
  const { t, lang, forced, setLanguage } = useI18n();
  const id = useId();

  return (
    <main id="main" className="page narrow">
      <h1>{t('settings.title')}</h1>
      <section aria-labelledby={`${id}-p`}>
        <h2 id={`${id}-p`}>{t('profile.title')}</h2>
        <ProfileForm initial={profile} onSave={(p: Profile) => saveProfile(db, p)} />
      </section>
      <section aria-labelledby={`${id}-l`}>
        <h2 id={`${id}-l`}>{t('settings.language')}</h2>
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('settings.languageLabel')}</label>
          <select id={`${id}-lang`} value={lang} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="da" lang="da">{t('settings.language.da')}</option>
            <option value="en" lang="en">{t('settings.language.en')}</option>
          </select>
          {forced && <p className="muted">{t('settings.languageForced')}</p>}
        </div>
      </section>
      <section aria-labelledby={`${id}-k`}>
        <h2 id={`${id}-k`}>{t('settings.key')}</h2>
        <KeyFingerprint />
      </section>
      <KnownKeys />
      <section aria-labelledby={`${id}-live`}>
        <h2 id={`${id}-live`}>{t('settings.live')}</h2>
        <LiveSettingsForm />
      </section>
      <BackupPanel />
      <StoragePanel />
    </main>
  );
}
