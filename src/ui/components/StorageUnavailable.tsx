// The screen shown when IndexedDB cannot be used: a clear explanation instead of a blank page.
import { useI18n } from '../i18n/I18nContext';

export function StorageUnavailable(props: { detail: string }) {
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow">
      <div role="alert">
        <h1>{t('error.storageTitle')}</h1>
        <p>{t('error.storageBody')}</p>
        <p>{t('error.storageAdvice')}</p>
      </div>
      <p className="muted">{t('error.storageDetail', { detail: props.detail })}</p>
      <button type="button" onClick={() => window.location.reload()}>{t('error.reload')}</button>
    </main>
  );
}
