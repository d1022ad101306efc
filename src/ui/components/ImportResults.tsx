// What each imported file did, in the user's language; an unknown signer waits for the user's decision.
import { useImports, type ImportEntry } from '../hooks/ImportContext';
import { useI18n } from '../i18n/I18nContext';
import { KeyTrustLabel } from './KeyTrustLabel';
import type { MessageKey } from '../i18n/messagesDa';

function Message(props: { entry: ImportEntry }) {
  const { t } = useI18n();
  const { trust, reject } = useImports();
  const { entry } = props;
  const o = entry.outcome;
  const file = entry.fileName;
  if (entry.rejected) return <p>{t('import.rejected', { file })}</p>;
  if (!o) return <p>{t('import.working', { file })}</p>;
  switch (o.kind) {
    case 'imported': {
      const list = o.changes.map((c) => `${c.name ?? t('import.unknownAuthor')} ${c.count}${c.verified ? '' : ` (${t('claims.unverifiedAuthor')})`}`).join(', ');
      const changes = o.changes.length > 0 ? t('import.changes', { list }) : t('import.noChanges');
      return (
        <>
          <p className="notice">{t(o.isNew ? 'import.importedNew' : 'import.imported', { file, title: o.title, name: o.sender.name, organisation: o.sender.organisation, changes })}</p>
          <Sender sender={o.sender} />
        </>
      );
    }
    case 'alreadyIncluded':
      return (
        <>
          <p>{t('import.already', { file, title: o.title, name: o.sender.name })}</p>
          <Sender sender={o.sender} />
        </>
      );
    case 'unknownSigner':
      return (
        <div className="warning">
          <p>{t('import.unknownSigner', { file, title: o.title, name: o.sender.name, organisation: o.sender.organisation, fingerprint: o.sender.fingerprint })}</p>
          <div className="actions">
            <button type="button" onClick={() => void trust(entry.key)}>{t('import.trust')}</button>
            <button type="button" onClick={() => reject(entry.key)}>{t('import.reject')}</button>
          </div>
        </div>
      );
    case 'incomplete':
      return <p className="field-error">{t('import.incomplete', { file, title: o.title, name: o.sender.name, count: o.missingFrom })}</p>;
    case 'error':
      return <p className="field-error">{t('import.failed', { file, reason: t(`import.error.${o.code}` as MessageKey) })}</p>;
  }
}

/** Who signed the file, as this device knows the key: confirmed, or only what the sender typed. */
function Sender(props: { sender: { name: string; organisation: string; fingerprint: string } }) {
  const { t } = useI18n();
  const { sender } = props;
  return (
    <p className="muted">
      {t('import.signedBy')} <KeyTrustLabel fingerprint={sender.fingerprint} name={sender.name} organisation={sender.organisation} />
    </p>
  );
}

export function ImportResults() {
  const { entries, clear } = useImports();
  const { t } = useI18n();
  if (entries.length === 0) return <div role="status" aria-live="polite" className="visually-hidden" />;
  return (
    <section className="import-results page" aria-label={t('import.results')}>
      <div role="status" aria-live="polite">
        {entries.map((e) => (
          <div key={e.key} data-testid="import-result">
            <Message entry={e} />
          </div>
        ))}
      </div>
      <button type="button" onClick={clear}>{t('import.dismiss')}</button>
    </section>
  );
}
