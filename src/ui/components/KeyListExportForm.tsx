// "Eksportér nøgleliste": the administrator picks confirmed keys of their own organisation and a validity, and saves
// the signed `.referat-noegler` file.
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../core/errorMessage';
import type { KeyDirectory } from '../../core/knownKey';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { downloadFile } from '../downloadCopy';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

export function KeyListExportForm(props: { directory: KeyDirectory }) {
  const { db, profile } = useApp();
  const { t } = useI18n();
  const id = useId();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const candidates = props.directory
    .all()
    .filter((k) => k.confirmedBy !== 'own' && props.directory.confirmed(k.fingerprint) && norm(k.organisation) === norm(profile.organisation))
    .toSorted((a, b) => a.name.localeCompare(b.name, 'da'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setError(null);
    setBusy(true);
    try {
      const { exportKeyList, KeyListExportError } = await import('../../session/keyListExport');
      const fingerprints = candidates.filter((k) => picked.has(k.fingerprint)).map((k) => k.fingerprint);
      try {
        const { fileName, text } = await exportKeyList(db, profile, { fingerprints, validFrom, validTo });
        downloadFile(fileName, text, 'application/json');
        setDone(t('keyList.export.done', { name: fileName, count: fingerprints.length + 1 }));
      } catch (err) {
        if (err instanceof KeyListExportError) setError(t(`keyList.export.error.${err.code}`, { fingerprint: err.fingerprint ?? '' }));
        else throw err;
      }
    } catch (err) {
      setError(t('knownKeys.error.failed', { detail: errorMessage(err) }));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (fp: string, on: boolean) =>
    setPicked((old) => {
      const next = new Set(old);
      if (on) next.add(fp);
      else next.delete(fp);
      return next;
    });

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="key-list-export-form">
      <h3 id={`${id}-title`}>{t('keyList.export.title')}</h3>
      <p>{t('keyList.export.intro', { organisation: profile.organisation })}</p>
      <fieldset className="field">
        <legend>{t('keyList.export.keys')}</legend>
        <label className="radio">
          <input type="checkbox" checked disabled />
          {t('keyList.export.own', { name: profile.name })}
        </label>
        {candidates.map((k) => (
          <label key={k.fingerprint} className="radio">
            <input type="checkbox" checked={picked.has(k.fingerprint)} onChange={(e) => toggle(k.fingerprint, e.target.checked)} />
            {k.name} <span className="fingerprint muted">{k.fingerprint}</span>
          </label>
        ))}
        {candidates.length === 0 && <p className="muted hint">{t('keyList.export.noKeys', { organisation: profile.organisation })}</p>}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('keyList.export.validFrom')}</label>
        <input id={`${id}-from`} type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('keyList.export.validTo')}</label>
        <input id={`${id}-to`} type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>{t('keyList.export.submit')}</button>
      </div>
      <div role="status" aria-live="polite" data-testid="key-list-export-status">{done && <p className="notice">{done}</p>}</div>
      {error && <p role="alert" className="field-error">{error}</p>}
    </form>
  );
}
