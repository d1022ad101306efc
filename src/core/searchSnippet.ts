// A short excerpt (about 160 characters) around the first match of a search in a text, with the matches marked.
import { danishFoldWithOffsets } from './danishFold';
import { infixMatch, prefixMatchLength, type QueryTerm } from './searchQuery';
import { forEachSearchToken } from './searchTokens';

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

/**
 * The ranges of `text` (original positions) that the query matched: the start of a word that starts with a query
 * word, and the part of a word that holds a query word inside it (compound search); ranges that touch are joined.
 */
export function matchRanges(text: string, query: readonly QueryTerm[]): TextRange[] {
  return rangesUpTo(text, query, Number.POSITIVE_INFINITY);
}

/** matchRanges, but only the words that start less than `span` after the first match: an excerpt needs no more. */
function rangesUpTo(text: string, query: readonly QueryTerm[], span: number): TextRange[] {
  const out: TextRange[] = [];
  forEachSearchToken(text, (tok) => {
    const first = out[0];
    if (first && tok.start >= first.start + span) return false;
    let best = 0;
    for (const q of query) best = Math.max(best, prefixMatchLength(tok.term, q));
    const parts: Array<[number, number]> = best > 0 ? [[0, best]] : [];
    for (const q of query) {
      // A word already matched as a prefix ("certifikat") may still hold another query word ("fornyelse").
      if (q.infixes.length === 0 || prefixMatchLength(tok.term, q) > 0) continue;
      const inside = infixMatch(tok.term, q);
      if (inside) parts.push([inside.at, inside.at + inside.form.length]);
    }
    if (parts.length === 0) return true;
    // Map the folded parts back to the original word: "Aabenraa" matched by "åben" marks "Aaben".
    const word = text.slice(tok.start, tok.end);
    const offsets = best >= tok.term.length && parts.length === 1 ? null : danishFoldWithOffsets(word).offsets;
    const at = (folded: number) => tok.start + (offsets ? (offsets[folded] ?? word.length) : folded >= tok.term.length ? word.length : folded);
    for (const [from, to] of parts.toSorted((a, b) => a[0] - b[0])) {
      let start = at(from);
      // An "å" read from the "a" + "a" where two words meet: the query's word starts at the second "a".
      if (from > 0 && tok.term[from] === 'å' && at(from + 1) - start === 2) start += 1;
      const end = at(to);
      const last = out[out.length - 1];
      if (last && start <= last.end && last.start >= tok.start) last.end = Math.max(last.end, end);
      else out.push({ start, end });
    }
    return true;
  });
  return out;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/** The excerpt of the first of `texts` that the query matches, or null if it matches none. */
export function searchSnippet(texts: readonly string[], query: readonly QueryTerm[], size = SNIPPET_SIZE): Snippet | null {
  if (query.length === 0) return null;
  for (const text of texts) {
    const ranges = rangesUpTo(text, query, size);
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
