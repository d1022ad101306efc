// Printing and the PDF of a referat with an approval and an action item: the tab (and "Gem som PDF") is named after
// the referat; the printed page states the status, the approval and the action item in words, with Danish dates and
// no form field; "Hent som PDF" gives a real PDF whose text (pdftotext) says the same, and its code loads only then.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';
import { loadedScripts } from './support/loadedScripts';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');
const TITLE = 'Styregruppemøde 12';
const ACTION = 'Send tidsplan til leverandøren';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('print and PDF', () => {
  const fx = useBrowserFixture();

  it('names the tab after the referat, prints status, approval and action item in words, and downloads a PDF with text', async () => {
    const app = await ReferatApp.open(await fx.newContext({ acceptDownloads: true }), fx.server.url);
    const { page } = app;
    // Every script fetched from here on: the PDF code must not be among them until "Hent som PDF".
    const scripts = loadedScripts(page);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    expect(await page.title()).toBe('Bibliotek – Referat');
    await app.createReferat();

    // (1) The document title follows the referat's title, and is put back on leaving.
    await app.titleField.fill('Udkast');
    await expect.poll(() => page.title()).toBe('Udkast – Referat');
    await app.titleField.fill(TITLE);
    await expect.poll(() => page.title()).toBe(`${TITLE} – Referat`);
    await page.getByLabel('Dato', { exact: true }).fill('2027-01-31');
    // Clicked at its start: the item's fields may stand over the middle of its title line.
    await page.locator('.minutes-text .agenda-title', { hasText: /^Status$/ }).click({ position: { x: 4, y: 8 } });
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('button', { name: 'Handlingspunkt', exact: true }).click();
    await page.keyboard.type(ACTION);
    const item = page.getByRole('group', { name: 'Handlingspunkt' });
    await item.getByRole('combobox', { name: 'Ansvarlig' }).fill('Mette Holm');
    await expect.poll(() => item.getByRole('textbox', { name: 'Organisation' }).inputValue()).toBe('Aarhus Kommune');
    await item.getByLabel('Frist').fill('2027-02-15');
    await app.agendaItem('Status').getByRole('textbox', { name: 'Sagsnummer' }).fill('27/0042');
    await app.waitUntilSaved();
    await app.approve();
    await expect.poll(() => page.getByTestId('print-status').textContent()).toBe('Status: Godkendt');

    // (2) The printed page: details with the date in words, status, the approval as a list, action items in words.
    const words = 'Ikke udført · Ansvarlig: Mette Holm (Aarhus Kommune) · Frist: 15. februar 2027';
    await expect.poll(async () => squash(await page.getByTestId('print-action-items').textContent() ?? '')).toContain(`${ACTION} – ${words}`);
    await page.emulateMedia({ media: 'print' });
    const details = page.getByTestId('print-details');
    expect(await details.isVisible()).toBe(true);
    expect(squash(await details.innerText())).toContain('Dato: 31. januar 2027');
    expect(await page.getByTestId('print-status').innerText()).toBe('Status: Godkendt');
    const approvals = await page.getByTestId('print-trust').innerText();
    expect(approvals).toMatch(/Mette Holm \(Aarhus Kommune\) \d+\. \S+ \d{4} kl\. \d\d\.\d\d \(CES?T\) – gælder den nuværende version, bekræftet nøgle/);
    expect(await page.getByTestId('print-trust').getByRole('listitem').count()).toBe(1);
    expect(squash(await page.getByTestId('print-action-items').innerText())).toContain(`${ACTION} – ${words}`);
    expect(await page.getByText('Ikke udført', { exact: false }).first().isVisible()).toBe(true);
    // No form field or bare checkbox is printed; the text's own fields are written out as words instead.
    expect(await page.locator('input:visible, select:visible, textarea:visible').count()).toBe(0);
    const generated = (selector: string) =>
      page.locator(selector).evaluateAll((els) => els.map((el) => getComputedStyle(el, '::before').content).filter((c) => c !== 'none'));
    expect(await generated('.minutes-text .action-item > .action-item-fields')).toEqual([`"${words}"`]);
    expect(await generated('.minutes-text .agenda-item > .agenda-item-fields')).toEqual(['"Sagsnummer: 27/0042"']);
    expect(await page.getByRole('heading', { level: 1, name: TITLE }).isVisible()).toBe(true);
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'print-laptop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(OUT, 'print-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    // The browser's own printout ("Gem som PDF"): every page headed by the title and date, numbered "Side 1 af 1".
    const dir = await mkdtemp(path.join(tmpdir(), 'referat-pdf-'));
    const printed = path.join(dir, 'printed.pdf');
    await writeFile(printed, await page.pdf({ format: 'A4' }));
    const printedText = squash(execFileSync('pdftotext', ['-layout', printed, '-'], { encoding: 'utf8' }));
    for (const s of [`${TITLE} · 31. januar 2027`, 'Status: Godkendt', `${ACTION} – ${words}`, 'Sagsnummer: 27/0042']) expect(printedText).toContain(s);
    expect(printedText).toMatch(/Side 1 af \d+/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', printed, path.join(OUT, 'print-browser-page')]);
    await page.emulateMedia({ media: 'screen' });
    expect(await details.isVisible()).toBe(false);

    // (3) "Hent som PDF": pdf-lib and the generator load only now; the file has text, a head and page numbers.
    const pdfChunks = () => scripts.filter((s) => /referatPdf|pdf-lib|pdfPages/i.test(s));
    expect(pdfChunks()).toEqual([]);
    const pdf = await app.exports.downloadPdf();
    expect(pdfChunks().length).toBeGreaterThan(0);
    expect(pdf.name).toBe(`${TITLE} 2027-01-31.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByRole('status').filter({ hasText: `Referatet er gemt som »${pdf.name}«.` }).waitFor();
    const file = path.join(dir, 'referat.pdf');
    await writeFile(file, pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = squash(text);
    expect(text).toContain(TITLE);
    expect(flat).toContain(`${TITLE} · 31. januar 2027`);
    expect(flat).toContain('Status: Godkendt');
    expect(flat).toContain('Mette Holm (Aarhus Kommune)');
    expect(flat).toMatch(/gælder den nuværende version, bekræftet nøgle/);
    expect(flat).toContain(`Handlingspunkt: ${ACTION}`);
    expect(flat).toContain(words);
    expect(flat).toContain('Sagsnummer: 27/0042');
    expect(flat).toMatch(/Side 1 af \d+/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(OUT, 'print-pdf-page')]);

    // Leaving the referat puts the library's title back.
    await page.getByRole('link', { name: 'Tilbage til biblioteket' }).click();
    await expect.poll(() => page.title()).toBe('Bibliotek – Referat');
  });
});
