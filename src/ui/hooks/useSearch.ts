// The state of the search page: the library's search index, the criteria in the address, and the results.
import { useMemo } from 'react';
import { criteriaActive, searchFiltersFor } from '../../core/searchCriteria';
import type { SearchResults } from '../../core/searchIndex';
import type { IndexedReferat } from '../../storage/libraryDatabase';
import { useApp } from './AppContext';
import { useSearchCriteria, type SearchCriteriaState } from './useSearchCriteria';
import { useSearchIndex, type SearchIndexState } from './useSearchIndex';

export interface SearchState extends SearchCriteriaState {
  index: SearchIndexState;
  /** Whether the criteria ask for anything. */
  active: boolean;
  /** Null until the index is built and while nothing is asked for. */
  results: (SearchResults<IndexedReferat> & { version: number }) | null;
}

export function useSearch(): SearchState {
  const { db } = useApp();
  const index = useSearchIndex(db);
  const criteria = useSearchCriteria();
  const c = criteria.criteria;
  const active = criteriaActive(c);
  const { index: searchIndex, version, ready, trashed } = index;
  const { limit } = criteria;
  const results = useMemo(() => {
    if (!ready || !active) return null;
    // The index changes in place: `version` tells which state of it these results come from.
    return { ...searchIndex.search(c.q, searchFiltersFor(c, trashed), { limit }), version };
  }, [searchIndex, version, ready, active, trashed, c, limit]);
  return { ...criteria, index, active, results };
}
