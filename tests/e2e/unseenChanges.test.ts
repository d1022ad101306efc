// "What changed since I last looked" (issue 13): the vendor opens a referat, the municipality's later changes arrive in
// a file, and the referat opens with a summary naming the municipality; "Vis ændringerne" shows exactly those, marked
// by author; "Markér som set" moves the mark, and nothing merged is out of sight. The import is also an automatic
// version on the vendor's device, and "Alle ændringer fra start" names both parties.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { LockModel } from './pages/LockModel';
import { VersionsPanelModel } from './pages/VersionsPanelModel';
import { useBrowserFixture } from './support/browserFixture';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');

/** The element on a laptop (1366×768) and a phone (360 px), saved to be looked at. */
async function shoot(element: Locator, name: string): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const page = element.page();
  for (const [size, width, height] of [['laptop', 1366, 768], ['phone', 360, 780]] as const) {
    await page.setViewportSize({ width, height });
    await element.screenshot({ path: path.join(OUT, `${name}-${size}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('changed since you last looked', () => {
  const fx = useBrowserFixture();

  it('sums up the other party\'s changes after an import, shows them marked, and is quiet once marked as seen', async () => {
    const a = await ReferatApp.open(await fx.newContext({ acceptDownloads: true }), fx.server.url);
    await a.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await a.createReferat();
    await a.titleField.fill('Driftsmøde december');
    await a.typeAfter('Beslutninger', ': kontrakten forlænges');
    await a.waitUntilSaved();
    const first = await a.copies.download();

    const b = await ReferatApp.open(await fx.newContext({ acceptDownloads: true }), fx.server.url);
    await b.setUpProfile({ name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' });
    expect(await b.copies.import('Importér referat', first)).toContain('er føjet til biblioteket');
    // The first look: nothing to compare with yet, so no summary; the mark is set.
    await b.goto(`/r/${id}`);
    await b.editor.getByText('kontrakten forlænges').waitFor();
    await b.typeAfter('Status', ': leverandøren er i gang');
    await b.waitUntilSaved();
    expect(await b.page.getByTestId('unseen-changes').count()).toBe(0);
    await b.nav('Bibliotek');

    // The municipality writes on, and sends a new copy.
    await a.typeAfter('Eventuelt', ': næste møde i januar');
    await a.waitUntilSaved();
    const second = await a.copies.download();
    expect(await b.copies.import('Importér referat', second)).toContain('Driftsmøde december');

    await b.goto(`/r/${id}`);
    const summary = b.page.getByTestId('unseen-changes');
    await summary.waitFor({ timeout: 20_000 });
    expect(squash(await summary.innerText())).toMatch(/1 ændring fra Mette Holm, Aarhus Kommune siden /);
    await summary.getByRole('button', { name: 'Vis ændringerne' }).click();
    const comparison = b.page.getByTestId('version-compare').first();
    await comparison.waitFor();
    const inserted = await comparison.getByRole('insertion').filter({ hasText: '[indsat af Mette Holm, Aarhus Kommune: ' }).allInnerTexts();
    expect(inserted.map(squash).join(' ')).toContain('næste møde i januar');
    // Bo's own writing is not news to him.
    expect(await comparison.innerText()).not.toContain('indsat af Bo Lund');
    await shoot(summary, 'unseen-summary');

    await summary.getByRole('button', { name: 'Markér som set' }).click();
    await expect.poll(() => summary.count()).toBe(0);
    await b.page.reload();
    await b.editor.getByText('næste møde i januar').waitFor();
    await b.page.waitForTimeout(1500);
    expect(await b.page.getByTestId('unseen-changes').count()).toBe(0);

    // The import is a version on this device; "Alle ændringer fra start" names both parties.
    const versions = new VersionsPanelModel(b.page);
    await expect.poll(async () => (await versions.entries()).some((e) => e.startsWith('Automatisk version ved import'))).toBe(true);
    await versions.panel.getByRole('button', { name: 'Alle ændringer fra start' }).click();
    const legend = await versions.legend();
    expect(legend.some((l) => l.startsWith('Mette Holm, Aarhus Kommune: '))).toBe(true);
    expect(legend.some((l) => l.startsWith('Bo Lund, Systemhuset A/S: '))).toBe(true);
    // The agenda every device seeds is nobody's writing.
    expect(legend.some((l) => l.startsWith('skabelonen (dagsordenen, som ingen har skrevet)'))).toBe(true);
    expect(legend.some((l) => l.startsWith('ukendt'))).toBe(false);
  });

  it('shows in one click what changed since an approval of an earlier version, by whom', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    await app.titleField.fill('Styregruppemøde');
    await app.typeAfter('Beslutninger', ': budgettet godkendes');
    await app.waitUntilSaved();
    await app.approve();
    await new LockModel(app).reopen();
    await expect.poll(() => app.editor.getAttribute('contenteditable')).toBe('true');
    await app.typeAfter('Eventuelt', ': tilføjet efter godkendelsen');
    await expect.poll(() => app.editorText()).toContain('Eventuelt: tilføjet efter godkendelsen');
    await app.waitUntilSaved();
    const approval = app.page.getByTestId('approval').first();
    await expect.poll(() => approval.getAttribute('data-current'), { timeout: 10_000 }).toBe('false');
    await approval.getByRole('button', { name: 'Vis, hvad der er ændret siden denne godkendelse' }).click();
    const comparison = approval.getByTestId('version-compare');
    await comparison.waitFor();
    const inserted = await comparison.getByRole('insertion').filter({ hasText: '[indsat af Mette Holm, Aarhus Kommune: ' }).allInnerTexts();
    expect(inserted.map(squash).join(' ')).toContain('tilføjet efter godkendelsen');
    expect(await comparison.innerText()).not.toContain('budgettet godkendes]');
  });
});
