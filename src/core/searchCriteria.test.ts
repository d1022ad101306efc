import { describe, expect, it } from 'vitest';
import { criteriaActive, criteriaFromQuery, NO_SEARCH_CRITERIA, queryWithCriteria, searchFiltersFor } from './searchCriteria';

describe('criteriaFromQuery', () => {
  it('reads the words, party, period and status from the address', () => {
    expect(criteriaFromQuery('?q=budget%20%C3%A5r&party=Systemhuset+A%2FS&from=2026-01-01&to=2026-06-30&status=approved')).toEqual({
      q: 'budget år',
      party: 'Systemhuset A/S',
      from: '2026-01-01',
      to: '2026-06-30',
      status: 'approved',
    });
  });

  it('reads a malformed date or an unknown status as none, and a missing parameter as empty', () => {
    expect(criteriaFromQuery('?from=1.1.2026&to=2026-1-1&status=secret')).toEqual(NO_SEARCH_CRITERIA);
    expect(criteriaFromQuery('')).toEqual(NO_SEARCH_CRITERIA);
  });
});

describe('queryWithCriteria', () => {
  it('sets the criteria given, leaves out empty ones and keeps other parameters', () => {
    const query = queryWithCriteria('?lang=en&q=old&status=draft', { ...NO_SEARCH_CRITERIA, q: 'ny tekst', party: 'Aarhus Kommune' });
    const p = new URLSearchParams(query);
    expect(p.get('lang')).toBe('en');
    expect(p.get('q')).toBe('ny tekst');
    expect(p.get('party')).toBe('Aarhus Kommune');
    expect(p.has('status')).toBe(false);
    expect(p.has('from')).toBe(false);
  });

  it('is empty when nothing is asked for and nothing else is in the address', () => {
    expect(queryWithCriteria('?q=x&from=2026-01-01', NO_SEARCH_CRITERIA)).toBe('');
  });

  it('reads back as the same criteria', () => {
    const c = { q: 'møde & referat', party: 'A/S', from: '2026-02-01', to: '', status: 'proposed' as const };
    expect(criteriaFromQuery(`?${queryWithCriteria('', c)}`)).toEqual(c);
  });
});

describe('criteriaActive', () => {
  it('is false for nothing or only spaces, true for words or any filter', () => {
    expect(criteriaActive(NO_SEARCH_CRITERIA)).toBe(false);
    expect(criteriaActive({ ...NO_SEARCH_CRITERIA, q: '   ' })).toBe(false);
    expect(criteriaActive({ ...NO_SEARCH_CRITERIA, q: 'x' })).toBe(true);
    expect(criteriaActive({ ...NO_SEARCH_CRITERIA, party: 'A' })).toBe(true);
    expect(criteriaActive({ ...NO_SEARCH_CRITERIA, to: '2026-01-01' })).toBe(true);
    expect(criteriaActive({ ...NO_SEARCH_CRITERIA, status: 'draft' })).toBe(true);
  });
});

describe('searchFiltersFor', () => {
  it('gives only the filters that are set, and always the ids to leave out', () => {
    const trash = new Set(['t1']);
    expect(searchFiltersFor(NO_SEARCH_CRITERIA, trash)).toEqual({ excludeIds: trash });
    expect(searchFiltersFor({ q: 'x', party: 'A', from: '2026-01-01', to: '2026-02-01', status: 'approved' }, trash)).toEqual({
      excludeIds: trash,
      party: 'A',
      from: '2026-01-01',
      to: '2026-02-01',
      status: 'approved',
    });
  });
});
