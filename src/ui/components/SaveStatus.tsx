// Shows whether the referat is on disk; when a write fails it says so and offers a copy to save elsewhere.
import type { ReferatSession } from '../../session/referatSession';
import { useSaveState } from '../hooks/useSaveState';
import { useI18n } from '../i18n/I18nContext';

/** Subscribes to the save state itself, so a keystroke's save re-renders this line only, not the referat page. */
export function SaveStatus(props: { session: ReferatSession; onDownload: () => void }) {
  const { t } = useI18n();
  const state = useSaveState(props.session);
  if (state.kind === 'failed') {
    const quota = state.error.name === 'QuotaExceededError';
    return (
      <div role="alert" className="save-failed">
        <p>{t('save.failed', { reason: t(quota ? 'save.reason.quota' : 'save.reason.other') })}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={props.onDownload}>{t('save.download')}</button>
          <button type="button" onClick={() => props.session.retrySave()}>{t('save.retry')}</button>
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
