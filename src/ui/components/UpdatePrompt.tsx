// Tells the user a new version is ready and reloads only when they say so.
import { useEffect, useState } from 'react';
import type { ServiceWorkerUpdates } from '../../pwa/serviceWorkerUpdates';
import { useI18n } from '../i18n/I18nContext';

export function UpdatePrompt(props: { updates: ServiceWorkerUpdates | null }) {
  const { t } = useI18n();
  const [ready, setReady] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => props.updates?.onUpdateReady(() => setReady(true)), [props.updates]);
  return (
    <div role="status" aria-live="polite" className="update-region">
      {ready && !dismissed && (
        <div className="update-prompt">
          <p>{t('update.ready')}</p>
          <button type="button" className="primary" onClick={() => props.updates?.applyUpdate()}>{t('update.reload')}</button>
          <button type="button" onClick={() => setDismissed(true)}>{t('update.later')}</button>
        </div>
      )}
    </div>
  );
}
