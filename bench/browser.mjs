// Browser set-up shared by the browser cases: Debian's Chromium and the bench build served on 127.0.0.1, through
// the same helpers as the browser tests (tests/e2e/support/harness.ts), and devices with a profile.
import { harnessModule, pageModelModule } from './appModules.mjs';

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('./appModules.mjs').ReferatAppInstance} ReferatAppInstance */
/** @typedef {import('./appModules.mjs').HarnessModule} HarnessModule */

/**
 * @typedef {object} BrowserBench
 * @property {Browser} browser
 * @property {string} url the app's base URL
 * @property {HarnessModule} harness
 * @property {(context: BrowserContext, profile: { name: string, organisation: string, kind?: 'Kommune' | 'Leverandør' | 'Andet' }) => Promise<ReferatAppInstance>} device
 *   opens the library in `context` and sets up the profile
 * @property {(context: BrowserContext) => Promise<ReferatAppInstance>} open opens the app in `context`, nothing more
 */

/** @type {Promise<Browser> | null} one Chromium for every case of the process (each case uses its own contexts) */
let sharedBrowser = null;
/** @type {Array<() => Promise<void>>} */
const releases = [];

/**
 * @param {HarnessModule} harness
 * @returns {Promise<Browser>} the process's Chromium, launched again if it went away
 */
async function processBrowser(harness) {
  const current = sharedBrowser && (await sharedBrowser.catch(() => null));
  if (current?.isConnected()) return current;
  sharedBrowser = harness.launchChromium();
  return sharedBrowser;
}

/**
 * Runs `release` when the process's cases are done (releaseShared), for things kept from one case to the next.
 * @param {() => Promise<void>} release
 */
export function onRelease(release) {
  releases.push(release);
}

/** Closes the process's Chromium and removes what the cases kept; the vitest entry calls it after the last case. */
export async function releaseShared() {
  const browser = sharedBrowser && (await sharedBrowser.catch(() => null));
  sharedBrowser = null;
  await browser?.close();
  for (const release of releases.splice(0)) await release();
}

/**
 * Served with every file so the pages are cross-origin isolated: performance.now() then resolves 5 µs instead of
 * 100 µs, which a sub-millisecond figure such as K2's needs. The app loads nothing from other origins, so it runs as
 * it does without them (bench/README.md).
 */
export const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/**
 * Serves `dist` for `use` and stops the server afterwards, whatever happens. The cases of one process share one
 * Chromium (a quick run saves a launch per case; a full run has a process per case): each case opens and closes
 * its own contexts in it.
 * @template T
 * @param {string} dist
 * @param {(bench: BrowserBench) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withBrowser(dist, use) {
  const harness = await harnessModule();
  const { ReferatApp } = await pageModelModule();
  const server = await harness.startApp({ dist, headers: ISOLATION_HEADERS });
  try {
    return await use({
      browser: await processBrowser(harness),
      url: server.url,
      harness,
      open: (context) => ReferatApp.open(context, server.url),
      async device(context, profile) {
        const app = await ReferatApp.open(context, server.url);
        await app.setUpProfile(profile);
        return app;
      },
    });
  } finally {
    await server.close();
  }
}

/**
 * Creates a referat from the library and waits for its editor. Unlike the page model's createReferat it does not
 * wait for the template's text, so a change to what the template shows cannot stall a benchmark.
 * @param {ReferatAppInstance} app
 * @returns {Promise<string>} the referat id
 */
export async function newReferat(app) {
  await app.page.getByRole('button', { name: 'Nyt referat' }).click();
  await app.page.waitForURL(/\/r\/[0-9a-f-]{36}/);
  await app.editor.waitFor();
  return app.referatId();
}

/** The editor's text blocks; they never nest (list items and agenda items hold paragraphs). */
export const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6';

/**
 * Starts a new paragraph at the end of the minutes text and types `marker` into it, so later typing can find its
 * place by that text whatever the template put into the document.
 * @param {ReferatAppInstance} app
 * @param {string} marker
 */
export async function startMarkedParagraph(app, marker) {
  await app.editor.click();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type(marker);
  await markedBlock(app, marker)
    .waitFor({ timeout: 10_000 })
    .catch(async (/** @type {unknown} */ e) => {
      const last = JSON.stringify((await app.editorText()).slice(-200));
      throw new Error(`the typed marker ${JSON.stringify(marker)} did not show in the editor; its text ends ${last}`, { cause: e });
    });
}

/**
 * @param {ReferatAppInstance} app
 * @param {string} marker
 * @returns {import('playwright-core').Locator} the text block that starts with `marker`
 */
export function markedBlock(app, marker) {
  return app.editor.locator(TEXT_BLOCKS, { hasText: marker }).last();
}

/**
 * Puts the caret at the end of the block that holds `marker`: a click to focus the editor there, then the DOM
 * selection moved to the block's end (End alone would stop at the end of a wrapped line), then End.
 * @param {ReferatAppInstance} app
 * @param {string} marker
 */
export async function caretAfterMarker(app, marker) {
  const block = markedBlock(app, marker);
  await block.click();
  await block.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
  await app.page.keyboard.press('End');
}
