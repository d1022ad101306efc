// Down to 360 px: no page scrolls sideways at 360, 768 or 1366 px (the failure names what reaches past the edge),
// the navigation folds into a "Menu" button on a narrow screen and stays a bar on a wide one, and tables become
// lists. Screenshots of every page at 360 and 768 px go to $REFERAT_SCREENSHOTS, to be looked at.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';
import { buildEveryPage } from './support/everyPage';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');
const WIDTHS = [360, 768, 1366];
/** The tables that become lists, by the page they are on, and the widths at which they are lists (Opfølgning's
 *  seven columns already at 768 px). */
const TABLES: Record<string, { table: string; listAt: number[] }> = {
  library: { table: 'table.library', listAt: [360] },
  followUp: { table: 'table.follow-up', listAt: [360, 768] },
  settings: { table: 'table.known-keys', listAt: [360] },
};

/**
 * Whether the page is wider than the window and, if so, the elements reaching furthest past its right edge (those
 * inside a container that scrolls or clips on its own are not the page's overflow and are left out).
 */
function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clippedInside = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 0.5) return true;
      }
      return false;
    };
    const name = (e: Element, right: number) => {
      const id = e.id ? `#${e.id}` : '';
      const cls = typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
      const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${e.tagName.toLowerCase()}${id}${cls} "${text}" (right ${Math.round(right)} px)`;
    };
    const past = [...document.body.querySelectorAll('*')]
      .map((e) => ({ e, right: e.getBoundingClientRect().right }))
      .filter(({ e, right }) => right > width + 0.5 && !clippedInside(e))
      .toSorted((a, b) => b.right - a.right || a.e.querySelectorAll('*').length - b.e.querySelectorAll('*').length);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, widest: past.slice(0, 3).map(({ e, right }) => name(e, right)) };
  });
}

describe('responsive', () => {
  const fx = useBrowserFixture();

  it('no page scrolls sideways at 360, 768 or 1366 px', { timeout: 240_000 }, async () => {
    await mkdir(OUT, { recursive: true });
    const app = await ReferatApp.open(await fx.newContext({ viewport: { width: 1366, height: 768 } }), fx.server.url);
    const { page } = app;
    const visits = await buildEveryPage(app);
    const failures: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 1366 ? 768 : 800 });
      for (const visit of visits) {
        await app.goto(visit.path);
        await visit.ready(page);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const o = await overflow(page);
        if (o.scrollWidth > o.innerWidth) failures.push(`${visit.name} at ${width} px: ${o.scrollWidth} px wide; widest: ${o.widest.join('; ')}`);
        const list = TABLES[visit.name];
        if (list) {
          // A list on a phone: the cells of a row stand one below the other, each starting at the row's left edge.
          const stacked = await page.locator(`${list.table} tbody tr`).first().evaluate((row) => {
            // (Opfølgning's checkbox stands beside the lines, as in a to-do list.)
            const cells = [...row.children].filter((c) => c.getBoundingClientRect().height > 0 && !c.classList.contains('follow-up-done'));
            const tops = cells.map((c) => c.getBoundingClientRect().top);
            return getComputedStyle(row).display !== 'table-row' && tops.every((top, i) => i === 0 || top > tops[i - 1]!);
          });
          if (stacked !== list.listAt.includes(width)) failures.push(`${visit.name} at ${width} px: ${list.table} is ${stacked ? 'a list' : 'a table'}`);
        }
        if (width < 1366) await page.screenshot({ path: path.join(OUT, `responsive-${width}-${visit.name}.png`), fullPage: true });
        if (visit.name === 'referat' && width < 1366) {
          await page.screenshot({ path: path.join(OUT, `responsive-${width}-referat-top.png`) });
          // Writing in the middle of the text: the sticky toolbar keeps to one row (it scrolls sideways instead).
          await app.minutes.caretAtEndOf('Næste møde');
          await page.keyboard.press('ArrowDown');
          const rows = await page.getByRole('toolbar').first().evaluate((bar) => {
            const button = bar.querySelector('button');
            return button ? bar.getBoundingClientRect().height / button.getBoundingClientRect().height : 0;
          });
          if (rows >= 1.5) failures.push(`referat at ${width} px: the editor toolbar takes ${rows.toFixed(1)} button heights, not one row`);
          await page.screenshot({ path: path.join(OUT, `responsive-${width}-referat-writing.png`) });
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('folds the navigation into a menu on a narrow screen and keeps it a bar on a wide one', async () => {
    await mkdir(OUT, { recursive: true });
    const app = await ReferatApp.open(await fx.newContext({ viewport: { width: 1366, height: 768 } }), fx.server.url);
    const { page } = app;
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const links = app.shell.mainNav.getByRole('link');
    const names = ['Bibliotek', 'Søg', 'Opfølgning', 'Aktindsigt', 'Papirkurv', 'Indstillinger'];

    // Wide: every link in a bar, no menu button.
    expect(await app.shell.menuButton.isVisible()).toBe(false);
    expect(await links.allInnerTexts()).toEqual(names);
    for (let i = 0; i < names.length; i++) expect(await links.nth(i).isVisible()).toBe(true);

    // A tablet (768 px) still has the bar.
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await app.shell.menuButton.isVisible()).toBe(false);
    expect(await links.last().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(OUT, 'responsive-768-header.png'), clip: { x: 0, y: 0, width: 768, height: 160 } });

    // Narrow: one button, closed, that controls the list.
    await page.setViewportSize({ width: 360, height: 740 });
    const button = app.shell.menuButton;
    await button.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const controls = await button.getAttribute('aria-controls');
    expect(await page.locator(`[id="${controls}"]`).count()).toBe(1);
    expect(await links.first().isVisible()).toBe(false);

    // Opened by keyboard, the links follow the button in Tab order, each inside the window and not covered.
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bibliotek');
    for (let i = 0; i < names.length; i++) {
      const onTop = await links.nth(i).evaluate((a) => {
        const r = a.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        const style = getComputedStyle(a);
        return { inside: r.left >= 0 && r.right <= window.innerWidth, onTop: hit === a || a.contains(hit), color: style.color };
      });
      expect(onTop, names[i]).toEqual({ inside: true, onTop: true, color: 'rgb(255, 255, 255)' });
    }
    // The list's background is the bar's dark blue, so the white links never stand on white.
    expect(await page.locator(`[id="${controls}"]`).evaluate((ul) => getComputedStyle(ul).backgroundColor)).toBe('rgb(31, 78, 121)');

    await page.screenshot({ path: path.join(OUT, 'responsive-360-menu.png') });

    // Escape closes it and puts focus back on the button.
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await links.first().isVisible()).toBe(false);

    // A click outside the navigation closes it too.
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.mouse.click(180, 700);
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // Following a link closes the menu on the page it opens.
    await app.nav('Papirkurv');
    await page.getByRole('heading', { name: 'Papirkurv', level: 1 }).waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
  });
});
