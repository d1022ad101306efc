// Shown when another tab upgraded the library database: this tab's connection is closed and only a reload goes on.
import { useI18n } from '../i18n/I18nContext';

export function LibraryVersionNotice() {
  const { t } = useI18n();
  return (
    <div role="alert" className="update-prompt">
      <p>{t('nothingLost.versionChange')}</p>
      <button type="button" className="primary" onClick={() => window.location.reload()}>{t('nothingLost.reload')}</button>
    </div>
  );
}
