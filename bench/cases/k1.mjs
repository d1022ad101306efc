// K1: keystroke to next frame while replaying a real editing trace (seph-blog1) with real key events into a
// 50-page referat in the app (Tiptap + Collaboration, DocStore persistence and the library index on), against
// plain Tiptap with the same extensions minus Collaboration on the same content and keys (bench tools page, same
// browser). Per key: keydown until after the next animation frame; and long tasks (> 50 ms) while typing.
import { alternate } from '../alternate.mjs';
import { newToolsPage, withBenchBuild } from '../benchBuild.mjs';
import { makeBigReferat, openInApp, storeBigReferat } from '../browserReferat.mjs';
import { fmtMs } from '../format.mjs';
import { installKeyProbe, pressMeasured, readProbe } from '../keyProbe.mjs';
import { distribution, makeRow } from '../rows.mjs';
import { traceKeyActions } from '../traceKeys.mjs';
import { loadTrace } from '../traces.mjs';

const TARGET_MS = 16;
const LONG_TASK_MS = 50;
const TXNS_PER_ROUND = 50;
const QUICK_TXNS_PER_ROUND = 30;
const QUICK_WARM_UP_TXNS = 10;
const MARKER = 'QZXk';

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const rounds = ctx.quick ? 2 : 10;
  const perRound = ctx.quick ? QUICK_TXNS_PER_ROUND : TXNS_PER_ROUND;
  const trace = loadTrace('seph-blog1', { generatedTxns: (rounds + 1) * perRound });
  return withBenchBuild(ctx.dist, async ({ browser, url }) => {
    const context = await browser.newContext();
    try {
      const tools = await newToolsPage(context, url);
      const referat = await makeBigReferat(1000);
      await storeBigReferat(tools, referat);
      const app = await context.newPage();
      app.setDefaultTimeout(120_000);
      await openInApp(app, url, referat);
      await tools.evaluate((b64) => void (/** @type {any} */ (window).__floorEditorFor(b64)), referat.b64);

      /** Each side replays the same transactions into its own editor, from its own model of the text. */
      const sides = [app, tools].map((page) => ({ page, state: { text: trace.startContent, caret: 0 }, next: 0, base: 0, keys: 0, windows: /** @type {Array<[number, number]>} */ ([]) }));
      for (const side of sides) {
        await side.page.evaluate(installKeyProbe, '.ProseMirror');
        side.base = await side.page.evaluate((m) => /** @type {any} */ (window).__probeMarkedParagraph(m), MARKER);
        if (trace.startContent) throw new Error('K1: a trace with start content is not supported');
      }
      /** @param {typeof sides[number]} side @param {number} [count] trace transactions to replay */
      const typeRound = async (side, count = perRound) => {
        const { page } = side;
        await page.bringToFront();
        const from = side.next;
        side.next += count;
        const start = await page.evaluate(() => performance.now());
        for (const action of traceKeyActions(trace.txns, side.state, from, side.next)) {
          if (action.kind === 'caret') {
            await page.evaluate(({ a, b }) => /** @type {any} */ (window).__probeSelect(a, b), { a: side.base + action.pmFrom, b: side.base + action.pmTo });
          } else if (action.kind === 'paste') {
            await page.evaluate(({ at, text }) => /** @type {any} */ (window).__probePaste(at, text), { at: side.base + action.pmAt, text: action.text });
          } else {
            await pressMeasured(page, action.key);
            side.keys++;
          }
        }
        side.windows.push([start, await page.evaluate(() => performance.now())]);
        return 0;
      };
      const [appSide, floorSide] = /** @type {[typeof sides[number], typeof sides[number]]} */ (sides);
      // Warm-up round on each side, not recorded (shorter in a quick run).
      await typeRound(appSide, ctx.quick ? QUICK_WARM_UP_TXNS : perRound);
      await typeRound(floorSide, ctx.quick ? QUICK_WARM_UP_TXNS : perRound);
      const skip = [(await readProbe(app)).keys.length, (await readProbe(tools)).keys.length];
      appSide.windows.length = 0;
      floorSide.windows.length = 0;
      await alternate(rounds, () => typeRound(appSide), () => typeRound(floorSide), {
        gc: false,
        onRound: (r) => ctx.log(`round ${r + 1}/${rounds}: ${appSide.keys} + ${floorSide.keys} keys so far`),
      });

      /** @param {typeof sides[number]} side @param {number} skipped */
      const collect = async (side, skipped) => {
        const probe = await readProbe(side.page);
        const keys = probe.keys.slice(skipped);
        const inWindows = probe.longTasks.filter((t) => t.duration > LONG_TASK_MS && side.windows.some(([a, b]) => t.start >= a && t.start <= b));
        const text = await side.page.evaluate((m) => /** @type {any} */ (window).__probeTextFrom(m), MARKER);
        if (text !== MARKER + side.state.text) {
          throw new Error(`K1: the editor holds ${JSON.stringify(text.slice(-80))}, the trace ${JSON.stringify((MARKER + side.state.text).slice(-80))}`);
        }
        return { paint: keys.map((k) => k.paint ?? NaN), dispatch: keys.map((k) => k.dispatch), longTasks: inWindows.map((t) => t.duration) };
      };
      const a = await collect(appSide, /** @type {number} */ (skip[0]));
      const f = await collect(floorSide, /** @type {number} */ (skip[1]));
      const row = makeRow({
        id: 'K1',
        label: `keystroke → next frame, ${trace.name} replayed into a 50-page referat (${referat.blocks} blocks)`,
        unit: 'ms',
        app: distribution(a.paint),
        floor: distribution(f.paint),
        floorLabel: 'plain Tiptap, the same extensions without Collaboration, same content and keys (bench tools page, same browser)',
        rounds: `${a.paint.length} + ${f.paint.length} keys (trace txns ${perRound} per round, ${rounds} rounds ABBA)`,
        target: `p95 ≤ ${TARGET_MS} ms, no long task > ${LONG_TASK_MS} ms`,
        met: null,
        note: '',
      });
      row.met = row.app.p95 !== null && row.app.p95 <= TARGET_MS && a.longTasks.length === 0;
      const longest = (/** @type {number[]} */ xs) => (xs.length ? `, longest ${fmtMs(Math.max(...xs))}` : '');
      row.note =
        `long tasks > ${LONG_TASK_MS} ms while typing: app ${a.longTasks.length}${longest(a.longTasks)}, floor ${f.longTasks.length}${longest(f.longTasks)}; ` +
        `view.dispatch p50 app ${fmtMs(distribution(a.dispatch).p50)}, floor ${fmtMs(distribution(f.dispatch).p50)}; ` +
        `caret moves and pastes of the trace done between keys, unmeasured; characters that fire input rules swapped for letters; typed text checked on both sides`;
      return [row];
    } finally {
      await context.close();
    }
  });
}
