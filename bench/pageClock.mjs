// Comparing times taken in different pages. Every page of one Chromium reads `performance.timeOrigin +
// performance.now()`, but each renderer process converts its monotonic clock to that epoch-based time itself.
// Here each page's offset to the system clock (Date.now(), shared by every process) is measured at the
// instant Date.now() ticks over, so the pages' clocks can be compared, and corrected, to well under 1 ms.
import { median } from './stats.mjs';

/**
 * Page function: the median over `samples` of (timeOrigin + now()) − Date.now(), each read right after Date.now()
 * moves to a new millisecond.
 * @param {number} samples
 * @returns {number[]}
 */
function offsetSamples(samples) {
  const out = [];
  for (let i = 0; i < samples; i++) {
    const start = Date.now();
    let d = start;
    while (d === start) d = Date.now();
    out.push(performance.timeOrigin + performance.now() - d);
  }
  return out;
}

/**
 * @param {import('playwright-core').Page} page
 * @param {number} [samples]
 * @returns {Promise<number>} ms to subtract from the page's `timeOrigin + now()` to get system-clock time
 */
export async function pageClockOffset(page, samples = 25) {
  return median(await page.evaluate(offsetSamples, samples));
}
