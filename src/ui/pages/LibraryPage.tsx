// The library: every referat on this device, newest meeting first (the newest 100, then more on request, so a
// library of thousands stays quick), and the button that creates a new one.
import { useId, useState } from 'react';
import { errorMessage } from '../../core/errorMessage';
import { STANDARD_TEMPLATE, TEMPLATES } from '../../core/templates';
import { ImportButton } from '../components/ImportButton';
import { TrashedNotice } from '../components/TrashedNotice';
import { useApp } from '../hooks/AppContext';
import { useLocalIdentity } from '../hooks/useLocalIdentity';
import { useNewestEntries } from '../hooks/useNewestEntries';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messagesDa';
import { Link } from '../router/Link';
import { referatPath } from '../router/route';
import { navigate } from '../router/useRoute';
import { requestTitleFocus } from '../titleFocusRequest';
import { todayIsoDate } from '../todayIsoDate';

/** Rows shown at first and added by "Vis flere". */
const PAGE = 100;

export function LibraryPage() {
  const { db, profile } = useApp();
  const { t, formatDate } = useI18n();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const newest = useNewestEntries(db, shown);
  const entries = newest?.entries;
  const total = newest?.total ?? 0;
  const [error, setError] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState(STANDARD_TEMPLATE.id);
  const templateSelect = useId();
  const { load: loadLocal } = useLocalIdentity();

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const [{ createReferat }, { me }] = await Promise.all([import('../../session/createReferat'), loadLocal()]);
      const template = TEMPLATES.find((x) => x.id === templateId) ?? STANDARD_TEMPLATE;
      const id = await createReferat(db, profile, { title: t('library.newTitle'), date: todayIsoDate(), authorFingerprint: me.fingerprint, template });
      // The new referat opens with focus in Titel, where the clerk starts.
      requestTitleFocus(id);
      navigate(referatPath(id));
    } catch (e) {
      setError(t('error.generic', { message: errorMessage(e) }));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>{t('library.title')}</h1>
        <div className="actions">
          <label htmlFor={templateSelect}>{t('template.label')}</label>
          <select id={templateSelect} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            {TEMPLATES.map((x) => (
              <option key={x.id} value={x.id}>{t(`template.${x.id}` as MessageKey)}</option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => void create()} disabled={busy}>{t('library.new')}</button>
          <ImportButton label={t('import.button')} />
        </div>
      </div>
      <TrashedNotice />
      <p className="muted">{t('import.dropHint')}</p>
      {error && <p role="alert" className="field-error">{error}</p>}
      {entries && entries.length === 0 && <p className="empty">{t('library.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="library">
          <caption className="visually-hidden">{t('library.count', { count: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('library.col.title')}</th>
              <th scope="col">{t('library.col.date')}</th>
              <th scope="col">{t('library.col.parties')}</th>
              <th scope="col">{t('library.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((r) => (
              <tr key={r.id}>
                <th scope="row"><Link to={referatPath(r.id)}>{r.title.trim() || t('library.untitled')}</Link></th>
                <td>{r.date ? formatDate(r.date) : t('library.noDate')}{r.startTime && ` ${r.startTime}`}</td>
                <td>{r.parties.join(', ')}</td>
                <td>{t(`status.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries && total > entries.length && (
        <div className="actions more">
          <p className="muted">{t('library.showing', { shown: entries.length, total })}</p>
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>{t('library.showMore')}</button>
        </div>
      )}
    </main>
  );
}
