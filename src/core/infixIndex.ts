// Finds the words of a vocabulary that contain a given part after their first letter, for compound search.
//
// Danish glues words together ("certifikatfornyelsen"), so a search word must also be found inside a word. The
// index keeps, for every three letters (trigram) that occur at position 1 or later in a word, the ids of the words
// they occur in, in the order the words were added. A lookup intersects the lists of the part's rarest trigrams and
// checks the few words left. Adding a word appends to a few lists, so the index grows with the vocabulary without
// ever being sorted or rebuilt. Each word carries a value of the caller's (the search index: its posting list).

/** Words shorter than this cannot hold a part of at least 3 letters after their first letter. */
const MIN_WORD = 4;
/** How many trigram lists a lookup intersects at most: more rarely removes candidates worth the time. */
const MAX_LISTS = 3;

/**
 * The key of three UTF-16 units: exact for the letters of European scripts (below U+0400), folded into the
 * same 30 bits beyond that. Two trigrams that share a key only add candidates, which the check drops.
 */
function trigramKey(s: string, i: number): number {
  return ((s.charCodeAt(i) & 1023) << 20) | ((s.charCodeAt(i + 1) & 1023) << 10) | (s.charCodeAt(i + 2) & 1023);
}

/** Ascending word ids in a typed array that doubles when full: 4 bytes an id, where a JS array of numbers takes 8. */
interface IdList {
  ids: Int32Array;
  n: number;
}

/** The ids in both ascending lists: `small` walked, `large` searched by galloping from the last match. */
function intersect(small: IdList, large: IdList): IdList {
  const out = new Int32Array(Math.min(small.n, large.n));
  let n = 0;
  let lo = 0;
  const a = small.ids;
  const b = large.ids;
  for (let k = 0; k < small.n && lo < large.n; k++) {
    const id = a[k] as number;
    let step = 1;
    let hi = lo;
    while (hi < large.n && (b[hi] as number) < id) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = Math.min(hi, large.n);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((b[mid] as number) < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo < large.n && b[lo] === id) out[n++] = id;
  }
  return { ids: out, n };
}

export class InfixIndex<T> {
  private readonly words: string[] = [];
  private readonly values: T[] = [];
  /** Trigram key → ids (places in `words`) of the words with that trigram at position 1 or later; ascending, each once. */
  private readonly lists = new Map<number, IdList>();

  /** Number of words added. */
  get size(): number {
    return this.words.length;
  }

  /** Adds a word with its value; add each word once (the search index adds a term when it first sees it). */
  add(word: string, value: T): void {
    if (word.length < MIN_WORD) return;
    const id = this.words.length;
    this.words.push(word);
    this.values.push(value);
    for (let i = 1; i + 3 <= word.length; i++) {
      const key = trigramKey(word, i);
      const list = this.lists.get(key);
      if (!list) {
        const ids = new Int32Array(4);
        ids[0] = id;
        this.lists.set(key, { ids, n: 1 });
        // A word's ids are appended one after another, so a repeated trigram of the same word is at the end.
      } else if (list.ids[list.n - 1] !== id) {
        if (list.n === list.ids.length) {
          const grown = new Int32Array(list.n * 2);
          grown.set(list.ids);
          list.ids = grown;
        }
        list.ids[list.n++] = id;
      }
    }
  }

  /** Calls `found` for every added word that contains `part` at position 1 or later; `part` must have 3 or more units. */
  forEachContaining(part: string, found: (word: string, value: T) => void): void {
    if (part.length < 3) throw new Error('InfixIndex: a part needs at least 3 characters');
    const lists: IdList[] = [];
    for (let i = 0; i + 3 <= part.length; i++) {
      const list = this.lists.get(trigramKey(part, i));
      if (!list) return;
      lists.push(list);
    }
    lists.sort((a, b) => a.n - b.n);
    let candidates = lists[0] as IdList;
    for (let j = 1; j < lists.length && j < MAX_LISTS && candidates.n > 8; j++) {
      if (lists[j] !== lists[j - 1]) candidates = intersect(candidates, lists[j] as IdList);
    }
    const words = this.words;
    const ids = candidates.ids;
    for (let k = 0; k < candidates.n; k++) {
      const id = ids[k] as number;
      const word = words[id] as string;
      if (word.indexOf(part, 1) !== -1) found(word, this.values[id] as T);
    }
  }
}
