// Search across every referat on this device: words (Danish-aware prefix match), party, period and status.
import { useEffect, useId, useMemo, useState } from 'react';
import { REFERAT_STATUSES, type ReferatStatus } from '../../core/meta';
import type { SearchFilters } from '../../core/searchIndex';
import { MarkedText } from '../components/MarkedText';
import { useApp } from '../hooks/AppContext';
import { useSearchIndex } from '../hooks/useSearchIndex';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import { referatPath } from '../router/route';

/** Results follow typing after this pause. */
const DEBOUNCE_MS = 100;
const PAGE = 50;

interface Criteria {
  q: string;
  party: string;
  from: string;
  to: string;
  status: ReferatStatus | '';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The search as the address holds it, so going back to the page keeps it. */
function criteriaFromUrl(): Criteria {
  const p = new URLSearchParams(window.location.search);
  const date = (k: string) => {
    const v = p.get(k) ?? '';
    return DATE.test(v) ? v : '';
  };
  const status = p.get('status') ?? '';
  return {
    q: p.get('q') ?? '',
    party: p.get('party') ?? '',
    from: date('from'),
    to: date('to'),
    status: REFERAT_STATUSES.includes(status as ReferatStatus) ? (status as ReferatStatus) : '',
  };
}

function criteriaToUrl(c: Criteria): void {
  const p = new URLSearchParams(window.location.search);
  for (const key of ['q', 'party', 'from', 'to', 'status'] as const) {
    if (c[key]) p.set(key, c[key]);
    else p.delete(key);
  }
  const query = p.toString();
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}

export function SearchPage() {
  const { db } = useApp();
  const { t, formatDate } = useI18n();
  const id = useId();
  const search = useSearchIndex(db);
  const [criteria, setCriteria] = useState<Criteria>(criteriaFromUrl);
  const [query, setQuery] = useState(criteria.q);
  const [limit, setLimit] = useState(PAGE);

  // Typing updates the field at once and the search after a short pause; filters apply at once.
  useEffect(() => {
    if (query === criteria.q) return;
    const timer = setTimeout(() => {
      setCriteria((c) => ({ ...c, q: query }));
      setLimit(PAGE);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, criteria.q]);

  useEffect(() => criteriaToUrl(criteria), [criteria]);

  const setFilter = (patch: Partial<Criteria>) => {
    setCriteria((c) => ({ ...c, ...patch }));
    setLimit(PAGE);
  };

  const active = criteria.q.trim() !== '' || criteria.party !== '' || criteria.from !== '' || criteria.to !== '' || criteria.status !== '';
  const { index, version, ready, trashed } = search;
  const results = useMemo(() => {
    if (!ready || !active) return null;
    const filters: SearchFilters = { excludeIds: trashed };
    if (criteria.party) filters.party = criteria.party;
    if (criteria.from) filters.from = criteria.from;
    if (criteria.to) filters.to = criteria.to;
    if (criteria.status) filters.status = criteria.status;
    // The index changes in place: `version` tells which state of it these results come from.
    return { ...index.search(criteria.q, filters, { limit }), version };
  }, [index, version, ready, active, trashed, criteria, limit]);

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
              onClick={() => {
                setQuery('');
                setFilter({ q: '', party: '', from: '', to: '', status: '' });
              }}
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
          <button type="button" onClick={() => setLimit((l) => l + PAGE)}>{t('search.showMore')}</button>
        </div>
      )}
    </main>
  );
}
