// An in-memory inverted index over library index rows: Danish-aware prefix and compound search, ranked by field, with filters.
//
// Structure: every distinct folded word (term) has a posting list of numbers `slot * 64 + fieldMask`, one per
// row holding the term, where the mask says in which fields (searchFields.ts) it occurs. The terms are also
// kept in a sorted array, so the terms starting with a prefix are one contiguous run found by binary search,
// and in a trigram index (infixIndex.ts), so the terms holding a query word inside them (compounds) are found too.
// A word matched only inside compounds counts for less than any match at the start of a word (COMPOUND_SHARE).
// A row that changes gets a new slot; the old slot becomes a tombstone that queries skip, and the posting
// lists are compacted once tombstones make up a large share of them. So replacing one row costs only the
// tokenizing of that row, never a rebuild.
import type { ReferatStatus } from './meta';
import { InfixIndex } from './infixIndex';
import { parseSearchQuery, type QueryTerm } from './searchQuery';
import { SEARCH_FIELDS, SEARCH_FIELD_WEIGHTS, searchFieldTexts, type SearchableEntry, type SearchField } from './searchFields';
import { searchSnippet, type Snippet } from './searchSnippet';
import { searchTerms } from './searchTokens';

export interface SearchFilters {
  /** Only rows with this organisation among their parties (exact). */
  party?: string;
  /** Only meetings on or after this date (`YYYY-MM-DD`); rows without a date are left out when a period is set. */
  from?: string;
  /** Only meetings on or before this date. */
  to?: string;
  status?: ReferatStatus;
  /** Rows to leave out, e.g. the referater in the trash. */
  excludeIds?: ReadonlySet<string>;
}

export interface SearchOptions {
  /** How many hits to return with their snippet (default 50); `total` counts them all. */
  limit?: number;
  /** Whether to make the hits' snippets (default true); without, `snippet` is null. */
  snippets?: boolean;
}

export interface SearchHit<T> {
  id: string;
  entry: T;
  /**
   * Sum over the query's words of the weight of the best field each matched at the start of a word, or, for a word
   * matched only inside compound words, COMPOUND_SHARE of that; 0 for a query with no words.
   */
  score: number;
  /** The fields any word matched, best first. */
  fields: SearchField[];
  /** An excerpt of the best matched field with the matches marked; null for a query with no words (or when not asked for). */
  snippet: (Snippet & { field: SearchField }) | null;
}

export interface SearchResults<T> {
  total: number;
  hits: SearchHit<T>[];
}

interface Slot<T> {
  entry: T;
  /** Meeting date and time in minutes, -1 when undated: newest first, undated last (as compareEntries). */
  when: number;
  /** Creation time in milliseconds, 0 when unknown: the tie-break between meetings at the same time. */
  created: number;
  postings: number;
}

const FIELD_SHIFT = 6;
const FIELD_MASK = (1 << FIELD_SHIFT) - 1;
/** Slots are renumbered by compaction before posting values could leave the 31-bit integers that bit operations need. */
const MAX_SLOTS = 1 << (30 - FIELD_SHIFT);
const DEFAULT_LIMIT = 50;

/**
 * What a query word matched only inside compounds counts, as a share of its best field's weight: a sixteenth, so
 * that even in the title (8 / 16) it counts less than a whole word or prefix in the text (1).
 */
export const COMPOUND_SHARE = 1 / 16;

/** For every field mask, the weight of its best field. */
const MASK_WEIGHT: number[] = Array.from({ length: FIELD_MASK + 1 }, (_, mask) => {
  let best = 0;
  SEARCH_FIELDS.forEach((f, bit) => {
    if (mask & (1 << bit)) best = Math.max(best, SEARCH_FIELD_WEIGHTS[f]);
  });
  return best;
});

/**
 * A query word's score on a row from its match bits (searchIndex's `wordMatches`): the fields matched at the start
 * of a word in the low 6 bits, those matched only inside a word in the next 6.
 */
const WORD_SCORE: number[] = Array.from({ length: 1 << (2 * FIELD_SHIFT) }, (_, bits) => {
  const prefix = bits & FIELD_MASK;
  return prefix !== 0 ? (MASK_WEIGHT[prefix] as number) : (MASK_WEIGHT[bits >>> FIELD_SHIFT] as number) * COMPOUND_SHARE;
});

function startsWithAny(term: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (term.startsWith(p)) return true;
  return false;
}

