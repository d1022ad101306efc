// The search page's criteria, kept in the address: the words follow typing after a short pause, filters apply at
// once, and any change starts again from the first page of results.
import { useEffect, useState } from 'react';
import { criteriaFromQuery, NO_SEARCH_CRITERIA, queryWithCriteria, type SearchCriteria } from '../../core/searchCriteria';

/** Results follow typing after this pause. */
const DEBOUNCE_MS = 100;
/** Results shown at first and added by "Vis flere". */
const PAGE = 50;

export interface SearchCriteriaState {
  /** What is searched for now. */
  criteria: SearchCriteria;
  /** The words as typed, ahead of `criteria.q` while typing. */
  query: string;
  setQuery(q: string): void;
  setFilter(patch: Partial<SearchCriteria>): void;
  /** Empties the words and every filter. */
  clear(): void;
  /** How many results to show. */
  limit: number;
  showMore(): void;
}

function writeToAddress(c: SearchCriteria): void {
  const query = queryWithCriteria(window.location.search, c);
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}

export function useSearchCriteria(): SearchCriteriaState {
  const [criteria, setCriteria] = useState<SearchCriteria>(() => criteriaFromQuery(window.location.search));
  const [query, setQuery] = useState(criteria.q);
  const [limit, setLimit] = useState(PAGE);

  useEffect(() => {
    if (query === criteria.q) return;
    const timer = setTimeout(() => {
      setCriteria((c) => ({ ...c, q: query }));
      setLimit(PAGE);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, criteria.q]);

  useEffect(() => writeToAddress(criteria), [criteria]);

  const setFilter = (patch: Partial<SearchCriteria>) => {
    setCriteria((c) => ({ ...c, ...patch }));
    setLimit(PAGE);
  };

  return {
    criteria,
    query,
    setQuery,
    setFilter,
    clear: () => {
      setQuery('');
      setFilter(NO_SEARCH_CRITERIA);
    },
    limit,
    showMore: () => setLimit((l) => l + PAGE),
  };
}
