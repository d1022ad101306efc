// Search across every referat on this device: words (Danish-aware prefix match), party, period and status. The
// state is useSearch's; this only renders it.
import { useId } from 'react';
import { REFERAT_STATUSES, type ReferatStatus } from '../../core/meta';
import { MarkedText } from '../components/MarkedText';
import { useSearch } from '../hooks/useSearch';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import { referatPath } from '../router/route';

export function SearchPage() {
  const { t, formatDate } = useI18n();
  const id = useId();
  const { index: search, criteria, query, setQuery, setFilter, clear, active, results, showMore } = useSearch();
  const { ready } = search;

  let summary: string;
  if (!ready) summary = t('search.building', { done: search.indexed, total: search.total });
  else if (!results) summary = t('search.prompt');
  else if (results.total === 1) summary = t('search.countOne');
  else summary = t('search.count', { count: results.total });

  return (
    <main id="main" className="page">
      <h1>{t('search.title')}</h1>
      <search className="search-form">
        <div className="field wide">
          <label htmlFor={`${id}-q`}>{t('search.field')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            maxLength={500}
            autoComplete="off"
            aria-describedby={`${id}-hint`}
            onChange={(e) => setQuery(e.target.value)}
          />
          <p id={`${id}-hint`} className="muted hint">{t('search.hint')}</p>
        </div>
        <fieldset className="search-filters">
          <legend>{t('search.filters')}</legend>
          <div className="field">
            <label htmlFor={`${id}-party`}>{t('search.party')}</label>
            <select id={`${id}-party`} value={criteria.party} onChange={(e) => setFilter({ party: e.target.value })}>
              <option value="">{t('search.anyParty')}</option>
              {criteria.party && !search.parties.includes(criteria.party) && <option value={criteria.party}>{criteria.party}</option>}
              {search.parties.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('search.from')}</label>
            <input id={`${id}-from`} type="date" value={criteria.from} onChange={(e) => setFilter({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('search.to')}</label>
            <input id={`${id}-to`} type="date" value={criteria.to} onChange={(e) => setFilter({ to: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('search.status')}</label>
            <select id={`${id}-status`} value={criteria.status} onChange={(e) => setFilter({ status: e.target.value as ReferatStatus | '' })}>
              <option value="">{t('search.anyStatus')}</option>
              {REFERAT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
            </select>
          </div>
          <div className="field reset">
            <button
              type="button"
              disabled={!active && query === ''}
              onClick={clear}
            >
              {t('search.clear')}
            </button>
          </div>
        </fieldset>
      </search>

      <p role="status" aria-live="polite" aria-atomic="true" className="search-summary">{summary}</p>

      {results && results.total === 0 && <p className="empty">{t('search.none')}</p>}
      {results && results.hits.length > 0 && (
        <ol className="search-results">
          {results.hits.map(({ id: docId, entry, snippet, fields }) => {
            const title = entry.title.trim() || t('library.untitled');
            const marksTitle = snippet?.field === 'title' && entry.title.trim() !== '';
            return (
              <li key={docId}>
                <h2 className="result-title">
                  <Link to={referatPath(docId)}>{marksTitle && snippet ? <MarkedText text={snippet.text} ranges={snippet.ranges} /> : title}</Link>
                </h2>
                <p className="muted result-meta">
                  {entry.date ? formatDate(entry.date) : t('library.noDate')}
                  {entry.parties.length > 0 && ` · ${entry.parties.join(', ')}`}
                  {` · ${t(`status.${entry.status}`)}`}
                </p>
                {snippet && !marksTitle && (
                  <p className="snippet"><MarkedText text={snippet.text} ranges={snippet.ranges} /></p>
                )}
                {fields.length > 0 && (
                  <p className="muted result-fields">{t('search.foundIn', { fields: fields.map((f) => t(`search.field.${f}`)).join(', ') })}</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {results && results.total > results.hits.length && (
        <div className="actions more">
          <p className="muted">{t('search.showing', { shown: results.hits.length, total: results.total })}</p>
          <button type="button" onClick={showMore}>{t('search.showMore')}</button>
        </div>
      )}
    </main>
  );
}
