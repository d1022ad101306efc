// Plain words (issue #17, findings 4, 5 and 11): the copy ledger in sentences counted in words after a file exchange
// between two profiles, file names in local time, import results next to the button that caused them and cleared
// after leaving the page, approvals on one line with the details behind a disclosure, short names in the trash, and
// what the browser answered to "Bed om vedvarende lagring". Screenshots go to $REFERAT_SCREENSHOTS.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');
const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Shows one part of the referat page's side panel when the page has tabs for them. */
async function showPart(app: ReferatApp, name: string): Promise<void> {
  const tab = app.page.getByRole('tab', { name, exact: true });
  if ((await tab.count()) > 0 && (await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

/** The vertical distance in px from the bottom of `a` to the top of `b` (negative when b starts above a's bottom). */
async function gapBelow(a: Locator, b: Locator): Promise<number> {
  const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()];
  if (!boxA || !boxB) throw new Error('not laid out');
  return boxB.y - (boxA.y + boxA.height);
}

/** Types at the end of the minutes text, reaching it by keyboard (no click that a hover control could catch). */
async function typeAtEnd(app: ReferatApp, typed: string): Promise<void> {
  await app.page.getByRole('textbox', { name: 'Referattekst' }).focus();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.type(typed);
}

/** The file input's visible button (its label). */
const importButton = (page: Page, label: string) => page.locator('label.button-like', { hasText: label });

/** The browser's own local date and time as a file name writes it: YYYY-MM-DD-HH-MM. */
const browserStamp = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}-${two(d.getMinutes())}`;
  });

describe('plain words', () => {
  const fx = useBrowserFixture();

  it('speaks of copies in sentences counted in words, and reports each import next to its button', async () => {
    await mkdir(OUT, { recursive: true });
    // The vendor's laptop is 14 hours ahead of UTC: its file names must carry its own date and time.
    const a = await ReferatApp.open(await fx.newContext({ acceptDownloads: true, timezoneId: 'Europe/Copenhagen' }), fx.server.url);
    await a.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const docId = await a.createReferat();
    await a.titleField.fill('Driftsmøde med Medialogic');
    await typeAtEnd(a, ' Budgettet godkendes.');
    await a.waitUntilSaved();
    await showPart(a, 'Kopier');
    const first = await a.downloadCopy();

    const b = await ReferatApp.open(await fx.newContext({ acceptDownloads: true, timezoneId: 'Pacific/Kiritimati' }), fx.server.url);
    await b.setUpProfile({ name: 'Lars Holm', organisation: 'Medialogic A/S', kind: 'Leverandør' });
    // On the library page, the result stands right below "Importér referat", as a status that is announced.
    expect(await b.importCopyFile('Importér referat', first)).toMatch(/er føjet til biblioteket\. Nye rettelser fra Mette Holm\.\n/);
    const libraryResult = b.page.getByTestId('import-result').first();
    expect(await gapBelow(importButton(b.page, 'Importér referat'), libraryResult)).toBeLessThan(120);
    expect(await libraryResult.locator('xpath=ancestor::*[@role="status"]').count()).toBe(1);

    // Leaving the page clears what was shown there.
    await b.page.getByRole('link', { name: 'Driftsmøde med Medialogic' }).click();
    await b.editor.waitFor();
    expect(await b.page.getByTestId('import-result').count()).toBe(0);

    // The vendor writes four words; its ledger says what the municipality lacks, in words and paragraphs, not Yjs changes.
    await typeAtEnd(b, ' Leverandøren sender tidsplan fredag');
    await b.waitUntilSaved();
    await showPart(b, 'Kopier');
    const row = b.page.getByTestId('ledger-row');
    await expect.poll(() => row.getByTestId('ledger-state').innerText(), { timeout: 10_000 }).toMatch(
      /^Aarhus Kommune mangler dine seneste rettelser fra i dag: 4 ord i 1 afsnit(, deltagerlisten)?\. Sidst set \d{1,2}\. \S+ kl\. \d\d\.\d\d i en fil fra dem\.$/,
    );
    expect(await row.innerText()).not.toMatch(/ændringer/);
    const stampBefore = await browserStamp(b.page);
    const partial = await b.downloadCopy('Eksportér det, Aarhus Kommune mangler');
    const stampAfter = await browserStamp(b.page);
    // Local time in the file name: Kiritimati's date and time, which is not UTC's.
    expect([stampBefore, stampAfter].some((s) => partial.name === `Driftsmøde med Medialogic ${s} til Aarhus Kommune.referat`)).toBe(true);
    await expect.poll(() => row.getByTestId('ledger-state').innerText()).toMatch(/Du sendte en kopi \d{1,2}\. \S+ kl\. \d\d\.\d\d\. De har ikke sendt en kopi tilbage siden\.$/);

    // The municipality imports it with the button in its copies panel: the result stands next to that button.
    await a.goto(`/r/${docId}`);
    await a.editor.waitFor();
    await showPart(a, 'Kopier');
    const said = await a.importCopyFile('Importér kopi af dette referat', partial);
    expect(said).toContain('er importeret. Nye rettelser fra Lars Holm.');
    const result = a.page.getByTestId('import-result').first();
    expect(await gapBelow(importButton(a.page, 'Importér kopi af dette referat'), result)).toBeLessThan(120);
    expect(await result.locator('xpath=ancestor::*[@role="status"]').count()).toBe(1);
    // Their ledger: Medialogic holds everything, said as one sentence in local time; no export is offered for it.
    const theirRow = a.page.getByTestId('ledger-row');
    await expect.poll(() => theirRow.getByTestId('ledger-state').innerText()).toMatch(/^Medialogic A\/S har alt, du har, pr\. \d{1,2}\. \S+ kl\. \d\d\.\d\d\.$/);
    expect(await theirRow.getByRole('button').count()).toBe(0);
    for (const size of SIZES) {
      await a.page.setViewportSize({ width: size.width, height: size.height });
      await theirRow.scrollIntoViewIfNeeded();
      await a.page.screenshot({ path: path.join(OUT, `plain-words-copies-${size.name}.png`) });
    }
    // "Ryd importbeskeder" clears them at once and puts focus back on the import button.
    await a.page.getByRole('button', { name: 'Ryd importbeskeder' }).click();
    expect(await a.page.getByTestId('import-result').count()).toBe(0);
    expect(await a.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
  });

  it('lists approvals on one line, with hash, signature and key behind a disclosure', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    await app.titleField.fill('Styregruppemøde 12');
    await typeAtEnd(app, ' Planen følges.');
    await app.waitUntilSaved();
    await showPart(app, 'Godkendelser');
    await app.approve();
    const item = app.page.getByTestId('approval');
    await expect.poll(() => item.locator('.approval-line').innerText()).toMatch(
      /^Godkendt af Mette Holm, Aarhus Kommune, \d{1,2}\. \S+ \d{4} kl\. \d\d\.\d\d — bekræftet, din nøgle$/,
    );
    const details = item.locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await item.getByText(/^Hashværdi:/).isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.innerText()).toMatch(/Hashværdi: [0-9a-f]{4}/i);
    expect(await details.innerText()).toContain('Signaturen er gyldig.');
    expect(await details.innerText()).toMatch(/Nøgle: Mette Holm, Aarhus Kommune \(bekræftet, din nøgle\), [0-9A-F]{4}( ?[0-9A-F]{4}){7}/);
    for (const size of SIZES) {
      await app.page.setViewportSize({ width: size.width, height: size.height });
      await item.scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: path.join(OUT, `plain-words-approval-${size.name}.png`) });
    }
  });

  it('names trash buttons short, told apart by the title they describe', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    for (const title of ['Driftsmøde om netværket – januar', 'Driftsmøde om netværket – februar']) {
      await app.nav('Bibliotek');
      await app.createReferat();
      await app.titleField.fill(title);
      await app.waitUntilSaved();
      await app.page.getByRole('button', { name: 'Flyt til papirkurv' }).click();
      await app.page.getByText(/papirkurv/i).first().waitFor();
    }
    await app.nav('Papirkurv');
    const restore = app.page.getByRole('button', { name: 'Gendan', exact: true });
    await expect.poll(() => restore.count()).toBe(2);
    const described = await restore.evaluateAll((buttons) =>
      buttons.map((b) => (b.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')),
    );
    expect(described).toEqual([expect.stringMatching(/^Driftsmøde om netværket – (januar|februar) · /), expect.stringMatching(/^Driftsmøde om netværket – (januar|februar) · /)]);
    expect(new Set(described).size).toBe(2);
    // Each row is a list item named by its title, so "Gendan" in the "januar" row is one button.
    await app.page.getByRole('listitem', { name: /januar/ }).getByRole('button', { name: 'Gendan', exact: true }).click();
    await expect.poll(() => restore.count()).toBe(1);
    expect(await app.page.getByRole('button', { name: 'Slet for altid', exact: true }).count()).toBe(1);
  });

  it('says what the browser answered to "Bed om vedvarende lagring", and advises a backup until one is made', async () => {
    const app = await ReferatApp.open(await fx.newContext({ acceptDownloads: true }), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.nav('Indstillinger');
    const persisted = app.page.getByTestId('storage-persisted');
    await persisted.waitFor();
    expect(await app.page.getByTestId('last-backup').innerText()).toBe('Der er ikke taget en sikkerhedskopi fra denne enhed.');
    const ask = app.page.getByRole('button', { name: 'Bed om vedvarende lagring' });
    // The button is offered only while storage is not persistent; then a backup is advised.
    const offered = (await ask.count()) > 0;
    expect(await app.page.getByTestId('backup-advice').count()).toBe(offered ? 1 : 0);
    if (offered) await ask.click();
    const answer = app.page.getByTestId('storage-answer');
    if (offered) await answer.waitFor();
    // Headless Chromium may grant or refuse: the text must match whatever the browser now says.
    const granted = await app.page.evaluate(() => navigator.storage.persisted());
    const said = offered ? await answer.innerText() : null;
    const expected = !offered
      ? null
      : granted
        ? 'Browseren sagde ja: den har lovet ikke at slette referaterne.'
        : 'Browseren sagde nej. Den afgør selv, hvornår den giver lov (fx når siden er installeret som app eller bogmærket), og den kan slette referaterne, hvis der bliver trangt om plads. Tag derfor en sikkerhedskopi jævnligt, og gem den et andet sted.';
    expect(said).toBe(expected);
    expect(await answer.locator('xpath=ancestor::*[@role="status"]').count()).toBe(offered ? 1 : 0);
    expect(await persisted.innerText()).toMatch(granted ? /^Vedvarende lagring: givet\. Browseren har lovet ikke at slette referaterne\./ : /^Vedvarende lagring: ikke givet\. Browseren har ikke lovet/);
    for (const size of SIZES) {
      await app.page.setViewportSize({ width: size.width, height: size.height });
      await app.page.getByTestId('last-backup').scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: path.join(OUT, `plain-words-storage-${size.name}.png`), fullPage: false });
    }
    // A backup saved: its date is shown, and the advice is gone.
    await app.saveBackup();
    await expect.poll(() => app.page.getByTestId('last-backup').innerText()).toMatch(/^Seneste sikkerhedskopi fra denne enhed: \d{1,2}\. \S+ \d{4} kl\. \d\d\.\d\d\.$/);
    expect(await app.page.getByTestId('backup-advice').count()).toBe(0);
  });
});
