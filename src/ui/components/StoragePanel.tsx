// Settings → Lagerplads: how much is stored, whether the browser promised to keep it (persistent storage) and what
// that means, the browser's answer when asked, the last backup from this device, and advice to make one when the
// data may be deleted and the last backup is missing or old (core/backupAdvice.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { backupAdvice } from '../../core/backupAdvice';
import { requestPersistentStorage, storageReport, type StorageReport } from '../../session/deviceStorage';
import { loadLastBackup } from '../../session/settings';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { formatMoment } from '../i18n/formatMoment';
import '../styles/plainWords.css';

type Answer = 'granted' | 'refused' | 'unknown';

export function StoragePanel() {
  const { db } = useApp();
  const { t, lang, formatBytes } = useI18n();
  const id = useId();
  const [storage, setStorage] = useState<StorageReport | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [asking, setAsking] = useState(false);
  // The moment the page was opened: the last backup's age is judged against it.
  const [now] = useState(() => Date.now());
  // undefined while it loads; null when no backup was made from this device.
  const lastBackup = useLiveQuery(() => loadLastBackup(db), [db]);
  useEffect(() => void storageReport().then(setStorage), []);

  const ask = async () => {
    setAsking(true);
    const granted = await requestPersistentStorage();
    setAnswer(granted === null ? 'unknown' : granted ? 'granted' : 'refused');
    setStorage(await storageReport());
    setAsking(false);
  };

  const persisted = storage?.persisted ?? null;
  const advice = storage && lastBackup !== undefined ? backupAdvice(persisted, lastBackup, now) : 'none';
  return (
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
            {persisted === null ? t('settings.persistUnknown') : persisted ? t('settings.persisted') : t('settings.notPersisted')}{' '}
            {t(persisted === null ? 'words.storage.unknown' : persisted ? 'words.storage.granted' : 'words.storage.notGranted')}
          </p>
          {persisted === false && (
            <button type="button" disabled={asking} onClick={() => void ask()}>{t('settings.requestPersist')}</button>
          )}
        </>
      )}
      <div role="status" aria-live="polite">
        {answer && (
          <p className="storage-answer" data-testid="storage-answer" data-answer={answer}>
            {t(answer === 'granted' ? 'words.storage.answerGranted' : answer === 'refused' ? 'words.storage.answerRefused' : 'words.storage.answerUnknown')}
          </p>
        )}
      </div>
      {lastBackup !== undefined && (
        <p data-testid="last-backup">
          {lastBackup === null ? t('words.storage.noBackup') : t('words.storage.lastBackup', { when: formatMoment(t, lang, lastBackup) })}
        </p>
      )}
      {advice !== 'none' && (
        <p className="storage-advice" data-testid="backup-advice">{t(advice === 'noBackup' ? 'words.storage.adviseNone' : 'words.storage.adviseOld')}</p>
      )}
    </section>
  );
}
