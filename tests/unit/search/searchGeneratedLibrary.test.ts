// The search index over 10,000 generated referater agrees with a plain scan of every row, query by query.
import { beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_FIELDS, searchFieldTexts } from '../../../src/core/searchFields';
import { SearchIndex, type SearchFilters } from '../../../src/core/searchIndex';
import { infixMatch, parseSearchQuery, prefixMatchLength } from '../../../src/core/searchQuery';
import { searchTerms, searchTokens } from '../../../src/core/searchTokens';
import type { IndexedReferat } from '../../../src/storage/libraryDatabase';
import { generateLibrary } from '../../../src/testSupport/generateLibrary';

let rows: IndexedReferat[] = [];
/** Every row's distinct folded words, over all searched fields. */
let rowWords: string[][] = [];
let index = new SearchIndex<IndexedReferat>();

beforeAll(() => {
  rows = generateLibrary(10_000);
  rowWords = rows.map((r) => [...new Set(SEARCH_FIELDS.flatMap((f) => searchFieldTexts(r, f).flatMap((t) => searchTerms(t))))]);
  index = new SearchIndex<IndexedReferat>(rows);
}, 120_000);

/** The ids a query should find, by scanning every row's words: each query word starts a word or (compounds) sits inside one. */
function scan(query: string, filters: SearchFilters = {}): string[] {
  const terms = parseSearchQuery(query);
  return rows
    .filter((r, i) => {
      if (filters.party && !r.parties.includes(filters.party)) return false;
      if (filters.status && r.status !== filters.status) return false;
      if ((filters.from || filters.to) && !r.date) return false;
      if (filters.from && r.date < filters.from) return false;
      if (filters.to && r.date > filters.to) return false;
      const words = rowWords[i] ?? [];
      return terms.every((q) => words.some((w) => prefixMatchLength(w, q) > 0 || infixMatch(w, q) !== null));
    })
    .map((r) => r.id)
    .toSorted();
}

describe('search over a generated library of 10,000 referater', () => {
  it('generates the same rows from the same seed, with realistic sizes', () => {
    expect(generateLibrary(3).map((r) => r.id)).toEqual(rows.slice(0, 3).map((r) => r.id));
    expect(rows).toHaveLength(10_000);
    const sizes = rows.map((r) => r.text.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1024);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4 * 1024 + 400);
    expect(rows.some((r) => r.text.includes('Aabenraa'))).toBe(true);
    expect(rows.some((r) => r.text.includes('Åbenrå'))).toBe(true);
    expect(index.size).toBe(10_000);
  });

  it.each([
    ['driftsmøde'],
    ['Systemhuset'],
    ['åbenrå'],
    ['Aabenraa'],
    ['aarhus sag'],
    ['budget licens'],
    ['kaare aagaard'],
    ['tilbud jobcenter'],
    ['releasen uge'],
    ['ø'],
    ['vinduet'],
    ['møde aftalen'],
    ['ansvar'],
  ])('finds exactly what a scan finds for %s', (query) => {
    const r = index.search(query, {}, { limit: Infinity, snippets: false });
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits.map((h) => h.id).toSorted()).toEqual(scan(query));
  });

  it('agrees with a scan under filters', () => {
    const f: SearchFilters = { party: 'Systemhuset A/S', from: '2025-01-01', to: '2025-12-31', status: 'approved' };
    const r = index.search('status', f, { limit: Infinity, snippets: false });
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits.map((h) => h.id).toSorted()).toEqual(scan('status', f));
  });

  it('ranks title matches first and marks them in the snippet', () => {
    const r = index.search('styregruppemøde');
    const firstBody = r.hits.findIndex((h) => !h.fields.includes('title'));
    const lastTitle = r.hits.findLastIndex((h) => h.fields.includes('title'));
    expect(firstBody === -1 || firstBody > lastTitle).toBe(true);
    for (const h of r.hits) {
      const s = h.snippet;
      if (!s) throw new Error('no snippet');
      expect(s.ranges.length).toBeGreaterThan(0);
      for (const range of s.ranges) expect(s.text.slice(range.start, range.end).toLowerCase()).toMatch(/^styregruppemøde/);
    }
  });

  it('sees a replaced row at once', () => {
    const copy = new SearchIndex<IndexedReferat>(rows.slice(0, 2000));
    const target = rows[5] as IndexedReferat;
    copy.put({ ...target, title: 'Ekstraordinært møde om Zyxwvutsen', text: 'Intet andet.' });
    expect(copy.search('zyxwv').hits.map((h) => h.id)).toEqual([target.id]);
    const firstWord = searchTokens(target.text)[0]?.term ?? '';
    expect(copy.search(firstWord, {}, { limit: Infinity, snippets: false }).hits.some((h) => h.id === target.id && h.fields.includes('body'))).toBe(false);
  });
});
