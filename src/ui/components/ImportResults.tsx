// What each imported file did, in the user's language, next to the button that imported it; an unknown signer
// waits for the user's decision.
import { entriesFor, settled, useImports, type ImportEntry } from '../hooks/ImportContext';
import { useI18n } from '../i18n/I18nContext';
import { KeyTrustLabel } from './KeyTrustLabel';
import type { MessageKey } from '../i18n/messagesDa';

function Message(props: { entry: ImportEntry }) {
  const { t, lang } = useI18n();
  const { trust, reject } = useImports();
  const { entry } = props;
  const o = entry.outcome;
  const file = entry.fileName;
  if (entry.rejected) return <p>{t('import.rejected', { file })}</p>;
  if (!o) return <p>{t('import.working', { file })}</p>;
  switch (o.kind) {
    case 'imported': {
      // Who wrote what came in, not how many Yjs changes: a count of those means nothing to a reader.
      const names = o.changes.map((c) => `${c.name ?? t('import.unknownAuthor')}${c.verified ? '' : ` (${t('claims.unverifiedAuthor')})`}`);
      const changes = names.length > 0 ? t('words.import.changesBy', { list: new Intl.ListFormat(lang, { type: 'conjunction' }).format(names) }) : t('import.noChanges');
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
      return <p className="field-error">{t('import.incomplete', { file, title: o.title, name: o.sender.name })}</p>;
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

/**
 * What the imports reported here did: those of the import button `origin` (shown right after it), or, without one,
 * those of no button on the page (a drop where no button imports into the same referat, or an import still waiting
 * when its page was left). The live region is always there, so each new outcome is announced.
 */
export function ImportResults(props: { origin?: string | null; onCleared?: () => void }) {
  const origin = props.origin ?? null;
  const { entries, buttons, clear } = useImports();
  const { t } = useI18n();
  const shown = entriesFor(entries, buttons, origin);
  const clearable = shown.some(settled);
  const status = (
    <div role="status" aria-live="polite">
      {shown.map((e) => (
        <div key={e.key} data-testid="import-result">
          <Message entry={e} />
        </div>
      ))}
    </div>
  );
  const kind = origin === null ? 'import-results page' : 'import-results import-feedback';
  // One element whether empty or not, so the live region stays in the page and each new outcome is announced.
  return (
    <div
      className={shown.length === 0 ? (origin === null ? 'visually-hidden' : 'import-feedback') : kind}
      role={shown.length === 0 ? undefined : 'region'}
      aria-label={shown.length === 0 ? undefined : t('import.results')}
    >
      {status}
      {clearable && (
        <button
          type="button"
          onClick={() => {
            clear(origin);
            props.onCleared?.();
          }}
        >
          {t('import.dismiss')}
        </button>
      )}
    </div>
  );
}
