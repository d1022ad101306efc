// Q1's MiniSearch arm: the library MiniSearch over the same rows, with the app's folding, tokenising, query reading,
// field weights and snippets plugged in, so it answers what the app's SearchIndex answers (every query word a word
// prefix, all words required), only ranked by MiniSearch's BM25.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { REPO_ROOT } from './paths.mjs';

/** @typedef {import('./appModules.mjs').LibraryRow} LibraryRow */
/** @typedef {{ term: string, prefixes: string[] }} QueryTerm src/core/searchQuery.ts */

/**
 * What the arm takes from the app (src/core), passed in so the unit tests can hand over the same functions.
 * @typedef {object} SearchParts
 * @property {readonly string[]} SEARCH_FIELDS searchFields.ts: the fields, best first
 * @property {Readonly<Record<string, number>>} SEARCH_FIELD_WEIGHTS searchFields.ts: their weights
 * @property {(entry: LibraryRow, field: string) => string[]} searchFieldTexts searchFields.ts
 * @property {(text: string) => string[]} searchTerms searchTokens.ts: danishFold, then the words (what SearchIndex indexes)
 * @property {(query: string) => QueryTerm[]} parseSearchQuery searchQuery.ts: the query's folded words and their prefixes
 * @property {(texts: readonly string[], query: readonly QueryTerm[]) => { text: string, ranges: Array<{ start: number, end: number }> } | null} searchSnippet searchSnippet.ts
 */

/**
 * @typedef {object} MiniSearchHit
 * @property {string} id
 * @property {LibraryRow} entry
 * @property {number} score MiniSearch's (BM25 with the field weights as boosts)
 * @property {string[]} fields the fields any word matched, best first
 * @property {({ text: string, ranges: Array<{ start: number, end: number }>, field: string }) | null} snippet
 */

/**
 * @typedef {object} MiniSearchArm
 * @property {(query: string, filters?: { excludeIds?: ReadonlySet<string> }, options?: { limit?: number, snippets?: boolean }) => { total: number, hits: MiniSearchHit[] }} search
 *   the shape of SearchIndex.search
 * @property {number} size rows
 * @property {number} termCount distinct folded words
 */

/** @returns {string} the installed MiniSearch's version, for the labels */
export function miniSearchVersion() {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'minisearch', 'package.json'), 'utf8'));
  return String(pkg.version);
}

/**
 * @param {readonly LibraryRow[]} rows
 * @param {SearchParts} app
 * @returns {MiniSearchArm}
 */
export function miniSearchArm(rows, app) {
  const fields = [...app.SEARCH_FIELDS];
  /** @type {MiniSearch<LibraryRow>} */
  const ms = new MiniSearch({
    idField: 'id',
    fields,
    storeFields: [],
    // A field's texts joined: the tokenizer splits them again, and only word starts are matched.
    extractField: (row, field) => (field === 'id' ? row.id : app.searchFieldTexts(row, field).join('\n')),
    // The app's own tokenising: the whole text danishFolded once, then split into words (as SearchIndex.put).
    tokenize: (text) => app.searchTerms(text),
    // Already folded; MiniSearch's default would lowercase again.
    processTerm: (term) => term,
    searchOptions: {
      prefix: true,
      fuzzy: false,
      combineWith: 'AND',
      boost: { ...app.SEARCH_FIELD_WEIGHTS },
      // Queries arrive as the app's parsed, folded words (below): one term per leaf, kept as it is.
      tokenize: (term) => [term],
      processTerm: (term) => term,
    },
  });
  ms.addAll(rows);
  /** Rows by id: MiniSearch returns ids only (SearchIndex keeps its entries too). */
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fieldRank = new Map(fields.map((f, i) => [f, i]));

  return {
    size: ms.documentCount,
    termCount: ms.termCount,
    search(query, filters = {}, options = {}) {
      const terms = app.parseSearchQuery(query);
      // Every word required; a word's prefixes ("åbenra" and "åbenrå" for "Aabenra") are alternatives.
      /** @type {import('minisearch').Query} */
      const tree =
        terms.length === 0
          ? MiniSearch.wildcard
          : { combineWith: 'AND', queries: terms.map((q) => (q.prefixes.length === 1 ? (q.prefixes[0] ?? q.term) : { combineWith: 'OR', queries: q.prefixes })) };
      const exclude = filters.excludeIds;
      const results = ms.search(tree, exclude && exclude.size > 0 ? { filter: (r) => !exclude.has(String(r.id)) } : {});
      const limit = options.limit ?? 50;
      const hits = results.slice(0, limit).map((r) => {
        const id = String(r.id);
        const entry = /** @type {LibraryRow} */ (byId.get(id));
        const matched = [...new Set(Object.values(r.match).flat())].toSorted((a, b) => (fieldRank.get(a) ?? 0) - (fieldRank.get(b) ?? 0));
        return { id, entry, score: r.score, fields: matched, snippet: options.snippets === false ? null : snippetFor(app, entry, matched, terms) };
      });
      return { total: results.length, hits };
    },
  };
}

/**
 * The snippet of the best matched field that yields one, as SearchIndex does.
 * @param {SearchParts} app
 * @param {LibraryRow} entry
 * @param {readonly string[]} fields best first
 * @param {readonly QueryTerm[]} terms
 * @returns {MiniSearchHit['snippet']}
 */
function snippetFor(app, entry, fields, terms) {
  for (const field of fields) {
    const snippet = app.searchSnippet(app.searchFieldTexts(entry, field), terms);
    if (snippet) return { ...snippet, field };
  }
  return null;
}
