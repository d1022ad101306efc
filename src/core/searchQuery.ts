// Reads what a user typed into the search field: the words, each matched as a prefix of a word, Danish-folded.
import { searchTokens } from './searchTokens';

export interface QueryTerm {
  /** The folded word as typed. */
  term: string;
  /**
   * The prefixes that match it. A word that ends in "a" may be half of an "aa" still being typed
   * ("Aabenra" on the way to "Aabenraa", stored folded as "åbenrå"), so it also matches with "å" there.
   */
  prefixes: string[];
}

const MAX_TERMS = 12;

/** The distinct words of a query, in the order typed; at most 12. */
export function parseSearchQuery(query: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  for (const { term } of searchTokens(query)) {
    if (out.some((q) => q.term === term)) continue;
    const prefixes = [term];
    if (term.endsWith('a')) prefixes.push(`${term.slice(0, -1)}å`);
    out.push({ term, prefixes });
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

/** How many folded characters of `term` a query word matches as a prefix; 0 when it does not match. */
export function prefixMatchLength(term: string, q: QueryTerm): number {
  for (const p of q.prefixes) if (term.startsWith(p)) return p.length;
  return 0;
}
