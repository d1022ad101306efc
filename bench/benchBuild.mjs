// A temp copy of the bench build with the bench pages added (bench/tools.html, and P1's static page), served and
// opened in Chromium for a browser case. Made once per process (a quick run's cases share it; nothing writes to
// it) and removed when the process's cases are done, whatever happens.
import { harnessModule } from './appModules.mjs';
import { addBenchPages, TOOLS_PAGE } from './benchPages.mjs';
import { onRelease, withBrowser } from './browser.mjs';
import { addStaticFloorPage } from './staticFloorPage.mjs';

/** @typedef {Window & { benchTools?: unknown }} ToolsWindow */

/** @type {Map<string, Promise<string>>} the copy made from each build */
const copies = new Map();

/**
 * @param {string} dist
 * @returns {Promise<string>} a temp copy of `dist` with the bench pages, removed by releaseShared (bench/browser.mjs)
 */
async function makeCopy(dist) {
  const h = await harnessModule();
  const copy = await h.copyDist({ dist });
  onRelease(() => h.removeTempDir(copy));
  await addStaticFloorPage(copy);
  await addBenchPages(copy);
  return copy;
}

/**
 * @template T
 * @param {string} dist
 * @param {(bench: import('./browser.mjs').BrowserBench) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withBenchBuild(dist, use) {
  let copy = copies.get(dist);
  if (!copy) {
    copy = makeCopy(dist);
    copies.set(dist, copy);
    // A failed build is tried again by the next case.
    copy.catch(() => copies.delete(dist));
  }
  return withBrowser(await copy, use);
}

/**
 * Opens the bench tools page in `page` and waits for window.benchTools.
 * @param {import('playwright-core').Page} page
 * @param {string} url the app's base URL
 */
export async function openTools(page, url) {
  await page.goto(new URL(TOOLS_PAGE, url).toString());
  await page.waitForFunction(() => /** @type {ToolsWindow} */ (/** @type {unknown} */ (window)).benchTools !== undefined, undefined, { timeout: 30_000 });
}

/**
 * A new page of `context` on the tools page, with the profile and index version stored as the app stores them.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function newToolsPage(context, url) {
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await openTools(page, url);
  await page.evaluate((profile) => /** @type {any} */ (window).benchTools.setUp(profile), BENCH_PROFILE);
  return page;
}

/** The profile every browser case sets up. */
export const BENCH_PROFILE = /** @type {const} */ ({ name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' });

/**
 * Loads the bench tools module into a page of the app (same origin, served by the same service worker), so a floor
 * can run in the very page the app just ran in.
 * @param {import('playwright-core').Page} page
 */
export async function injectTools(page) {
  const src = await page.evaluate(async (p) => /src="([^"]+\.js)"/.exec(await (await fetch(p)).text())?.[1] ?? '', `/${TOOLS_PAGE}`);
  if (!src) throw new Error('the bench tools page names no script');
  await page.addScriptTag({ url: src, type: 'module' });
  await page.waitForFunction(() => /** @type {ToolsWindow} */ (/** @type {unknown} */ (window)).benchTools !== undefined, undefined, { timeout: 30_000 });
}
