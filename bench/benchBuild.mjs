// A temp copy of the bench build with the bench pages added (bench/tools.html, and P1's static page), served and
// opened in Chromium for a browser case; the copy is removed afterwards, whatever happens.
import { harnessModule } from './appModules.mjs';
import { addBenchPages, TOOLS_PAGE } from './benchPages.mjs';
import { withBrowser } from './browser.mjs';
import { addStaticFloorPage } from './staticFloorPage.mjs';

/** @typedef {Window & { benchTools?: unknown }} ToolsWindow */

/**
 * @template T
 * @param {string} dist
 * @param {(bench: import('./browser.mjs').BrowserBench) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withBenchBuild(dist, use) {
  const h = await harnessModule();
  const copy = await h.copyDist({ dist });
  try {
    await addStaticFloorPage(copy);
    await addBenchPages(copy);
    return await withBrowser(copy, use);
  } finally {
    await h.removeTempDir(copy);
  }
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
