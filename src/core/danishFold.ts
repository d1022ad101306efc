// Folds Danish text for matching: NFC, lowercase (da), "aa" read as "å", other diacritics than æ/ø/å removed.
//
// "Aabenraa" and "Åbenrå" both fold to "åbenrå"; "æ" stays "æ" (never "ae"), "ø" stays "ø"; "é" becomes "e".
// The same folding must be applied to the text and to the query, so an old spelling finds a new one and back.

/** Folded text, with `offsets[i]` the index in the original string where folded character `i` came from. */
export interface FoldedText {
  folded: string;
  /** One entry per folded UTF-16 unit, plus a last entry equal to the original length. */
  offsets: number[];
}

// Text made only of these letters folds with toLowerCase and the "aa" rule alone.
const SIMPLE = /^[\t\n\r -~æøåÆØÅ]*$/;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;

/** Everything but the "aa" rule: NFC, lowercase, and every mark removed except the ring of "å" (and "ø" spelled o + U+0338). */
function foldLetters(text: string): string {
  const lower = text.normalize('NFC').toLocaleLowerCase('da');
  if (SIMPLE.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/a\u030a/g, 'å')
    .replace(/o\u0338/g, 'ø')
    .replace(MARKS, '');
}

/** Folds `text` for matching (see the top of this file). */
export function danishFold(text: string): string {
  const letters = SIMPLE.test(text) ? text.toLowerCase() : foldLetters(text);
  // "aa" is the old spelling of "å": read left to right, so "aaa" is "åa".
  return letters.replace(/aa/g, 'å');
}

/** Folds `text` as danishFold does and keeps where each folded character came from (to mark matches in the original). */
export function danishFoldWithOffsets(text: string): FoldedText {
  const chars: string[] = [];
  const from: number[] = [];
  let i = 0;
  while (i < text.length) {
    // A cluster is one code point and the combining marks after it: folding never joins or splits them.
    const start = i;
    const cp = text.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    while (i < text.length && MARK.test(text[i] as string)) i++;
    const folded = foldLetters(text.slice(start, i));
    for (let u = 0; u < folded.length; u++) {
      chars.push(folded[u] as string);
      from.push(start);
    }
  }
  let folded = '';
  const offsets: number[] = [];
  for (let k = 0; k < chars.length; k++) {
    if (chars[k] === 'a' && chars[k + 1] === 'a') {
      folded += 'å';
      offsets.push(from[k] as number);
      k++;
    } else {
      folded += chars[k] as string;
      offsets.push(from[k] as number);
    }
  }
  offsets.push(text.length);
  return { folded, offsets };
}
