// Q1's MiniSearch arm: with the app's folding and query reading plugged in, it finds what SearchIndex finds at the
// start of words (SearchIndex also finds words inside compounds, which MiniSearch cannot).
import { describe, expect, it } from 'vitest';
import { SEARCH_FIELDS, SEARCH_FIELD_WEIGHTS, searchFieldTexts } from '../../../src/core/searchFields';
import { SearchIndex } from '../../../src/core/searchIndex';
import { parseSearchQuery, prefixMatchLength } from '../../../src/core/searchQuery';
import { searchSnippet } from '../../../src/core/searchSnippet';
import { searchTerms } from '../../../src/core/searchTokens';
import type { IndexedReferat } from '../../../src/storage/libraryDatabase';
import { generateLibrary } from '../../../src/testSupport/generateLibrary';
import { miniSearchArmModule, searchQueries } from './benchModules';

const { miniSearchArm, miniSearchVersion } = await miniSearchArmModule();
const { benchQueries } = await searchQueries();
const app = { SEARCH_FIELDS, SEARCH_FIELD_WEIGHTS, searchFieldTexts, searchTerms, parseSearchQuery, searchSnippet };

/** All the ids a query finds, sorted (ranking aside). */
const ids = (r: { hits: Array<{ id: string }> }): string[] => r.hits.map((h) => h.id).toSorted();
const ALL = { limit: Number.POSITIVE_INFINITY, snippets: false };

describe('Q1 MiniSearch arm on a generated library', () => {
  const rows = generateLibrary(300, 7);
  const ours = new SearchIndex<IndexedReferat>(rows);
  const arm = miniSearchArm(rows, app);

  it('holds every row and the same distinct words as SearchIndex', () => {
    expect(arm.size).toBe(300);
    expect(arm.termCount).toBe(ours.termCount);
  });

  it('finds what SearchIndex finds for every bench query, except matches inside compounds', () => {
    const queries = benchQueries({ count: 150 });
    const words = new Map(rows.map((r) => [r.id, SEARCH_FIELDS.flatMap((f) => searchFieldTexts(r, f).flatMap((t) => searchTerms(t)))]));
    /** Whether every word of the query starts some word of the row (what MiniSearch's prefix search finds). */
    const byPrefix = (id: string, query: string) => parseSearchQuery(query).every((q) => (words.get(id) ?? []).some((w) => prefixMatchLength(w, q) > 0));
    let found = 0;
    let same = 0;
    for (const q of queries) {
      const a = ours.search(q.text, {}, ALL);
      const b = arm.search(q.text, {}, ALL);
      expect({ q: q.text, ids: ids(b) }).toEqual({ q: q.text, ids: ids(a).filter((id) => byPrefix(id, q.text)) });
      if (a.total > 0) found++;
      if (a.total === b.total) same++;
    }
    // The comparison means something only if most queries find referater, most of them the same.
    expect(found).toBeGreaterThan(100);
    expect(same).toBeGreaterThan(75);
  });

  it('leaves out excluded rows, and returns every row for a query without words', () => {
    const hit = ours.search('møde', {}, ALL).hits[0]?.id as string;
    expect(hit).toBeTruthy();
    const without = arm.search('møde', { excludeIds: new Set([hit]) }, ALL);
    expect(ids(without)).not.toContain(hit);
    expect(without.total).toBe(ours.search('møde', {}, ALL).total - 1);
    expect(arm.search(' / ', {}, ALL).total).toBe(300);
  });
});

describe('Q1 MiniSearch arm on hand-written rows', () => {
  const base = generateLibrary(1, 3)[0] as IndexedReferat;
  const row = (id: string, title: string, text: string, decisions: string[] = []): IndexedReferat => ({
    ...base,
    id,
    title,
    text,
    decisions,
    agendaTitles: [],
    actionItems: [],
    participantNames: [],
    parties: [],
  });
  const rows = [
    row('a', 'Driftsmøde i Aabenraa', 'Budgettet for servicevinduet blev godkendt.'),
    row('b', 'Styregruppe', 'Mødet holdes i Åbenrå næste gang.', ['Migreringen udskydes']),
    row('c', 'Økonomi', 'Intet om byer her; café og idé.'),
  ];
  const arm = miniSearchArm(rows, app);

  it('folds Danish as the app does: "aa" is "å", either spelling finds both, accents other than æ/ø/å dropped', () => {
    expect(ids(arm.search('Aabenraa', {}, ALL))).toEqual(['a', 'b']);
    expect(ids(arm.search('åbenrå', {}, ALL))).toEqual(['a', 'b']);
    // Half-typed "Aabenra": the trailing "a" may be the start of "aa".
    expect(ids(arm.search('Aabenra', {}, ALL))).toEqual(['a', 'b']);
    expect(ids(arm.search('cafe IDE', {}, ALL))).toEqual(['c']);
    expect(ids(arm.search('ØKONOMI', {}, ALL))).toEqual(['c']);
  });

  it('matches word starts only, and requires every word', () => {
    expect(ids(arm.search('budg', {}, ALL))).toEqual(['a']);
    expect(ids(arm.search('vinduet', {}, ALL))).toEqual([]);
    expect(ids(arm.search('møde åbenrå', {}, ALL))).toEqual(['b']);
    expect(ids(arm.search('møde migr', {}, ALL))).toEqual(['b']);
    expect(ids(arm.search('budgettet migreringen', {}, ALL))).toEqual([]);
  });

  it('names the matched fields best first and marks the match in the best field with a snippet', () => {
    const r = arm.search('migreringen møde', {}, { limit: 10 });
    expect(r.total).toBe(1);
    const hit = r.hits[0];
    expect(hit?.fields).toEqual(['decisions', 'body']);
    expect(hit?.snippet?.field).toBe('decisions');
    expect(hit?.snippet?.text).toBe('Migreringen udskydes');
    expect(hit?.snippet?.ranges).toEqual([{ start: 0, end: 11 }]);
  });

  it('ranks a title match above a body match, by the field weights', () => {
    const title = arm.search('aabenraa', {}, { limit: 2 });
    expect(title.hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(title.hits[0]?.fields).toEqual(['title']);
  });

  it('reports the installed MiniSearch version', () => {
    expect(miniSearchVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
