// Settings: the profile, the interface language, and how much storage is used and whether it is persistent.
import { useEffect, useId, useState } from 'react';
import type { Profile } from '../../core/profile';
import { requestPersistentStorage, storageReport, type StorageReport } from '../../session/deviceStorage';
import { saveProfile, type Language } from '../../session/settings';
import { BackupPanel } from '../components/BackupPanel';
import { KeyFingerprint } from '../components/KeyFingerprint';
import { LiveSettingsForm } from '../components/LiveSettingsForm';
import { ProfileForm } from '../components/ProfileForm';
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
  const { t, lang, forced, setLanguage, formatBytes } = useI18n();
  const id = useId();
  const [storage, setStorage] = useState<StorageReport | null>(null);
  const refresh = () => void storageReport().then(setStorage);
  useEffect(refresh, []);

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
      <section aria-labelledby={`${id}-s`}>
        <h2 id={`${id}-s`}>{t('settings.storage')}</h2>
        {storage && (
          <>
            <p data-testid="storage-usage">
              {storage.usage !== null && storage.quota !== null
                ? t('settings.storageUsage', { usage: formatBytes(storage.usage), quota: formatBytes(storage.quota) })
                : t('settings.storageUnknown')}
            </p>
            <p data-testid="storage-persisted">
              {storage.persisted === null ? t('settings.persistUnknown') : storage.persisted ? t('settings.persisted') : t('settings.notPersisted')}
            </p>
            {storage.persisted === false && (
              <button type="button" onClick={() => void requestPersistentStorage().then(refresh)}>{t('settings.requestPersist')}</button>
            )}
          </>
        )}
      </section>
    </main>
  );
}
