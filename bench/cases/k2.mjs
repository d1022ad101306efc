// K2: JavaScript per keystroke inside the editor's view.dispatch, in the app's editor (Tiptap + Collaboration on
// the referat's Y.XmlFragment, persistence and the index on) on a 50- and a 200-page referat, against plain
// Tiptap with the same extensions minus Collaboration on the same content (bench tools page, same browser), and
// beside raw Y.XmlText inserts into the same document (one transaction per key, same page as the floor).
import { alternate } from '../alternate.mjs';
import { newToolsPage, withBenchBuild } from '../benchBuild.mjs';
import { longReferatSize, makeBigReferat, openInApp, storeBigReferat } from '../browserReferat.mjs';
import { profileTop } from '../cpuProfile.mjs';
import { fmtMs } from '../format.mjs';
import { installKeyProbe, pressMeasured, readProbe } from '../keyProbe.mjs';
import { distribution, makeRow } from '../rows.mjs';
import { median } from '../stats.mjs';

const TARGET = 1.5;
const KEYS_PER_ROUND = 10;
const MARKER = 'QZXk';
const LETTERS = 'abcdefghijklmnopqrstuvwxyzæøå';

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const keys = ctx.quick ? 10 : 100;
  // A quick run measures one size only, its long referat (100 pages; the target is set at 200, in a full run).
  const long = longReferatSize(ctx);
  /** @type {Array<[number, number]>} pages, paragraphs */
  const sizes = ctx.quick ? [[long.pages, long.paragraphs]] : [[50, 1000], [long.pages, long.paragraphs]];
  const rounds = keys / KEYS_PER_ROUND;
  return withBenchBuild(ctx.dist, async ({ browser, url }) => {
    const context = await browser.newContext();
    try {
      const tools = await newToolsPage(context, url);
      const app = await context.newPage();
      app.setDefaultTimeout(120_000);
      /** @type {import('../rows.mjs').Row[]} */
      const rows = [];
      for (const [pages, paragraphs] of sizes) {
        const t0 = performance.now();
        const referat = await makeBigReferat(paragraphs);
        await storeBigReferat(tools, referat);
        ctx.log(`${pages} pages: ${referat.blocks} blocks, ${(referat.bytes / 1024).toFixed(0)} KiB typed and stored in ${fmtMs(performance.now() - t0)}`);
        await openInApp(app, url, referat);
        await app.evaluate(installKeyProbe, '.ProseMirror');
        await app.evaluate((m) => /** @type {any} */ (window).__probeMarkedParagraph(m), MARKER);
        await tools.evaluate((b64) => void (/** @type {any} */ (window).__floorEditorFor(b64, { yjs: true })), referat.b64);
        await tools.evaluate(installKeyProbe, '.ProseMirror');
        await tools.evaluate((m) => /** @type {any} */ (window).__probeMarkedParagraph(m), MARKER);
        await tools.evaluate((b64) => {
          const w = /** @type {any} */ (window);
          w.__raw = w.benchTools.rawTyping(b64);
          w.__rawMs = [];
        }, referat.b64);

        let typed = '';
        /** @param {import('playwright-core').Page} page */
        const typeRound = async (page) => {
          // A page in the background gets no animation frames: the typing page comes to the front first.
          await page.bringToFront();
          const at = await page.evaluate((m) => /** @type {any} */ (window).__probeFindMarker(m), MARKER);
          const len = typed.length;
          await page.evaluate(({ pos }) => /** @type {any} */ (window).__probeSelect(pos, pos), { pos: at + len });
          const chars = Array.from({ length: KEYS_PER_ROUND }, (_, i) => LETTERS[(len + i) % LETTERS.length] ?? 'a').join('');
          for (const ch of chars) await pressMeasured(page, ch);
          return chars;
        };
        let floorTyped = '';
        // Warm-up round on each side, not recorded.
        typed += await typeRound(app);
        floorTyped += await typeRoundFloor();
        async function typeRoundFloor() {
          const saved = typed;
          typed = floorTyped;
          const chars = await typeRound(tools);
          typed = saved;
          await tools.evaluate((c) => {
            const w = /** @type {any} */ (window);
            // One transaction per key, timed over the round (a single insert is below the timer's resolution).
            const t = performance.now();
            w.__raw.type(c);
            w.__rawMs.push((performance.now() - t) / c.length);
          }, chars);
          return chars;
        }
        const skip = { app: (await readProbe(app)).keys.length, floor: (await readProbe(tools)).keys.length, raw: 1 };
        await alternate(
          rounds,
          async () => {
            typed += await typeRound(app);
            return 0;
          },
          async () => {
            floorTyped += await typeRoundFloor();
            return 0;
          },
          { gc: false },
        );
        const appProbe = await readProbe(app);
        const floorProbe = await readProbe(tools);
        const raw = /** @type {number[]} */ (await tools.evaluate(() => /** @type {any} */ (window).__rawMs)).slice(skip.raw);
        // The floor's Yjs share: its last `keys` changes are the measured keys (one transaction each).
        const floorYjs = /** @type {number[]} */ (await tools.evaluate(() => /** @type {any} */ (window).__floorYjsMs)).slice(-keys);
        const appKeys = appProbe.keys.slice(skip.app);
        const floorKeys = floorProbe.keys.slice(skip.floor);
        if (appKeys.length !== keys || floorKeys.length !== keys || raw.length !== rounds) {
          throw new Error(`K2: ${appKeys.length} app, ${floorKeys.length} floor and ${raw.length} raw rounds, expected ${keys}, ${keys}, ${rounds}`);
        }
        const appText = await app.evaluate((m) => /** @type {any} */ (window).__probeTextFrom(m), MARKER);
        const floorText = await tools.evaluate((m) => /** @type {any} */ (window).__probeTextFrom(m), MARKER);
        if (appText !== MARKER + typed || floorText !== MARKER + floorTyped) {
          throw new Error(`K2: typed text differs: app ${JSON.stringify(appText.slice(0, 80))}, floor ${JSON.stringify(floorText.slice(0, 80))}`);
        }
        const row = makeRow({
          id: 'K2',
          label: `editor JS per keystroke (view.dispatch), ${pages} pages (${referat.blocks} blocks)`,
          unit: 'ms',
          app: distribution(appKeys.map((k) => k.dispatch)),
          floor: distribution(floorKeys.map((k) => k.dispatch)),
          floorLabel:
            "plain Tiptap (the same extensions without Collaboration, with Tiptap's undo), same content and keys, each change also written as one raw Y.XmlText transaction inside the same dispatch (bench tools page, same browser)",
          rounds: `${keys} + ${keys} keys in rounds of ${KEYS_PER_ROUND} (ABBA)`,
          target: pages === 200 ? `p50 ratio ≤ ${TARGET}×` : 'context (target at 200 pages, full run)',
          met: null,
          note: '',
        });
        const rawP50 = median(raw);
        const floorYjsP50 = median(floorYjs);
        const plainP50 = (row.floor?.p50 ?? NaN) - floorYjsP50;
        let note =
          `floor = plain Tiptap + the raw Yjs edit: its Yjs part p50 ${fmtMs(floorYjsP50)} per key in the keystroke, so plain Tiptap alone ≈ ${fmtMs(plainP50)} ` +
          `(app ${(row.app.p50 / plainP50).toFixed(2)}× that); ` +
          `raw Y.XmlText insert in a warm loop (one transaction per key, same document; mean per key over each round, median of rounds) ${fmtMs(rawP50)}; ` +
          `keydown → next frame p50 app ${fmtMs(median(appKeys.map((k) => k.paint ?? NaN)))}, floor ${fmtMs(median(floorKeys.map((k) => k.paint ?? NaN)))}`;
        if (pages === 200) {
          row.met = row.ratioP50 !== null && row.ratioP50 <= TARGET;
          if (!row.met && ctx.quick) note += ' — missed (a full run profiles why)';
          else if (!row.met) {
            // Where the app's dispatch time goes: a CPU profile of 20 more keys.
            const prof = await profileTop(app, async () => {
              typed += await typeRound(app);
              typed += await typeRound(app);
            });
            note +=
              ` — missed: self time while typing 20 keys (${fmtMs(prof.totalMs)} busy): ` +
              prof.top.map((f) => `${f.name} ${fmtMs(f.ms)} (${(f.share * 100).toFixed(0)}%)`).join(', ');
          }
        }
        row.note = note;
        rows.push(row);
        ctx.log(`${pages} pages: dispatch p50 app ${fmtMs(row.app.p50)}, floor ${fmtMs(row.floor?.p50)}, raw ${fmtMs(rawP50)}`);
      }
      return rows;
    } finally {
      await context.close();
    }
  });
}
