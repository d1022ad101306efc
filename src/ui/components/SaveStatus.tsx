// Shows whether the referat is on disk; when a write fails it says so and offers a copy to save elsewhere.
import type { SaveState } from '../../storage/docStore';
import { useI18n } from '../i18n/I18nContext';

export function SaveStatus(props: { state: SaveState; onDownload: () => void; onRetry: () => void }) {
  const { t } = useI18n();
  const { state } = props;
  if (state.kind === 'failed') {
    const quota = state.error.name === 'QuotaExceededError';
    return (
      <div role="alert" className="save-failed">
        <p>{t('save.failed', { reason: t(quota ? 'save.reason.quota' : 'save.reason.other') })}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={props.onDownload}>{t('save.download')}</button>
          <button type="button" onClick={props.onRetry}>{t('save.retry')}</button>
        </div>
      </div>
    );
  }
  return (
    <p className="save-status muted" aria-live="off">
      {state.kind === 'saving' ? t('save.saving') : t('save.saved')}
    </p>
  );
}
