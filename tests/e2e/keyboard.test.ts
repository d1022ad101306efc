// The referat page by keyboard only (issue #17, findings 3 and 4): Enter on "Nyt referat" puts focus in Titel, one
// Tab reaches the text, Tab in an agenda item goes to that item's fields (not item 1's) and never under the sticky
// toolbar, Escape leaves the text, "Spring til teksten" jumps to it, and "Flyt til papirkurv" goes to the library,
// which says so and undoes it.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');

/** What has focus: its role or tag, its accessible label, and whether it is inside the minutes text. */
function focused(page: Page): Promise<{ tag: string; role: string | null; label: string; inText: boolean; item: number }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const text = document.querySelector('.minutes-text');
    const labelled = el?.getAttribute('aria-label') ?? (el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : (el?.textContent ?? ''));
    const item = el?.closest('.agenda-item');
    const items = [...document.querySelectorAll('.minutes-text .agenda-item')];
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      role: el?.getAttribute('role') ?? null,
      label: labelled.trim(),
      inText: text !== null && el !== null && text.contains(el),
      item: item ? items.indexOf(item) + 1 : 0,
    };
  });
}

describe('keyboard paths on the referat page', () => {
  const fx = useBrowserFixture();

  for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    it(`walks from "Nyt referat" to the text and out again at ${size.width}×${size.height}`, async () => {
      const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
      await app.page.setViewportSize(size);
      await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });

      // Enter on "Nyt referat": focus lands in Titel, its text selected, so typing replaces it.
      await app.page.getByRole('button', { name: 'Nyt referat' }).focus();
      await app.page.keyboard.press('Enter');
      await app.page.waitForURL(/\/r\/[0-9a-f-]{36}/);
      await app.editor.getByText('Godkendelse af dagsorden').waitFor();
      await expect.poll(async () => (await focused(app.page)).label).toBe('Titel');
      await app.page.keyboard.type('Driftsmøde 12');
      expect(await app.titleField.inputValue()).toBe('Driftsmøde 12');

      // From the title to the text: counted.
      let tabs = 0;
      while (!(await focused(app.page)).inText && tabs < 40) {
        await app.page.keyboard.press('Tab');
        tabs += 1;
      }
      expect(tabs).toBe(1);
      expect((await focused(app.page)).role).toBe('textbox');
      await app.page.keyboard.type('Fremmødte: ');
      expect(await app.editorText()).toContain('Fremmødte: Godkendelse af dagsorden');

      // Tab inside agenda item 3 goes to item 3's own fields, shown and not under the sticky toolbar.
      await app.typeAfter('Status', '');
      await app.page.keyboard.press('Tab');
      const inItem = await focused(app.page);
      expect(inItem).toMatchObject({ label: 'Sagsnummer', item: 3 });
      // Shown on focus (after a short fade).
      await expect.poll(() => app.page.evaluate(() => getComputedStyle(document.activeElement?.closest('.agenda-item-fields') as Element).opacity)).toBe('1');
      const placement = await app.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const toolbar = document.querySelector('.toolbar-wrap')?.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, toolbarBottom: toolbar?.bottom ?? 0, height: window.innerHeight };
      });
      await mkdir(OUT, { recursive: true });
      await app.page.screenshot({ path: path.join(OUT, `keyboard-agenda-fields-${size.width}.png`) });
      expect(placement.top).toBeGreaterThanOrEqual(placement.toolbarBottom);
      expect(placement.bottom).toBeLessThanOrEqual(placement.height);
      await app.page.keyboard.type('24/1234');
      await app.page.keyboard.press('Tab');
      expect(await focused(app.page)).toMatchObject({ label: 'KLE-nummer', item: 3 });
      // Escape in the fields goes back to the text; Escape in the text leaves it for the next control after it.
      await app.page.keyboard.press('Escape');
      expect((await focused(app.page)).role).toBe('textbox');
      await app.page.keyboard.press('Escape');
      const out = await focused(app.page);
      expect(out.inText).toBe(false);
      expect(out).toMatchObject({ role: 'tab', label: 'Alle' });
      expect(await app.agendaItem('Status').getByRole('textbox', { name: 'Sagsnummer' }).inputValue()).toBe('24/1234');

      // "Spring til teksten": the link shows when focused, and Enter puts focus in the text.
      const skip = app.page.getByRole('link', { name: 'Spring til teksten' });
      await skip.focus();
      const skipBox = await skip.boundingBox();
      expect(skipBox !== null && skipBox.x >= 0 && skipBox.y >= 0).toBe(true);
      await app.page.keyboard.press('Enter');
      expect((await focused(app.page)).role).toBe('textbox');
      expect(await app.page.evaluate(() => document.documentElement.style.scrollPaddingTop || getComputedStyle(document.documentElement).scrollPaddingTop)).not.toBe('auto');
    });
  }

  it('moves a referat to the trash, says so on the library, and undoes it', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.titleField.fill('Fortrydes');
    await app.waitUntilSaved();
    await app.page.getByRole('button', { name: 'Flyt til papirkurv' }).focus();
    await app.page.keyboard.press('Enter');
    await app.page.waitForURL((url) => url.pathname === '/');
    const notice = app.page.getByRole('status').filter({ hasText: 'Referatet er flyttet til papirkurven.' });
    await notice.waitFor();
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.closest('[data-testid="trashed-notice"]') !== null)).toBe(true);
    // The library's list is a live query: it may show its empty state a moment after the notice.
    await expect.poll(() => app.page.getByText('Der er ingen referater på denne enhed endnu').count()).toBe(1);

    await notice.getByRole('button', { name: 'Fortryd' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Referatet er taget ud af papirkurven igen.' }).waitFor();
    await expect.poll(() => app.libraryTitles()).toEqual(['Fortrydes']);
    await app.page.getByRole('link', { name: 'Åbn »Fortrydes«' }).click();
    await app.page.waitForURL(new RegExp(`/r/${id}`));
    await app.editor.waitFor();
    expect(await app.page.getByText('Dette referat ligger i papirkurven.').count()).toBe(0);
    // Said once: the library shown again later does not repeat it.
    await app.nav('Bibliotek');
    await app.page.locator('table.library').waitFor();
    expect(await app.page.getByTestId('trashed-notice').count()).toBe(0);
  });
});
