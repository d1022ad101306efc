// Q1: search over a library of 10,000 generated referater with the app's in-memory index (src/core/searchIndex.ts,
// built and queried as src/ui/hooks/useSearchIndex.ts and SearchPage.tsx do), per query, against a linear scan of
// the same texts folded once, and against the library MiniSearch with the app's folding plugged in. Also the index
// build (against folding those texts, and against MiniSearch's build) and the heap each index holds.
import { alternate, collectGarbage, timeSync } from '../alternate.mjs';
import { searchModules } from '../appModules.mjs';
import { fmtBytes, fmtMs } from '../format.mjs';
import { linearScan } from '../linearScan.mjs';
import { miniSearchArm, miniSearchVersion } from '../miniSearchArm.mjs';
import { distribution, makeRow, medianOf } from '../rows.mjs';
import { benchQueries } from '../searchQueries.mjs';
import { median } from '../stats.mjs';

const LIBRARY_SIZE = 10_000;
const TARGET_P95_MS = 50;
/** What SearchPage asks for: the first page of hits, with snippets. */
const PAGE = 50;

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const m = await searchModules();
  const t0 = performance.now();
  const rows = m.generateLibrary(LIBRARY_SIZE, 2026);
  ctx.log(`generated ${rows.length} index rows in ${fmtMs(performance.now() - t0)}`);
  const texts = rows.map((r) => m.SEARCH_FIELDS.map((f) => m.searchFieldTexts(r, f).join('\n')).join('\n'));
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const queries = benchQueries({ count: ctx.quick ? 100 : 400 });
  const buildRounds = ctx.quick ? 1 : 5;
  const queryRounds = ctx.quick ? 1 : 5;
  // MiniSearch builds and answers several times slower than our index: fewer rounds keep Q1 within its time.
  const miniBuildRounds = ctx.quick ? 1 : 3;
  const miniQueryRounds = 1;
  const msName = `MiniSearch ${miniSearchVersion()}`;

  // Each build is also weighed: the memory it holds (heapUsed plus typed-array backing stores, which V8 keeps off
  // its heap, after a full GC, after the build minus before it).
  /** @type {{ index: number[], scan: number[], mini: number[] }} */
  const heap = { index: [], scan: [], mini: [] };
  /**
   * @param {() => unknown} build
   * @param {number[]} held
   * @returns {number} ms
   */
  const buildAndWeigh = (build, held) => {
    collectGarbage();
    const before = heldBytes();
    const ms = timeSync(build);
    collectGarbage();
    held.push(heldBytes() - before);
    return ms;
  };

  // Build: the index the app keeps (every row put, then prepared), against folding the same texts once; then
  // against MiniSearch's index of the same rows.
  /** @type {import('../appModules.mjs').SearchIndexInstance | null} */
  let index = null;
  /** @type {import('../linearScan.mjs').LinearScan | null} */
  let scan = null;
  /** @type {import('../miniSearchArm.mjs').MiniSearchArm | null} */
  let mini = null;
  const build = await alternate(
    buildRounds,
    () => ((index = null), buildAndWeigh(() => (index = new m.SearchIndex(rows)), heap.index)),
    () => ((scan = null), buildAndWeigh(() => (scan = linearScan(texts, m.danishFold)), heap.scan)),
    { onRound: (r, a, f) => ctx.log(`build round ${r + 1}/${buildRounds}: index ${fmtMs(a)}, fold ${fmtMs(f)}`) },
  );
  const miniBuild = await alternate(
    miniBuildRounds,
    () => ((index = null), buildAndWeigh(() => (index = new m.SearchIndex(rows)), heap.index)),
    () => ((mini = null), buildAndWeigh(() => (mini = miniSearchArm(rows, m)), heap.mini)),
    { onRound: (r, a, f) => ctx.log(`build round ${r + 1}/${miniBuildRounds}: index ${fmtMs(a)}, MiniSearch ${fmtMs(f)}`) },
  );
  ctx.log(`heap held: index ${fmtBytes(medianOf(heap.index).p50)}, folded texts ${fmtBytes(medianOf(heap.scan).p50)}, MiniSearch ${fmtBytes(medianOf(heap.mini).p50)}`);
  const idx = /** @type {import('../appModules.mjs').SearchIndexInstance} */ (/** @type {unknown} */ (index));
  const lin = /** @type {import('../linearScan.mjs').LinearScan} */ (/** @type {unknown} */ (scan));
  const arm = /** @type {import('../miniSearchArm.mjs').MiniSearchArm} */ (/** @type {unknown} */ (mini));
  if (idx.size !== LIBRARY_SIZE || lin.size !== LIBRARY_SIZE || arm.size !== LIBRARY_SIZE) {
    throw new Error(`Q1: index holds ${idx.size} rows, scan ${lin.size}, MiniSearch ${arm.size}`);
  }

  // Queries: the same list in the same order on both sides, one sample per query, ABBA per query; then the same
  // against MiniSearch.
  const noTrash = new Set();
  /** @type {Map<string, { app: number, floor: number }>} */
  const totals = new Map();
  const samples = await alternate(
    queries.length * queryRounds,
    eachQuery(queries, (q) => {
      const total = idx.search(q.text, { excludeIds: noTrash }, { limit: PAGE }).total;
      totals.set(q.text, { app: total, floor: totals.get(q.text)?.floor ?? -1 });
    }),
    eachQuery(queries, (q) => {
      const total = lin.count(q.text);
      totals.set(q.text, { app: totals.get(q.text)?.app ?? -1, floor: total });
    }),
    { gc: false, onRound: (r) => (r + 1) % queries.length === 0 && ctx.log(`query round ${(r + 1) / queries.length}/${queryRounds}`) },
  );
  const miniSamples = await alternate(
    queries.length * miniQueryRounds,
    eachQuery(queries, (q) => idx.search(q.text, { excludeIds: noTrash }, { limit: PAGE })),
    eachQuery(queries, (q) => arm.search(q.text, { excludeIds: noTrash }, { limit: PAGE })),
    { gc: false, onRound: (r) => (r + 1) % queries.length === 0 && ctx.log(`query round ${(r + 1) / queries.length}/${miniQueryRounds} against MiniSearch`) },
  );

  // Sanity: a word that starts a word, or sits inside one, is also a substring (index ⊆ scan); the halves of
  // compounds find something; words nobody wrote find nothing. (A compound half that starts with "a" may find more
  // than the scan: "ansvar" also finds "dataansvar", folded "datånsvar".)
  let hits = 0;
  for (const q of queries) {
    const t = totals.get(q.text);
    if (!t) throw new Error(`Q1: no result for ${q.text}`);
    if ((q.kind === 'word' || q.kind === 'prefix') && (t.app === 0 || t.app > t.floor)) {
      throw new Error(`Q1: "${q.text}" found ${t.app} referater with the index, ${t.floor} by scanning`);
    }
    if (q.kind === 'compound' && (t.app === 0 || (!q.text.startsWith('a') && t.app > t.floor))) {
      throw new Error(`Q1: compound half "${q.text}" found ${t.app} referater with the index, ${t.floor} by scanning`);
    }
    if (q.kind === 'no hit' && (t.app !== 0 || t.floor !== 0)) throw new Error(`Q1: "${q.text}" should find nothing`);
    if (t.app > 0) hits++;
  }
  const totalsApp = queries.map((q) => totals.get(q.text)?.app ?? 0);

  // Agreement: MiniSearch, given the app's folding, words and prefixes, must find the same referater (untimed,
  // every hit), except that ours also finds words inside compounds, which MiniSearch cannot: there ours may find
  // more, never less. Its ranking (BM25 × field boost) differs, so the first page is compared as an overlap only.
  const agreement = compareResults(queries, idx, arm, noTrash);
  for (const d of agreement.differing.slice(0, 5)) ctx.log(`MiniSearch differs on "${d.query}": ${d.why}`);
  const differ = agreement.differing.length;
  const missed = agreement.differing.filter((d) => d.onlyTheirs > 0);

  const perQuery = makeRow({
    id: 'Q1',
    label: `search ${LIBRARY_SIZE.toLocaleString('en')} referater (${queries.length} queries)`,
    unit: 'ms',
    app: distribution(samples.app),
    floor: distribution(samples.floor),
    floorLabel: 'linear scan: every row folded once (danishFold), each query word looked for with includes',
    rounds: `${queries.length} queries × ${queryRounds} (ABBA per query)`,
    target: `p95 ≤ ${TARGET_P95_MS} ms`,
    met: null,
    note: '',
  });
  perQuery.met = perQuery.app.p95 !== null && perQuery.app.p95 <= TARGET_P95_MS;
  perQuery.note =
    `index.search(q, { excludeIds }, { limit: ${PAGE} }) with snippets, as SearchPage; ${hits} of ${queries.length} queries find something, ` +
    `median ${median(totalsApp)} hits; ${(chars / 1e6).toFixed(1)} M characters in ${LIBRARY_SIZE.toLocaleString('en')} rows, ${idx.termCount.toLocaleString('en')} distinct words; ` +
    `words, prefixes, halves of compounds (found inside words), "aa"/"å" place names, parties, people, two-word mixes, words with no hit`;

  const perQueryMini = makeRow({
    id: 'Q1',
    label: `search ${LIBRARY_SIZE.toLocaleString('en')} referater (${queries.length} queries): our index vs ${msName}`,
    unit: 'ms',
    app: distribution(miniSamples.app),
    floor: distribution(miniSamples.floor),
    floorLabel:
      `not a floor but the library the issue names: ${msName} over the same rows, its tokenize = the app's searchTerms (danishFold, then words), ` +
      'processTerm kept as is, prefix search, every word required (AND; a word ending in "a" also as "…å", as parseSearchQuery), fields boosted ' +
      `by SEARCH_FIELD_WEIGHTS, then the first ${PAGE} hits with the app's snippets; no search inside compound words (MiniSearch has none)`,
    rounds: `${queries.length} queries × ${miniQueryRounds} (ABBA per query)`,
    target: 'context: the decision in src/core/README.md',
    met: null,
    note:
      `same referater found for ${queries.length - differ} of ${queries.length} queries` +
      (differ > 0 ? `; ours finds more for ${differ - missed.length} (matches inside compounds, e.g. ${agreement.differing.slice(0, 2).map((d) => `"${d.query}" ${d.why}`).join('; ')})` : '') +
      (missed.length > 0 ? `; MiniSearch finds referater ours misses for ${missed.length} (${missed.slice(0, 3).map((d) => `"${d.query}" ${d.why}`).join('; ')})` : '') +
      `; first page of ${PAGE} shared by the two rankings: median ${median(agreement.overlaps)} of the ${PAGE} ` +
      `(ours: weight of each word's best field, newest meeting first; MiniSearch: BM25 × boost); ${arm.termCount.toLocaleString('en')} distinct words in MiniSearch`,
  });

  const buildRow = makeRow({
    id: 'Q1',
    label: `build the search index of ${LIBRARY_SIZE.toLocaleString('en')} referater`,
    unit: 'ms',
    app: medianOf(build.app),
    floor: medianOf(build.floor),
    floorLabel: 'danishFold of the same texts, once per row',
    rounds: `${buildRounds} + ${buildRounds} (ABBA)`,
    target: 'context, no target',
    met: null,
    note: `new SearchIndex(rows): every row put, the terms sorted and their trigrams listed (compound search); the app does this in 12 ms slices (useSearchIndex) while the search page shows progress`,
  });

  const buildRowMini = makeRow({
    id: 'Q1',
    label: `build the search index of ${LIBRARY_SIZE.toLocaleString('en')} referater: our index vs ${msName}`,
    unit: 'ms',
    app: medianOf(miniBuild.app),
    floor: medianOf(miniBuild.floor),
    floorLabel: `${msName}: new MiniSearch({ … }) and addAll(rows) with the options of the search row, plus a Map of the rows by id (MiniSearch returns ids)`,
    rounds: `${miniBuildRounds} + ${miniBuildRounds} (ABBA)`,
    target: 'context: the decision in src/core/README.md',
    met: null,
    note: `both tokenise with the app's searchTerms, so the difference is the index structure (ours: posting lists, a sorted term array and the terms' trigram lists; MiniSearch: a radix tree with per-field term frequencies)`,
  });

  const heapRow = makeRow({
    id: 'Q1',
    label: `heap held by the search index of ${LIBRARY_SIZE.toLocaleString('en')} referater: our index vs ${msName}`,
    unit: 'bytes',
    app: medianOf(heap.index),
    floor: medianOf(heap.mini),
    floorLabel: `${msName}, built as in the build row`,
    rounds: `${buildRounds + miniBuildRounds} + ${miniBuildRounds}, one per build`,
    target: 'context: the decision in src/core/README.md',
    met: null,
    note:
      `V8 heapUsed + arrayBuffers (the typed arrays of the trigram lists live off the heap) after a full GC, after the build minus before it (the rows themselves are held by both and not counted); ` +
      `the linear scan's folded texts hold ${fmtBytes(medianOf(heap.scan).p50)}`,
  });
  return [perQuery, perQueryMini, buildRow, buildRowMini, heapRow];
}

