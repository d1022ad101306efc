// Shows this device's public-key fingerprint, in groups and as read-aloud numbers people can compare.
import { useEffect, useState } from 'react';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { FingerprintText } from './FingerprintText';

export function KeyFingerprint() {
  const { db, profile } = useApp();
  const { t } = useI18n();
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [algorithm, setAlgorithm] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void import('../../session/localIdentity')
      .then(({ loadLocalIdentity }) => loadLocalIdentity(db, profile))
      .then(({ identity, me }) => {
        setFingerprint(me.fingerprint);
        setAlgorithm(identity.algorithm);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [db, profile]);
  return (
    <div>
      <p>{t('settings.key.intro')}</p>
      {fingerprint && (
        <>
          <p>
            <FingerprintText fingerprint={fingerprint} testId="key-fingerprint" /> <span className="muted">({algorithm})</span>
          </p>
          <p className="muted hint">{t('fingerprint.readAloudHint')}</p>
        </>
      )}
      {error && <p role="alert" className="field-error">{t('error.generic', { message: error })}</p>}
    </div>
  );
}
