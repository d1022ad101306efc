// Shows this device's public-key fingerprint, in groups and as read-aloud numbers people can compare.
import { useLocalIdentity } from '../hooks/useLocalIdentity';
import { useI18n } from '../i18n/I18nContext';
import { FingerprintText } from './FingerprintText';

export function KeyFingerprint() {
  const { t } = useI18n();
  const { local, error } = useLocalIdentity({ now: true });
  return (
    <div>
      <p>{t('settings.key.intro')}</p>
      {local && (
        <>
          <p>
            <FingerprintText fingerprint={local.me.fingerprint} testId="key-fingerprint" /> <span className="muted">({local.identity.algorithm})</span>
          </p>
          <p className="muted hint">{t('fingerprint.readAloudHint')}</p>
        </>
      )}
      {error && <p role="alert" className="field-error">{t('error.generic', { message: error })}</p>}
    </div>
  );
}
