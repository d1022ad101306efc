// A long referat for the browser cases: typed in Node keystroke by keystroke (bench/bigReferat.mjs, so it carries
// its whole typing history), stored in the browser with the app's DocStore and index row (bench tools page).
import { coreModules } from './appModules.mjs';
import { typedBigReferat } from './bigReferat.mjs';
import { runCacheDir } from './context.mjs';

/**
 * @typedef {object} BigReferat
 * @property {string} id
 * @property {string} b64 the whole document as one update (Y.encodeStateAsUpdate), base64
 * @property {number} bytes
 * @property {number} blocks top-level blocks of the body
 * @property {number} paragraphs
 */

/** @type {Map<number, Promise<BigReferat>>} */
const made = new Map();

/**
 * The long referat of O1, C1 and K2: 200 pages, or 100 in a quick run (half the typing, storing and layout; the
 * rows say which).
 * @param {{ quick: boolean }} ctx
 * @returns {{ pages: number, paragraphs: number }}
 */
export function longReferatSize(ctx) {
  return ctx.quick ? { pages: 100, paragraphs: 2000 } : { pages: 200, paragraphs: 4000 };
}

/**
 * The same referat for every case of the run: typed once per size (bench/bigReferat.mjs keeps its bytes).
 * @param {number} paragraphs about 20 per page: 1,000 for 50 pages, 4,000 for 200
 * @returns {Promise<BigReferat>}
 */
export function makeBigReferat(paragraphs) {
  let referat = made.get(paragraphs);
  if (!referat) {
    referat = typeReferat(paragraphs);
    made.set(paragraphs, referat);
  }
  return referat;
}

/**
 * @param {number} paragraphs
 * @returns {Promise<BigReferat>}
 */
async function typeReferat(paragraphs) {
  const core = await coreModules();
  const { update, bodyBlocks } = typedBigReferat(core, { paragraphs }, runCacheDir(process.env));
  const id = `5e0c${String(paragraphs).padStart(4, '0')}-1a2b-4c3d-8e4f-a0b1c2d3e4f5`;
  return { id, b64: Buffer.from(update).toString('base64'), bytes: update.length, blocks: bodyBlocks, paragraphs };
}

/**
 * Stores the referat in the page's origin (the tools page must be open), as one update plus `extraEdits` more.
 * @param {import('playwright-core').Page} toolsPage
 * @param {BigReferat} referat
 * @param {{ extraEdits?: number, fresh?: boolean }} [options] fresh: delete its database first
 * @returns {Promise<{ stored: number }>}
 */
export function storeBigReferat(toolsPage, referat, options = {}) {
  return toolsPage.evaluate(
    ({ id, b64, extra, fresh }) => /** @type {any} */ (window).benchTools.storeReferat(id, b64, extra, fresh),
    { id: referat.id, b64: referat.b64, extra: options.extraEdits ?? 0, fresh: options.fresh ?? false },
  );
}

/**
 * Opens the referat in the app in `page` and waits until the editor is editable with every top-level block.
 * @param {import('playwright-core').Page} page
 * @param {string} url
 * @param {BigReferat} referat
 */
export async function openInApp(page, url, referat) {
  await page.goto(new URL(`/r/${referat.id}`, url).toString());
  await page.waitForSelector(editableSelector(referat), { state: 'attached', timeout: 120_000 });
}

/**
 * @param {BigReferat} referat
 * @returns {string} matches once the editor is editable and shows the referat's last top-level block
 */
export function editableSelector(referat) {
  return `.ProseMirror[contenteditable="true"] > :nth-child(${referat.blocks})`;
}
