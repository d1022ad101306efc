// P1: offline cold start with a warm service worker, from navigation start until the library's "Nyt referat"
// button is in the page and enabled, against a static page with that button served by the same service worker.
import { alternate } from '../alternate.mjs';
import { harnessModule } from '../appModules.mjs';
import { withBrowser } from '../browser.mjs';
import { fmtMs } from '../format.mjs';
import { distribution, makeRow } from '../rows.mjs';
import { median } from '../stats.mjs';
import { addStaticFloorPage, STATIC_PAGE } from '../staticFloorPage.mjs';

const TARGET_MS = 1000;
const BUTTON = 'Nyt referat';

/** @typedef {{ ready: number, html: number, scripts: number, dcl: number }} Marks milliseconds since navigation start */

/**
 * Runs in every new document of the context, before its own scripts: notes performance.now() (ms since the
 * navigation started) when a button named BUTTON is first present and enabled.
 * @param {string} name
 */
function watchForButton(name) {
  const w = /** @type {Window & { __benchReady?: number }} */ (window);
  const check = () => {
    if (w.__benchReady !== undefined) return;
    for (const b of document.querySelectorAll('button')) {
      if (b.textContent?.trim() === name && !b.disabled) {
        w.__benchReady = performance.now();
        observer.disconnect();
        return;
      }
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
}

/**
 * Where the app's start goes past the floor, from the medians of its marks.
 * @param {Marks[]} app
 * @returns {string}
 */
function missedBecause(app) {
  const m = (/** @type {keyof Marks} */ key) => median(app.map((x) => x[key]).filter(Number.isFinite));
  return (
    `after the HTML, ${fmtMs(m('scripts') - m('html'))} fetching the first-load scripts from the service worker, ` +
    `${fmtMs(m('dcl') - m('scripts'))} until they have run (DOMContentLoaded), then ${fmtMs(m('ready') - m('dcl'))} of the ` +
    "app's own boot (IndexedDB probe, Dexie open, settings and profile queries, React render)"
  );
}

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const rounds = ctx.quick ? 1 : 12;
  const h = await harnessModule();
  const copy = await h.copyDist({ dist: ctx.dist });
  try {
    await addStaticFloorPage(copy);
    return await withBrowser(copy, async ({ browser, url, harness, open }) => {
      /** @type {{ app: Marks[], floor: Marks[] }} */
      const marks = { app: [], floor: [] };
      /**
       * A fresh browser profile: first visit online (service worker installed and in control; for the app also
       * the user profile, so the library shows), then offline with every service worker stopped, and a new page.
       * @param {'app' | 'floor'} side
       */
      const coldStart = async (side) => {
        const context = await browser.newContext();
        try {
          await context.addInitScript(watchForButton, BUTTON);
          const first = await open(context);
          await harness.waitForServiceWorker(first.page);
          if (side === 'app') await first.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
          await first.page.close();
          await context.setOffline(true);
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('ServiceWorker.enable');
          await cdp.send('ServiceWorker.stopAllWorkers');
          await cdp.detach();
          await page.goto(new URL(side === 'app' ? '/' : `/${STATIC_PAGE}`, url).toString());
          await page.waitForFunction(() => /** @type {{ __benchReady?: number }} */ (/** @type {unknown} */ (window)).__benchReady !== undefined, undefined, { timeout: 20_000 });
          const m = await page.evaluate(() => {
            const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
            const dcl = nav?.domContentLoadedEventEnd ?? NaN;
            // Scripts asked for before DOMContentLoaded: the entry and its modulepreloads, from the service worker.
            const scripts = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).filter((r) => r.name.endsWith('.js') && r.startTime < dcl);
            return {
              ready: /** @type {number} */ (/** @type {{ __benchReady?: number }} */ (/** @type {unknown} */ (window)).__benchReady),
              controlled: navigator.serviceWorker.controller !== null,
              html: nav?.responseEnd ?? NaN,
              scripts: scripts.length > 0 ? Math.max(...scripts.map((r) => r.responseEnd)) : NaN,
              dcl,
            };
          });
          if (!m.controlled) throw new Error(`P1 ${side}: the offline page is not controlled by the service worker`);
          marks[side].push(m);
          return m.ready;
        } finally {
          await context.close();
        }
      };
      if (!ctx.quick) {
        // Warm-up, not recorded: the first start in a new browser pays for things no later start does.
        await coldStart('app');
        await coldStart('floor');
      }
      marks.app.length = 0;
      marks.floor.length = 0;
      const samples = await alternate(rounds, () => coldStart('app'), () => coldStart('floor'), {
        gc: false,
        onRound: (r, a, f) => ctx.log(`round ${r + 1}/${rounds}: app ${fmtMs(a)}, floor ${fmtMs(f)}`),
      });
      const row = makeRow({
        id: 'P1',
        label: 'offline cold start to "Nyt referat" enabled',
        unit: 'ms',
        app: distribution(samples.app),
        floor: distribution(samples.floor),
        floorLabel: `static ${STATIC_PAGE} with the same button and stylesheet, precached by the same service worker`,
        rounds: `${rounds} + ${rounds} (ABBA), fresh browser profile each`,
        target: `p50 ≤ ${TARGET_MS} ms (p95 shown)`,
        met: null,
        note: '',
      });
      row.met = row.app.p50 <= TARGET_MS;
      const at = (/** @type {'app' | 'floor'} */ side, /** @type {keyof Marks} */ key) => fmtMs(median(marks[side].map((x) => x[key]).filter(Number.isFinite)));
      row.note =
        `service worker stopped before each start; medians since navigation start — app: HTML ${at('app', 'html')}, ` +
        `first-load scripts from the service worker ${at('app', 'scripts')}, DOMContentLoaded (modules run) ${at('app', 'dcl')}, ` +
        `button ${at('app', 'ready')}; floor: HTML ${at('floor', 'html')}, button ${at('floor', 'ready')}` +
        (row.met ? '' : ` — missed: ${missedBecause(marks.app)}`);
      return [row];
    });
  } finally {
    await h.removeTempDir(copy);
  }
}
