// The document-first referat page (issue #17, finding 1): on a laptop (1366×768) and a phone (390×844) the title, the
// status badge, the meeting details and the first line of the text are on screen without scrolling, for a new referat
// and for one with 10 agenda items; the panels sit in a side panel whose tabs are remembered on the device. With
// REFERAT_DOC_SCREENSHOTS set (e.g. docs/screenshots), the last test saves the README's screenshots of the main pages.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');
const DOCS = process.env.REFERAT_DOC_SCREENSHOTS;
const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Whether the element's box lies inside the viewport, top to bottom (the page not scrolled). */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

/** Opens the referat fresh at `size`, the page at its top, the editor ready. */
async function openAt(app: ReferatApp, id: string, size: (typeof SIZES)[number]): Promise<void> {
  await app.page.setViewportSize({ width: size.width, height: size.height });
  await app.goto(`/r/${id}`);
  await app.editor.waitFor();
  await app.editor.getByText('Godkendelse af dagsorden').waitFor();
  expect(await app.page.evaluate(() => window.scrollY)).toBe(0);
}

describe('document-first referat page', () => {
  const fx = useBrowserFixture();

  it('shows title, status, meeting details and the first line of the text without scrolling, also with 10 agenda items', async () => {
    await mkdir(OUT, { recursive: true });
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.titleField.fill('Styregruppemøde 7');
    await app.waitUntilSaved();

    const check = async (label: string) => {
      for (const size of SIZES) {
        await openAt(app, id, size);
        const first = await app.referatPage.firstTextLineBox();
        expect(first.text).toBe('Godkendelse af dagsorden');
        expect(first.top, `${label} ${size.name}: first line top`).toBeGreaterThanOrEqual(0);
        expect(first.bottom, `${label} ${size.name}: first line bottom ${first.bottom} of ${first.viewportHeight}`).toBeLessThanOrEqual(first.viewportHeight);
        expect(await onScreen(app.page, 'input.title-input'), `${label} ${size.name}: title`).toBe(true);
        expect(await onScreen(app.page, '[data-testid="status-badge"]'), `${label} ${size.name}: status`).toBe(true);
        expect(await app.page.getByTestId('status-badge').innerText()).toContain('Kladde');
        for (const field of ['Dato', 'Starttidspunkt', 'Sluttidspunkt', 'Sted']) {
          const visible = await app.page.getByLabel(field, { exact: true }).evaluate((el) => {
            const box = el.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          });
          expect(visible, `${label} ${size.name}: ${field}`).toBe(true);
        }
        await app.page.screenshot({ path: path.join(OUT, `document-first-${label}-${size.name}.png`) });
        await app.page.screenshot({ path: path.join(OUT, `document-first-${label}-${size.name}-full.png`), fullPage: true });
      }
    };
    await check('new');

    // Ten agenda items: four more after the template's six.
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.typeAtEnd('');
    for (let i = 7; i <= 10; i++) {
      await app.page.keyboard.press('Control+Alt+A');
      await app.page.keyboard.type(`Punkt ${i}`);
    }
    await expect.poll(() => app.agendaItems.count()).toBe(10);
    await app.waitUntilSaved();
    await check('ten-items');
  });

  it('puts the panels in a side panel whose tabs show one part or all, by keyboard, remembered on the device', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    const panel = app.page.getByRole('complementary', { name: 'Sidepanel' });
    const tabs = panel.getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual(['Alle', 'Deltagere', 'Deling', 'Kopier', 'Godkendelser', 'Eksport', 'Historik']);
    // "Alle" first: every part is there, and the side panel sits beside the text, not below it.
    expect(await panel.getByRole('button', { name: 'Invitér' }).isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Godkend referatet' }).isVisible()).toBe(true);
    const beside = await app.page.evaluate(() => {
      const text = document.querySelector('.minutes-text')?.getBoundingClientRect();
      const side = document.querySelector('.side-pane')?.getBoundingClientRect();
      return text && side ? side.left >= text.right && side.top < window.innerHeight : false;
    });
    expect(beside).toBe(true);

    // One tab stop; arrow keys choose, and only the chosen part shows.
    await app.referatPage.sidePanelTab('Alle').focus();
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('ArrowRight');
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Deling');
    expect(await app.referatPage.sidePanelTab('Deling').getAttribute('aria-selected')).toBe('true');
    expect(await panel.getByRole('button', { name: 'Invitér' }).isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Godkend referatet' }).count()).toBe(0);
    expect(await panel.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(await app.referatPage.sidePanelTab('Deling').getAttribute('id'));
    await app.page.keyboard.press('End');
    expect(await app.referatPage.sidePanelTab('Historik').getAttribute('aria-selected')).toBe('true');
    await app.page.keyboard.press('Home');
    await app.page.keyboard.press('ArrowLeft');
    expect(await app.referatPage.sidePanelTab('Historik').getAttribute('aria-selected')).toBe('true');

    // Remembered on the device: the referat opened again shows the same part.
    await app.referatPage.showSidePanel('Godkendelser');
    await app.goto(`/r/${id}`);
    await app.editor.waitFor();
    expect(await app.referatPage.sidePanelTab('Godkendelser').getAttribute('aria-selected')).toBe('true');
    expect(await panel.getByRole('button', { name: 'Godkend referatet' }).isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Invitér' }).count()).toBe(0);
    // The page model shows the participants before adding one, whatever part was chosen.
    await app.addParticipant('Bo Lund', 'Systemhuset A/S');
    expect(await app.page.getByRole('textbox', { name: 'Organisation (Bo Lund)' }).inputValue()).toBe('Systemhuset A/S');
  });

  it('saves screenshots of the main pages', async () => {
    const targets = [OUT, ...(DOCS ? [DOCS] : [])];
    for (const dir of targets) await mkdir(dir, { recursive: true });
    const shoot = async (page: Page, name: string) => {
      for (const dir of targets) await page.screenshot({ path: path.join(dir, `${name}.png`) });
    };
    // Danish dates in the date fields, as a Danish clerk's browser shows them.
    const app = await ReferatApp.open(await fx.newContext({ locale: 'da-DK' }), fx.server.url);
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.titleField.fill('Styregruppemøde 7 – digital post');
    await app.page.getByLabel('Dato', { exact: true }).fill('2027-01-31');
    await app.page.getByLabel('Starttidspunkt', { exact: true }).fill('10:00');
    await app.page.getByLabel('Sluttidspunkt', { exact: true }).fill('11:30');
    await app.page.getByLabel('Sted', { exact: true }).fill('Rådhuset, mødelokale 2');
    await app.addParticipant('Lars Holm', 'Medialogic A/S');
    await app.typeAfter('Godkendelse af dagsorden', '');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.type('Dagsordenen blev godkendt uden bemærkninger.');
    await app.typeAfter('Status', '');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.type('Leverandøren har leveret certifikatfornyelsen til test. Kommunen tester i uge 6.');
    await app.waitUntilSaved();
    const ok = await app.page.getByTestId('status-badge').innerText();
    expect(ok).toContain('Kladde');

    await app.goto(`/r/${id}`);
    await app.editor.waitFor();
    await shoot(app.page, 'referat-1366');
    await app.page.setViewportSize({ width: 390, height: 844 });
    await app.goto(`/r/${id}`);
    await app.editor.waitFor();
    await shoot(app.page, 'referat-390');

    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.goto('/');
    await app.page.locator('table.library').waitFor();
    await shoot(app.page, 'library');
    await app.goto('/search');
    await app.search('certifikat');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Styregruppemøde 7 – digital post']);
    await shoot(app.page, 'search');
    await app.goto('/aktindsigt');
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    await shoot(app.page, 'aktindsigt');
    await app.goto('/settings');
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    await shoot(app.page, 'settings');
  });
});