/** What the process holds in JS objects and typed arrays. */
function heldBytes() {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * One side's measure for `alternate`: each call times `search` on the next query, in order, round after round.
 * @param {readonly import('../searchQueries.mjs').BenchQuery[]} queries
 * @param {(q: import('../searchQueries.mjs').BenchQuery) => unknown} search
 * @returns {() => number} ms
 */
function eachQuery(queries, search) {
  let i = 0;
  return () => {
    const q = /** @type {import('../searchQueries.mjs').BenchQuery} */ (queries[i++ % queries.length]);
    return timeSync(() => search(q));
  };
}

/**
 * Every query through both indexes, every hit: the queries whose sets of referater differ, with why, and how many
 * of the first page the two rankings share.
 * @param {readonly import('../searchQueries.mjs').BenchQuery[]} queries
 * @param {import('../appModules.mjs').SearchIndexInstance} idx
 * @param {import('../miniSearchArm.mjs').MiniSearchArm} arm
 * @param {ReadonlySet<string>} excludeIds
 * @returns {{ differing: Array<{ query: string, why: string, onlyTheirs: number }>, overlaps: number[] }}
 */
function compareResults(queries, idx, arm, excludeIds) {
  /** @type {Array<{ query: string, why: string, onlyTheirs: number }>} */
  const differing = [];
  /** @type {number[]} */
  const overlaps = [];
  for (const q of queries) {
    const ours = idx.search(q.text, { excludeIds }, { limit: Number.POSITIVE_INFINITY, snippets: false });
    const theirs = arm.search(q.text, { excludeIds }, { limit: Number.POSITIVE_INFINITY, snippets: false });
    const a = new Set(ours.hits.map((h) => h.id));
    const b = new Set(theirs.hits.map((h) => h.id));
    const onlyOurs = [...a].filter((id) => !b.has(id)).length;
    const onlyTheirs = [...b].filter((id) => !a.has(id)).length;
    if (onlyOurs > 0 || onlyTheirs > 0) differing.push({ query: q.text, why: `${onlyOurs} only in ours, ${onlyTheirs} only in MiniSearch`, onlyTheirs });
    const firstPage = new Set(ours.hits.slice(0, PAGE).map((h) => h.id));
    overlaps.push(theirs.hits.slice(0, PAGE).filter((h) => firstPage.has(h.id)).length);
  }
  return { differing, overlaps };
}
