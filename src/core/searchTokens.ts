// Splits text into words for search: each word's place in the original text and its Danish-folded form.
import { danishFold } from './danishFold';

export interface SearchToken {
  /** Start and end (exclusive) of the word in the original text, in UTF-16 units. */
  start: number;
  end: number;
  /** The word folded with danishFold; never empty. */
  term: string;
}

// Letters, digits and combining marks make a word; everything else separates words ("A/S" is "a" and "s").
// Folding maps word characters to word characters, so the words of the folded text are the folded words.
const WORDS = /[\p{L}\p{N}\p{M}]+/gu;
const MAX_CACHE = 50_000;
let cache = new Map<string, string>();

/** danishFold with a cache: the same words come back again and again in minutes. */
function foldWord(word: string): string {
  let term = cache.get(word);
  if (term === undefined) {
    term = danishFold(word);
    if (cache.size >= MAX_CACHE) cache = new Map();
    cache.set(word, term);
  }
  return term;
}

/** Every word of `text`, in order, with its place in `text`. */
export function searchTokens(text: string): SearchToken[] {
  const out: SearchToken[] = [];
  forEachSearchToken(text, (tok) => {
    out.push(tok);
  });
  return out;
}

/** Calls `visit` with the words of `text` in order, as searchTokens gives them, until it returns false. */
export function forEachSearchToken(text: string, visit: (token: SearchToken) => boolean | void): void {
  for (const m of text.matchAll(WORDS)) {
    const term = foldWord(m[0]);
    // A stray combining mark on its own folds to nothing.
    if (term && visit({ start: m.index, end: m.index + m[0].length, term }) === false) return;
  }
}

/** The folded form of every word of `text`, in order (no positions: for building an index fast). */
export function searchTerms(text: string): string[] {
  return danishFold(text).match(WORDS) ?? [];
}
