// What the search page searches for (words, party, period, status), read from and written to the address, so
// going back to the page keeps it, and turned into the search index's filters.
import { REFERAT_STATUSES, type ReferatStatus } from './meta';
import type { SearchFilters } from './searchIndex';

export interface SearchCriteria {
  q: string;
  party: string;
  /** `YYYY-MM-DD` or ''. */
  from: string;
  to: string;
  status: ReferatStatus | '';
}

export const NO_SEARCH_CRITERIA: SearchCriteria = { q: '', party: '', from: '', to: '', status: '' };

const KEYS = ['q', 'party', 'from', 'to', 'status'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The criteria in an address's query (`?q=…&party=…`); a malformed date or unknown status reads as none. */
export function criteriaFromQuery(search: string): SearchCriteria {
  const p = new URLSearchParams(search);
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

/** `search` (an address's query) with the criteria set in it and empty ones left out; other parameters are kept. Without the '?'. */
export function queryWithCriteria(search: string, c: SearchCriteria): string {
  const p = new URLSearchParams(search);
  for (const key of KEYS) {
    if (c[key]) p.set(key, c[key]);
    else p.delete(key);
  }
  return p.toString();
}

/** Whether the criteria ask for anything: words (not only spaces) or any filter. */
export function criteriaActive(c: SearchCriteria): boolean {
  return c.q.trim() !== '' || c.party !== '' || c.from !== '' || c.to !== '' || c.status !== '';
}

/** The search index's filters for the criteria, leaving out `excludeIds` (the trash). */
export function searchFiltersFor(c: SearchCriteria, excludeIds: ReadonlySet<string>): SearchFilters {
  const filters: SearchFilters = { excludeIds };
  if (c.party) filters.party = c.party;
  if (c.from) filters.from = c.from;
  if (c.to) filters.to = c.to;
  if (c.status) filters.status = c.status;
  return filters;
}
