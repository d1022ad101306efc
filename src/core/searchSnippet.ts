// A short excerpt (about 160 characters) around the first match of a search in a text, with the matches marked.
import { danishFoldWithOffsets } from './danishFold';
import { prefixMatchLength, type QueryTerm } from './searchQuery';
import { searchTokens } from './searchTokens';

export interface TextRange {
  start: number;
  end: number;
}

export interface Snippet {
  /** The excerpt: whitespace shown as single spaces, with "…" where it was cut. */
  text: string;
  /** Where the query matched within `text`: the matched prefix of each word, in order, not overlapping. */
  ranges: TextRange[];
}

export const SNIPPET_SIZE = 160;
const ELLIPSIS = '…';

/** The ranges of `text` (original positions) whose words start with one of the query's words. */
export function matchRanges(text: string, query: readonly QueryTerm[]): TextRange[] {
  const out: TextRange[] = [];
  for (const tok of searchTokens(text)) {
    let best = 0;
    for (const q of query) best = Math.max(best, prefixMatchLength(tok.term, q));
    if (best === 0) continue;
    // Map the folded prefix back to the original word: "Aabenraa" matched by "åben" marks "Aaben".
    const end = best >= tok.term.length ? tok.end : tok.start + (danishFoldWithOffsets(text.slice(tok.start, tok.end)).offsets[best] ?? tok.end - tok.start);
    out.push({ start: tok.start, end });
  }
  return out;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/** The excerpt of the first of `texts` that the query matches, or null if it matches none. */
export function searchSnippet(texts: readonly string[], query: readonly QueryTerm[], size = SNIPPET_SIZE): Snippet | null {
  if (query.length === 0) return null;
  for (const text of texts) {
    const ranges = matchRanges(text, query);
    const first = ranges[0];
    if (!first) continue;
    let start = 0;
    let end = text.length;
    if (text.length > size) {
      // About a third of the excerpt before the match, the rest after it; never cut inside a word.
      start = Math.max(0, Math.min(first.start - Math.floor(size / 3), text.length - size));
      if (start > 0) {
        let s = start;
        while (s < first.start && !isSpace(text[s - 1])) s++;
        start = s;
      }
      end = Math.min(text.length, start + size);
      if (end < text.length) {
        let e = end;
        while (e > first.end && !isSpace(text[e])) e--;
        if (e > first.end) end = e;
      }
    }
    while (start < first.start && isSpace(text[start])) start++;
    while (end > first.end && isSpace(text[end - 1])) end--;
    const before = start > 0 ? ELLIPSIS : '';
    const after = end < text.length ? ELLIPSIS : '';
    const shift = before.length - start;
    return {
      text: before + text.slice(start, end).replace(/\s/g, ' ') + after,
      ranges: ranges.filter((r) => r.start >= start && r.end <= end).map((r) => ({ start: r.start + shift, end: r.end + shift })),
    };
  }
  return null;
}
