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
  /**
   * The forms looked for inside a word (compound search: "fornyelse" in "certifikatfornyelsen"); empty for a word
   * shorter than MIN_INFIX_LENGTH. The prefixes, and for each that starts with "a" the same with "å": folding reads
   * the "a" + "a" where two words meet as "å" ("dataansvar" is stored as "datånsvar"), so "ansvar" looks for "ånsvar" too.
   */
  infixes: string[];
}

const MAX_TERMS = 12;

/**
 * The shortest query word (folded characters) that is also looked for inside words. Shorter ones would match
 * inside almost everything ("er", "ing", "for"); four letters keep "møde" in "driftsmøde" and "plan" in "tidsplan".
 */
export const MIN_INFIX_LENGTH = 4;

/** The distinct words of a query, in the order typed; at most 12. */
export function parseSearchQuery(query: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  for (const { term } of searchTokens(query)) {
    if (out.some((q) => q.term === term)) continue;
    const prefixes = [term];
    if (term.endsWith('a')) prefixes.push(`${term.slice(0, -1)}å`);
    const infixes = term.length < MIN_INFIX_LENGTH ? [] : [...prefixes, ...prefixes.filter((p) => p.startsWith('a')).map((p) => `å${p.slice(1)}`)];
    out.push({ term, prefixes, infixes });
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

/** How many folded characters of `term` a query word matches as a prefix; 0 when it does not match. */
export function prefixMatchLength(term: string, q: QueryTerm): number {
  for (const p of q.prefixes) if (term.startsWith(p)) return p.length;
  return 0;
}

/** Where a query word occurs inside `term` (after its first character), and by which of its infix forms; null when it does not. */
export function infixMatch(term: string, q: QueryTerm): { at: number; form: string } | null {
  for (const form of q.infixes) {
    const at = term.indexOf(form, 1);
    if (at !== -1) return { at, form };
  }
  return null;
}
