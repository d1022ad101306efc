// Marks when content first appears in a page: an init script (context.addInitScript) that notes, for each CSS
// selector it is given, performance.now() (ms since navigation start) when a matching element is first in the
// DOM, and again in the next animation frame (the first frame that can paint it).

/** @typedef {{ seen: number, frame: number | null }} Mark */
/** @typedef {Window & { __benchMarks?: Record<string, Mark> }} MarkedWindow */

/**
 * Init script: runs before the page's own scripts in every document of the context.
 * @param {string[]} selectors
 */
export function watchFirstContent(selectors) {
  const w = /** @type {MarkedWindow} */ (/** @type {unknown} */ (window));
  /** @type {Record<string, Mark>} */
  const marks = {};
  w.__benchMarks = marks;
  const check = () => {
    let left = 0;
    for (const sel of selectors) {
      if (marks[sel]) continue;
      if (document.querySelector(sel)) {
        const mark = { seen: performance.now(), frame: /** @type {number | null} */ (null) };
        marks[sel] = mark;
        requestAnimationFrame(() => (mark.frame = performance.now()));
      } else left++;
    }
    if (left === 0) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Waits until `selector` has been seen and painted in `page`, and returns the frame time.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 * @param {number} [timeoutMs]
 * @returns {Promise<number>} ms since navigation start
 */
export async function firstContent(page, selector, timeoutMs = 60_000) {
  await page.waitForFunction(
    (sel) => typeof (/** @type {MarkedWindow} */ (/** @type {unknown} */ (window)).__benchMarks?.[sel]?.frame) === 'number',
    selector,
    { timeout: timeoutMs, polling: 50 },
  );
  return page.evaluate((sel) => /** @type {number} */ (/** @type {MarkedWindow} */ (/** @type {unknown} */ (window)).__benchMarks?.[sel]?.frame), selector);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 * @returns {Promise<number | null>} the frame after `selector` was first seen, if it was
 */
export function markOf(page, selector) {
  return page.evaluate((sel) => /** @type {MarkedWindow} */ (/** @type {unknown} */ (window)).__benchMarks?.[sel]?.frame ?? null, selector);
}
