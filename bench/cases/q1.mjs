// Q1: search over a library of 10,000 generated referater with the app's in-memory index (src/core/searchIndex.ts,
// built and queried as src/ui/hooks/useSearchIndex.ts and SearchPage.tsx do), per query, against a linear scan of
// the same texts folded once. Also the index build, against folding those texts.
import { alternate, collectGarbage, timeSync } from '../alternate.mjs';
import { searchModules } from '../appModules.mjs';
import { fmtMs } from '../format.mjs';
import { linearScan } from '../linearScan.mjs';
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

  // Build: the index the app keeps (every row put, then prepared), against folding the same texts once.
  /** @type {import('../appModules.mjs').SearchIndexInstance | null} */
  let index = null;
  /** @type {import('../linearScan.mjs').LinearScan | null} */
  let scan = null;
  const build = await alternate(
    buildRounds,
    () => {
      index = null;
      collectGarbage();
      return timeSync(() => (index = new m.SearchIndex(rows)));
    },
    () => {
      scan = null;
      collectGarbage();
      return timeSync(() => (scan = linearScan(texts, m.danishFold)));
    },
    { onRound: (r, a, f) => ctx.log(`build round ${r + 1}/${buildRounds}: index ${fmtMs(a)}, fold ${fmtMs(f)}`) },
  );
  const idx = /** @type {import('../appModules.mjs').SearchIndexInstance} */ (/** @type {unknown} */ (index));
  const lin = /** @type {import('../linearScan.mjs').LinearScan} */ (/** @type {unknown} */ (scan));
  if (idx.size !== LIBRARY_SIZE || lin.size !== LIBRARY_SIZE) throw new Error(`Q1: index holds ${idx.size} rows, scan ${lin.size}`);

  // Queries: the same list in the same order on both sides, one sample per query, ABBA per query.
  const noTrash = new Set();
  /** @type {Map<string, { app: number, floor: number }>} */
  const totals = new Map();
  let ai = 0;
  let fi = 0;
  const samples = await alternate(
    queries.length * queryRounds,
    () => {
      const q = /** @type {import('../searchQueries.mjs').BenchQuery} */ (queries[ai++ % queries.length]);
      let total = 0;
      const ms = timeSync(() => (total = idx.search(q.text, { excludeIds: noTrash }, { limit: PAGE }).total));
      totals.set(q.text, { app: total, floor: totals.get(q.text)?.floor ?? -1 });
      return ms;
    },
    () => {
      const q = /** @type {import('../searchQueries.mjs').BenchQuery} */ (queries[fi++ % queries.length]);
      let total = 0;
      const ms = timeSync(() => (total = lin.count(q.text)));
      totals.set(q.text, { app: totals.get(q.text)?.app ?? -1, floor: total });
      return ms;
    },
    { gc: false, onRound: (r) => (r + 1) % queries.length === 0 && ctx.log(`query round ${(r + 1) / queries.length}/${queryRounds}`) },
  );

  // Sanity: a word that starts a word is also a substring (index ⊆ scan); words nobody wrote find nothing.
  let hits = 0;
  for (const q of queries) {
    const t = totals.get(q.text);
    if (!t) throw new Error(`Q1: no result for ${q.text}`);
    if ((q.kind === 'word' || q.kind === 'prefix') && (t.app === 0 || t.app > t.floor)) {
      throw new Error(`Q1: "${q.text}" found ${t.app} referater with the index, ${t.floor} by scanning`);
    }
    if (q.kind === 'no hit' && (t.app !== 0 || t.floor !== 0)) throw new Error(`Q1: "${q.text}" should find nothing`);
    if (t.app > 0) hits++;
  }
  const totalsApp = queries.map((q) => totals.get(q.text)?.app ?? 0);

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
    `words, prefixes, "aa"/"å" place names, parties, people, two-word mixes, words with no hit`;

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
    note: `new SearchIndex(rows): every row put and the terms sorted; the app does this in 12 ms slices (useSearchIndex) while the search page shows progress`,
  });
  return [perQuery, buildRow];
}
