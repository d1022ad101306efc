// O1: opening a 200-page referat that carries its whole typing history, in the app: a click on its row in the
// library until the editor is editable with every block (IndexedDB → Yjs → editor), and until its first block is
// painted; against Y.applyUpdate of the same bytes into a new document, in memory, in the same page.
import { alternate } from '../alternate.mjs';
import { profileTop } from '../cpuProfile.mjs';
import { injectTools, newToolsPage, withBenchBuild } from '../benchBuild.mjs';
import { editableSelector, longReferatSize, makeBigReferat, storeBigReferat } from '../browserReferat.mjs';
import { fmtBytes, fmtMs } from '../format.mjs';
import { distribution, makeRow } from '../rows.mjs';
import { median } from '../stats.mjs';

const TARGET = 1.3;
const READABLE_MS = 300;
const READABLE = '.minutes-text > :first-child';
/** The referat page with its document loaded from IndexedDB (title, meeting details), before the editor. */
const LOADED = 'main.referat .meta-form';

/**
 * Page side: clicks the link and notes when each selector first matches, and the next animation frame after.
 * @param {{ href: string, selectors: string[] }} args
 * @returns {Promise<number[]>} ms from the click to the frame after each selector matched
 */
function clickAndWatch({ href, selectors }) {
  return new Promise((resolve, reject) => {
    /** @type {Array<number | undefined>} */
    const frames = selectors.map(() => undefined);
    /** @type {boolean[]} */
    const seen = selectors.map(() => false);
    const t0 = performance.now();
    const check = () => {
      selectors.forEach((sel, i) => {
        if (seen[i] || !document.querySelector(sel)) return;
        seen[i] = true;
        requestAnimationFrame(() => {
          frames[i] = performance.now() - t0;
          if (frames.every((f) => f !== undefined)) {
            observer.disconnect();
            resolve(/** @type {number[]} */ (frames));
          }
        });
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
    const link = /** @type {HTMLAnchorElement | null} */ (document.querySelector(`a[href="${href}"]`));
    if (!link) return reject(new Error(`no link to ${href}`));
    link.click();
    setTimeout(() => reject(new Error(`not open after 60 s: ${selectors.filter((_, i) => !seen[i]).join(', ')}`)), 60_000);
  });
}

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const rounds = ctx.quick ? 2 : 8;
  return withBenchBuild(ctx.dist, async ({ browser, url, harness }) => {
    const context = await browser.newContext();
    try {
      const page = await newToolsPage(context, url);
      const size = longReferatSize(ctx);
      const referat = await makeBigReferat(size.paragraphs);
      await storeBigReferat(page, referat);
      const href = `/r/${referat.id}`;
      await page.goto(new URL('/', url).toString());
      await harness.waitForServiceWorker(page);

      /** @type {number[]} */
      const readable = [];
      /** @type {number[]} */
      const loaded = [];
      let toolsLoaded = false;
      const app = async () => {
        await page.goto(new URL('/', url).toString());
        toolsLoaded = false;
        await page.waitForSelector(`a[href="${href}"]`);
        const [editable, first, page1] = /** @type {[number, number, number]} */ (
          await page.evaluate(clickAndWatch, { href, selectors: [editableSelector(referat), READABLE, LOADED] })
        );
        readable.push(first);
        loaded.push(page1);
        return editable;
      };
      const floor = async () => {
        if (!toolsLoaded) {
          await injectTools(page);
          toolsLoaded = true;
        }
        return page.evaluate((b64) => {
          const tools = /** @type {any} */ (window).benchTools;
          const bytes = tools.fromBase64(b64);
          const doc = tools.newReferatDoc();
          const ms = tools.time(() => tools.Y.applyUpdate(doc, bytes));
          if (tools.bodyFragment(doc).length === 0) throw new Error('O1 floor: nothing applied');
          doc.destroy();
          return ms;
        }, referat.b64);
      };
      // Warm-up, not recorded: the first open loads and compiles the editor's chunk.
      await app();
      await floor();
      readable.length = 0;
      loaded.length = 0;
      const samples = await alternate(rounds, app, floor, {
        gc: false,
        onRound: (r, a, f) => ctx.log(`round ${r + 1}/${rounds}: editable ${fmtMs(a)}, readable ${fmtMs(readable.at(-1))}, applyUpdate ${fmtMs(f)}`),
      });
      // Context, not the floor: what plain Tiptap (no Yjs binding) takes to build the same text into an editor, in the same page.
      /** @type {number[]} */
      const plain = [];
      if (!toolsLoaded && !ctx.quick) {
        await injectTools(page);
        toolsLoaded = true;
      }
      // Context only: a quick run leaves it out.
      for (let i = 0; i < (ctx.quick ? 0 : 3); i++) {
        plain.push(
          await page.evaluate(async (b64) => {
            const tools = /** @type {any} */ (window).benchTools;
            const t = performance.now();
            const editor = tools.floorEditor(b64);
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            const ms = performance.now() - t;
            editor.destroy();
            for (const el of document.querySelectorAll('.editor, .bench-floor')) el.remove();
            return ms;
          }, referat.b64),
        );
      }
      const common = {
        unit: /** @type {const} */ ('ms'),
        floor: distribution(samples.floor),
        floorLabel: 'Y.applyUpdate of the same bytes into a new Y.Doc, in memory, in the same page',
        rounds: `${rounds} + ${rounds} (ABBA), warm service worker`,
      };
      const editableRow = makeRow({
        ...common,
        id: 'O1',
        label: `open a ${size.pages}-page referat (${referat.blocks} blocks, ${fmtBytes(referat.bytes)} with history): click → editable`,
        app: distribution(samples.app),
        target: `p50 ratio ≤ ${TARGET}×`,
        met: null,
        note: '',
      });
      editableRow.met = editableRow.ratioP50 !== null && editableRow.ratioP50 <= TARGET;
      editableRow.note =
        `from the click on its row in the library (app already running) until the editor is contenteditable with its last block + 1 frame; ` +
        `the referat page with its document loaded (title, details; before the editor) at ${fmtMs(median(loaded))} (median); ` +
        `includes the referat page's chunk (from the service worker), reading IndexedDB, Y.applyUpdate, binding the editor and rendering ${referat.blocks} blocks; ` +
        (plain.length === 0
          ? 'a full run adds, for context, plain Tiptap building the same text into an editor'
          : `for context, plain Tiptap without Yjs building the same text into an editor in the same page (Y.applyUpdate, JSON, editor, 1 frame): ${fmtMs(median(plain))} (median of ${plain.length})`) +
        (editableRow.met ? '' : ` — missed: the floor is only the Yjs decode (${fmtMs(median(samples.floor))}); everything else the app does to show an editor comes on top`);
      const readableRow = makeRow({
        ...common,
        id: 'O1',
        label: 'open the same referat: click → first block of the text painted',
        app: distribution(readable),
        target: `p50 ≤ ${READABLE_MS} ms`,
        met: median(readable) <= READABLE_MS,
        note:
          `first child of the minutes text in the DOM + 1 frame. A long referat (over 300 blocks or 40,000 characters) paints the title and first 60 lines saved beside it at its last indexing ` +
          `(written by the warm-up open; labelled with that time) before its log is read, then the same lines from the decoded document, then the editor`,
      });
      if (!ctx.quick && (!editableRow.met || !readableRow.met)) {
        // Where the time goes: a CPU profile of one more open.
        const prof = await profileTop(page, async () => {
          await app();
        });
        editableRow.note += `; self time over one more open (${fmtMs(prof.totalMs)} busy): ${prof.top.map((f) => `${f.name} ${fmtMs(f.ms)}`).join(', ')}`;
      }
      return [editableRow, readableRow];
    } finally {
      await context.close();
    }
  });
}