/** First index in the sorted array whose term is not less than `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function meetingMinutes(e: SearchableEntry): number {
  if (!e.date) return -1;
  const t = Date.parse(`${e.date}T${/^\d\d:\d\d$/.test(e.startTime) ? e.startTime : '00:00'}:00Z`);
  return Number.isNaN(t) ? -1 : t / 60_000;
}

function createdMillis(e: SearchableEntry): number {
  const t = Date.parse(e.createdAt);
  return Number.isNaN(t) ? 0 : t;
}

export class SearchIndex<T extends SearchableEntry> {
  private slots: Array<Slot<T> | undefined> = [];
  private readonly byId = new Map<string, number>();
  private postings = new Map<string, number[]>();
  private sortedTerms: string[] = [];
  /** Every term, for finding the terms that hold a query word inside them. */
  private infixes = new InfixIndex<number[]>();
  /** Terms added since the sorted array was last brought up to date. */
  private newTerms: string[] = [];
  private livePostings = 0;
  private deadPostings = 0;

  constructor(entries: Iterable<T> = []) {
    for (const e of entries) this.put(e);
    this.prepare();
  }

  /** Number of rows in the index. */
  get size(): number {
    return this.byId.size;
  }

  /** Number of distinct folded words. */
  get termCount(): number {
    return this.postings.size;
  }

  get(id: string): T | undefined {
    const slot = this.byId.get(id);
    return slot === undefined ? undefined : this.slots[slot]?.entry;
  }

  /** Adds a row, or replaces the row with the same id. */
  put(entry: T): void {
    this.removeSlot(entry.id);
    if (this.slots.length >= MAX_SLOTS) this.compact();
    const slot = this.slots.length;
    const masks = new Map<string, number>();
    SEARCH_FIELDS.forEach((field, bit) => {
      const flag = 1 << bit;
      for (const text of searchFieldTexts(entry, field)) {
        for (const term of searchTerms(text)) masks.set(term, (masks.get(term) ?? 0) | flag);
      }
    });
    const base = slot << FIELD_SHIFT;
    for (const [term, mask] of masks) {
      let list = this.postings.get(term);
      if (!list) {
        list = [];
        this.postings.set(term, list);
        this.newTerms.push(term);
        this.infixes.add(term, list);
      }
      list.push(base | mask);
    }
    this.slots.push({ entry, when: meetingMinutes(entry), created: createdMillis(entry), postings: masks.size });
    this.byId.set(entry.id, slot);
    this.livePostings += masks.size;
    this.maybeCompact();
  }

  /** Removes a row; false if it was not there. */
  remove(id: string): boolean {
    const had = this.removeSlot(id);
    if (had) this.maybeCompact();
    return had;
  }

  search(query: string, filters: SearchFilters = {}, options: SearchOptions = {}): SearchResults<T> {
    const terms = parseSearchQuery(query);
    const limit = options.limit ?? DEFAULT_LIMIT;
    const passes = (e: T) => this.passes(e, filters);
    const slots = this.slots;
    const scores = new Float64Array(slots.length);
    const found: number[] = [];
    let perTerm: Uint16Array[] = [];

    if (terms.length === 0) {
      slots.forEach((s, slot) => {
        if (s && passes(s.entry)) found.push(slot);
      });
    } else {
      perTerm = terms.map((q) => this.wordMatches(q));
      const first = perTerm[0] as Uint16Array;
      for (let slot = 0; slot < first.length; slot++) {
        if (first[slot] === 0) continue;
        let score = 0;
        let all = true;
        for (const masks of perTerm) {
          const m = masks[slot] as number;
          if (m === 0) {
            all = false;
            break;
          }
          score += WORD_SCORE[m] as number;
        }
        const s = slots[slot];
        if (all && s && passes(s.entry)) {
          scores[slot] = score;
          found.push(slot);
        }
      }
    }

    // Best score first, then newest meeting, then newest created, then id.
    const order = (a: number, b: number): number => {
      const d = (scores[b] as number) - (scores[a] as number);
      if (d !== 0) return d;
      const sa = slots[a] as Slot<T>;
      const sb = slots[b] as Slot<T>;
      if (sa.when !== sb.when) return sb.when - sa.when;
      if (sa.created !== sb.created) return sb.created - sa.created;
      return sa.entry.id < sb.entry.id ? -1 : sa.entry.id > sb.entry.id ? 1 : 0;
    };
    const top = topK(found, limit, order);

    const hits = top.map((slot) => {
      const entry = (slots[slot] as Slot<T>).entry;
      const score = scores[slot] as number;
      let mask = 0;
      for (const masks of perTerm) mask |= (masks[slot] as number) | ((masks[slot] as number) >>> FIELD_SHIFT);
      const fields = SEARCH_FIELDS.filter((_, bit) => mask & (1 << bit));
      return { id: entry.id, entry, score, fields, snippet: options.snippets === false ? null : snippetFor(entry, fields, terms) };
    });
    return { total: found.length, hits };
  }

  /**
   * For one query word, per slot: in the low 6 bits the fields in which some term starting with one of its prefixes
   * occurs; in the next 6 the fields in which some term holds it after its first letter (and does not start with it).
   */
  private wordMatches(q: QueryTerm): Uint16Array {
    this.ensureSorted();
    const acc = new Uint16Array(this.slots.length);
    const mark = (list: readonly number[], shift: number) => {
      for (let k = 0; k < list.length; k++) {
        const v = list[k] as number;
        const slot = v >>> FIELD_SHIFT;
        acc[slot] = (acc[slot] as number) | ((v & FIELD_MASK) << shift);
      }
    };
    const sorted = this.sortedTerms;
    for (const prefix of q.prefixes) {
      for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
        const term = sorted[i] as string;
        if (!term.startsWith(prefix)) break;
        const list = this.postings.get(term);
        if (list) mark(list, 0);
      }
    }
    // A term found by two forms ("ansvar", "ånsvar") is marked twice, which changes nothing.
    for (const form of q.infixes) {
      this.infixes.forEachContaining(form, (term, list) => {
        if (!startsWithAny(term, q.prefixes)) mark(list, FIELD_SHIFT);
      });
    }
    return acc;
  }

  private passes(e: T, f: SearchFilters): boolean {
    if (f.excludeIds?.has(e.id)) return false;
    if (f.status && e.status !== f.status) return false;
    if (f.party && !e.parties.includes(f.party)) return false;
    if ((f.from || f.to) && !e.date) return false;
    if (f.from && e.date < f.from) return false;
    if (f.to && e.date > f.to) return false;
    return true;
  }

  private removeSlot(id: string): boolean {
    const slot = this.byId.get(id);
    if (slot === undefined) return false;
    const s = this.slots[slot];
    this.slots[slot] = undefined;
    this.byId.delete(id);
    if (s) {
      this.livePostings -= s.postings;
      this.deadPostings += s.postings;
    }
    return true;
  }

  /** Sorts the terms added since the last search now, so the next search does not have to (call it when idle). */
  prepare(): void {
    this.ensureSorted();
  }

  private ensureSorted(): void {
    if (this.newTerms.length === 0) return;
    const added = this.newTerms.toSorted();
    this.newTerms = [];
    const old = this.sortedTerms;
    if (old.length === 0) {
      this.sortedTerms = added;
      return;
    }
    // Merge: linear in the number of terms, instead of sorting everything again.
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < old.length && j < added.length) merged.push((old[i] as string) < (added[j] as string) ? (old[i++] as string) : (added[j++] as string));
    while (i < old.length) merged.push(old[i++] as string);
    while (j < added.length) merged.push(added[j++] as string);
    this.sortedTerms = merged;
  }

  private maybeCompact(): void {
    if (this.deadPostings > 50_000 && this.deadPostings > this.livePostings / 2) this.compact();
  }

  /** Drops tombstones: renumbers the live slots and rewrites every posting list. */
  private compact(): void {
    const renumber = new Int32Array(this.slots.length).fill(-1);
    const slots: Array<Slot<T> | undefined> = [];
    this.slots.forEach((s, old) => {
      if (!s) return;
      renumber[old] = slots.length;
      this.byId.set(s.entry.id, slots.length);
      slots.push(s);
    });
    const postings = new Map<string, number[]>();
    for (const [term, list] of this.postings) {
      const kept: number[] = [];
      for (const v of list) {
        const to = renumber[v >>> FIELD_SHIFT] as number;
        if (to >= 0) kept.push((to << FIELD_SHIFT) | (v & FIELD_MASK));
      }
      if (kept.length > 0) postings.set(term, kept);
    }
    this.slots = slots;
    this.postings = postings;
    this.infixes = new InfixIndex();
    for (const [term, list] of postings) this.infixes.add(term, list);
    this.ensureSorted();
    this.sortedTerms = this.sortedTerms.filter((t) => postings.has(t));
    this.deadPostings = 0;
  }
}

/** The first `k` items of `items` in `order`, sorted; without sorting them all when k is small. */
function topK(items: number[], k: number, order: (a: number, b: number) => number): number[] {
  if (items.length <= k * 4) return items.toSorted(order).slice(0, k);
  const top: number[] = [];
  for (const item of items) {
    if (top.length === k && order(item, top[k - 1] as number) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order(top[mid] as number, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

function snippetFor<T extends SearchableEntry>(entry: T, fields: readonly SearchField[], terms: readonly QueryTerm[]): SearchHit<T>['snippet'] {
  // Fields come best first; a field whose words matched only across separate texts may yield nothing, so go on.
  for (const field of fields) {
    const snippet = searchSnippet(searchFieldTexts(entry, field), terms);
    if (snippet) return { ...snippet, field };
  }
  return null;
}
