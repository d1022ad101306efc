// Opfølgning: every action item in the referater on this device, filtered by owner, organisation, series, status
// and due date; ticking one off writes it into its referat. The state is useFollowUp's; this only renders it.
import { useId } from 'react';
import type { FollowUpFilters } from '../../core/followUpFilters';
import { useFollowUp } from '../hooks/useFollowUp';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import { referatPath } from '../router/route';

export function FollowUpPage() {
  const { t, formatDate } = useI18n();
  const id = useId();
  const { loaded, rows, visible, choices, filters, setFilter, shown, showMore, isDone, isOverdue, toggle, error, notice } = useFollowUp();

  const select = (key: keyof FollowUpFilters, label: string, options: Array<[string, string]>) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={filters[key]} onChange={(e) => setFilter({ [key]: e.target.value })}>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </div>
  );

  const count = visible.length === 1 ? t('followUp.countOne') : t('followUp.count', { count: visible.length });

  return (
    <main id="main" className="page">
      <h1>{t('followUp.title')}</h1>
      <p className="muted">{t('followUp.intro')}</p>
      <fieldset className="search-filters">
        <legend>{t('followUp.filters')}</legend>
        {select('owner', t('followUp.owner'), [['', t('followUp.all')], ...choices.owners.map((o): [string, string] => [o, o])])}
        {select('organisation', t('followUp.organisation'), [['', t('followUp.all')], ...choices.organisations.map((o): [string, string] => [o, o])])}
        {select('series', t('followUp.series'), [['', t('followUp.all')], ...choices.series])}
        {select('status', t('followUp.status'), [
          ['open', t('followUp.status.open')],
          ['done', t('followUp.status.done')],
          ['all', t('followUp.status.all')],
        ])}
        {select('due', t('followUp.due'), [
          ['all', t('followUp.due.all')],
          ['overdue', t('followUp.due.overdue')],
          ['week', t('followUp.due.week')],
          ['none', t('followUp.due.none')],
        ])}
      </fieldset>
      {error && <p role="alert" className="field-error">{error}</p>}
      <p role="status" aria-live="polite" className="notice">{notice}</p>
      <p role="status" aria-live="polite" aria-atomic="true" className="search-summary">{loaded ? count : ''}</p>
      {loaded && rows.length === 0 && <p className="empty">{t('followUp.none')}</p>}
      {loaded && rows.length > 0 && visible.length === 0 && <p className="empty">{t('followUp.empty')}</p>}
      {visible.length > 0 && (
        <table className="follow-up">
          <caption className="visually-hidden">{t('followUp.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUp.col.done')}</th>
              <th scope="col">{t('followUp.col.what')}</th>
              <th scope="col">{t('followUp.col.owner')}</th>
              <th scope="col">{t('followUp.col.organisation')}</th>
              <th scope="col">{t('followUp.col.due')}</th>
              <th scope="col">{t('followUp.col.referat')}</th>
              <th scope="col">{t('followUp.col.series')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, shown).map((r) => {
              const what = r.item.text.trim() || t('followUp.untitled');
              const done = isDone(r);
              const overdue = isOverdue(r);
              return (
                <tr key={r.key} className={overdue ? 'overdue' : undefined}>
                  <td className="follow-up-done">
                    <input
                      type="checkbox"
                      checked={done}
                      aria-label={t('followUp.markDone', { what })}
                      onChange={(e) => void toggle(r, e.target.checked)}
                    />
                  </td>
                  <th scope="row">
                    <Link to={`${referatPath(r.docId)}#item-${encodeURIComponent(r.item.id)}`}>{what}</Link>
                  </th>
                  <td data-label={t('followUp.col.owner')}>{r.item.owner.trim() || <span className="muted">{t('followUp.noOwner')}</span>}</td>
                  <td data-label={t('followUp.col.organisation')}>{r.item.ownerOrganisation}</td>
                  <td data-label={t('followUp.col.due')}>
                    {r.item.due ? formatDate(r.item.due) : <span className="muted">{t('followUp.noDue')}</span>}
                    {overdue && <strong className="overdue-label"> {t('followUp.overdue')}</strong>}
                  </td>
                  <td data-label={t('followUp.col.referat')}>
                    <Link to={referatPath(r.docId)}>{r.docTitle}</Link>
                    <br />
                    <span className="muted">{r.docDate ? formatDate(r.docDate) : t('library.noDate')}</span>
                  </td>
                  <td data-label={t('followUp.col.series')}>{r.seriesName}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {visible.length > shown && (
        <div className="actions more">
          <p className="muted">{t('search.showing', { shown, total: visible.length })}</p>
          <button type="button" onClick={showMore}>{t('search.showMore')}</button>
        </div>
      )}
    </main>
  );
}
