// Settings → Kendte nøgler: the keys this device has confirmed, confirming and revoking one, and organisation key lists.
import { useId } from 'react';
import { useKeyDirectory } from '../hooks/useKeyDirectory';
import { useI18n } from '../i18n/I18nContext';
import { ConfirmKeyForm } from './ConfirmKeyForm';
import { KeyListExportForm } from './KeyListExportForm';
import { KeyListImport } from './KeyListImport';
import { KnownKeysList } from './KnownKeysList';

export function KnownKeysPanel() {
  const { t } = useI18n();
  const id = useId();
  const directory = useKeyDirectory();
  return (
    <section aria-labelledby={`${id}-title`} className="stack" data-testid="known-keys-panel">
      <h2 id={`${id}-title`}>{t('knownKeys.title')}</h2>
      <p>{t('knownKeys.intro')}</p>
      <KnownKeysList directory={directory} />
      <ConfirmKeyForm directory={directory} />
      <section aria-labelledby={`${id}-lists`} className="stack">
        <h3 id={`${id}-lists`}>{t('keyList.title')}</h3>
        <p>{t('keyList.intro')}</p>
        <KeyListImport />
      </section>
      <KeyListExportForm directory={directory} />
    </section>
  );
}
