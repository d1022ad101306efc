// "Gem version": a name for the referat as it stands, signed with this device's key (session/saveVersion.ts).
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { MAX_VERSION_LABEL } from '../../core/namedVersions';
import type { ReferatSession } from '../../session/referatSession';
import { useLocalIdentity } from '../hooks/useLocalIdentity';
import { useI18n } from '../i18n/I18nContext';

export function VersionSaveForm(props: { session: ReferatSession }) {
  const { session } = props;
  const { t } = useI18n();
  const id = useId();
  const { load } = useLocalIdentity();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const trimmed = label.trim();
    if (trimmed === '') return setProblem(t('versions.nameMissing'));
    if ([...trimmed].length > MAX_VERSION_LABEL) return setProblem(t('versions.nameTooLong', { max: MAX_VERSION_LABEL }));
    setProblem(null);
    setBusy(true);
    try {
      const [{ saveVersion }, local] = await Promise.all([import('../../session/saveVersion'), load()]);
      const saved = await saveVersion(session, local, trimmed);
      setLabel('');
      setMessage(t('versions.saved', { label: saved.label }));
    } catch (err) {
      setProblem(t('versions.saveFailed', { message: errorMessage(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="version-save" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{t('versions.saveTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('versions.saveLabel')}</label>
        <input
          id={`${id}-label`}
          value={label}
          maxLength={MAX_VERSION_LABEL * 2}
          aria-describedby={`${id}-hint${problem ? ` ${id}-err` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setLabel(e.target.value)}
        />
        <p id={`${id}-hint`} className="hint muted">{t('versions.saveHint')}</p>
        {problem && <p id={`${id}-err`} role="alert" className="field-error">{problem}</p>}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{t('versions.save')}</button>
      </div>
      <div role="status" aria-live="polite">
        {busy && <p>{t('versions.saving')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
    </form>
  );
}
