// Exporting one referat from its page: HTML, Markdown and Word files with the minutes' structure, the exporter
// code loaded only on the first export, and a print layout without the editor's chrome; the status and approvals
// in every file and on the printed page are the ones checked on this device.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';
import { loadedScripts } from './support/loadedScripts';

const TITLE = 'Driftsmøde & <status>';
const DECISION = 'Kontrakten forlænges med et år.';
const ACTION = 'Send tidsplan til kommunen';

describe('export of one referat', () => {
  const fx = useBrowserFixture();

  it('exports HTML, Markdown and DOCX with agenda, decision and action item, loading the exporters on first use', async () => {
    const context = await fx.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const scripts = loadedScripts(page);
    const app = new ReferatApp(page, fx.server.url);
    await app.goto('/');
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    await app.titleField.fill(TITLE);
    await app.addParticipant('Bo Lund', 'Systemhuset A/S');
    await page.getByRole('checkbox', { name: 'Bo Lund: Til stede' }).uncheck();
    await app.caretBelowTitle('Status');
    await page.getByRole('button', { name: 'Beslutning', exact: true }).click();
    await page.keyboard.type(DECISION);
    await page.getByRole('button', { name: 'Handlingspunkt', exact: true }).click();
    await page.keyboard.type(ACTION);
    const item = page.getByRole('group', { name: 'Handlingspunkt' });
    await item.getByRole('combobox', { name: 'Ansvarlig' }).fill('Bo Lund');
    await expect.poll(() => item.getByRole('textbox', { name: 'Organisation' }).inputValue()).toBe('Systemhuset A/S');
    await item.getByLabel('Frist').fill('2026-12-01');
    await app.agendaItem('Status').getByRole('textbox', { name: 'Sagsnummer' }).fill('24/1234');
    await app.waitUntilSaved();
    const exporterChunks = (list: string[]) => list.filter((s) => /exportReferat|referatHtml|referatDocx|referatMarkdown/.test(s));
    expect(exporterChunks(scripts)).toEqual([]);

    // HTML: a standalone page with numbered agenda items, the decision, the action item and the participants.
    const html = await app.exportDocument('HTML');
    expect(html.name).toMatch(/^Driftsmøde +status \d{4}-\d{2}-\d{2}\.html$/);
    await page.getByRole('status').filter({ hasText: `Referatet er gemt som »${html.name}«.` }).waitFor();
    expect(scripts.some((s) => s.includes('exportReferat'))).toBe(true);
    const text = html.bytes.toString('utf8');
    expect(text).toContain('<h1>Driftsmøde &amp; &lt;status&gt;</h1>');
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain('<p class="agenda-meta">Sagsnummer: 24/1234</p>');
    expect(text).toContain(`<div class="decision"><p class="decision-label">Beslutning:</p><p>${DECISION}</p></div>`);
    expect(text).toContain(`<tr><th scope="row">${ACTION}</th><td>Bo Lund</td><td>Systemhuset A/S</td><td><time datetime="2026-12-01">1. december 2026</time></td><td>Åben</td></tr>`);
    expect(text).toContain('<tr><th scope="row">Bo Lund</th><td>Systemhuset A/S</td><td></td><td>Fraværende</td></tr>');
    expect(text).toContain('<p>Ingen godkendelser</p>');
    expect(text).toContain('<dt>Status</dt><dd>Kladde</dd>');
    expect(text).toContain('Status og godkendelser er kontrolleret på den enhed, der dannede filen.');
    // Opened in a browser, it shows the agenda as the app numbers it.
    const viewer = await context.newPage();
    await viewer.setContent(text);
    expect(await viewer.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      'Mødeoplysninger',
      'Deltagere',
      '1. Godkendelse af dagsorden',
      '2. Opfølgning fra sidste møde',
      '3. Status',
      '4. Beslutninger',
      '5. Næste møde',
      '6. Eventuelt',
      'Godkendelser',
    ]);
    await viewer.close();

    // Markdown.
    const md = await app.exportDocument('Markdown');
    expect(md.name).toMatch(/\.md$/);
    const lines = md.bytes.toString('utf8').split('\n');
    expect(lines[0]).toBe('# Driftsmøde & \\<status\\>');
    expect(lines).toContain('## 3. Status');
    expect(lines).toContain(`> **Beslutning:** ${DECISION}`);
    expect(lines).toContain(`- [ ] ${ACTION} — Ansvarlig: Bo Lund (Systemhuset A/S) — Frist: 2026-12-01`);

    // DOCX: a zip whose document.xml the browser parses as XML, with the agenda as Heading 1 paragraphs.
    const docx = await app.exportDocument('Word (DOCX)');
    expect(docx.name).toMatch(/\.docx$/);
    const files = unzipSync(new Uint8Array(docx.bytes));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    const parsed = await page.evaluate((source) => {
      const d = new DOMParser().parseFromString(source, 'application/xml');
      const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
      const paragraphs = Array.from(d.getElementsByTagNameNS(W, 'p')).map((p) => ({
        style: p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? '',
        text: Array.from(p.getElementsByTagNameNS(W, 't')).map((t) => t.textContent).join(''),
      }));
      return { errors: d.getElementsByTagName('parsererror').length, paragraphs };
    }, xml);
    expect(parsed.errors).toBe(0);
    expect(parsed.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain('3. Status');
    expect(parsed.paragraphs).toContainEqual({ style: 'Decision', text: DECISION });
    const texts = parsed.paragraphs.map((p) => p.text);
    for (const s of [TITLE, ACTION, 'Bo Lund', 'Systemhuset A/S', '1. december 2026', 'Fraværende', 'Ingen godkendelser']) expect(texts).toContain(s);
    expect(Object.keys(files)).toContain('word/styles.xml');
  });

  it('prints the minutes and meeting details without the editor chrome, with the title on every page', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    const { page } = app;
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    await app.titleField.fill('Styregruppemøde 7');
    await app.agendaItem('Status').getByRole('textbox', { name: 'Sagsnummer' }).fill('24/1234');
    await app.typeAfter('Eventuelt', '');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Intet at bemærke.');
    await app.waitUntilSaved();

    // The print button opens the browser's print dialog.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await app.exportMenu.getByRole('button', { name: 'Udskriv / PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    const chrome = [
      page.getByRole('banner'),
      page.getByRole('navigation'),
      page.getByRole('toolbar', { name: 'Formatering' }),
      app.exportMenu,
      page.getByRole('button', { name: 'Invitér' }),
      page.getByRole('button', { name: 'Eksportér kopi' }),
      page.getByRole('textbox', { name: 'Titel' }),
      page.getByRole('button', { name: 'Tilføj deltager' }),
    ];
    for (const c of chrome) expect(await c.first().isVisible()).toBe(true);
    const details = page.getByTestId('print-details');
    expect(await details.isVisible()).toBe(false);

    await page.emulateMedia({ media: 'print' });
    for (const c of chrome) expect(await c.first().isVisible()).toBe(false);
    expect(await page.locator('button:visible').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1, name: 'Styregruppemøde 7' }).isVisible()).toBe(true);
    expect(await details.isVisible()).toBe(true);
    expect(await details.innerText()).toContain('Deltagere: Mette Holm (Aarhus Kommune)');
    expect(await page.getByTestId('print-status').innerText()).toBe('Status: Kladde');
    expect(await page.getByTestId('print-trust').innerText()).toContain('Godkendelser: Ingen godkendelser');
    expect(await app.editor.getByText('Intet at bemærke.').isVisible()).toBe(true);
    expect(await app.agendaItems.count()).toBe(6);
    // No agenda field is printed as an input: a filled one is written out as words (print.test.ts), empty ones not at all.
    const caseNumber = (title: string) => app.agendaItem(title).getByRole('textbox', { name: 'Sagsnummer' });
    expect(await caseNumber('Næste møde').isVisible()).toBe(false);
    expect(await caseNumber('Status').isVisible()).toBe(false);
    expect(await page.locator('.minutes-text .agenda-item > .agenda-item-fields').evaluateAll((els) => els.map((el) => getComputedStyle(el, '::before').content).filter((c) => c !== 'none'))).toEqual(['"Sagsnummer: 24/1234"']);
    // Every printed page gets the title and date at the top, and its number at the bottom.
    const pageBoxes = await page.evaluate(() =>
      Array.from(document.styleSheets).flatMap((sheet) =>
        Array.from(sheet.cssRules)
          .filter((r) => r instanceof CSSPageRule)
          .map((r) => r.cssText),
      ),
    );
    expect(pageBoxes.some((css) => css.includes('@top-left') && css.includes('Styregruppemøde 7'))).toBe(true);
    expect(pageBoxes.some((css) => css.includes('@bottom-right') && css.includes('counter(pages)'))).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('an approved referat exports and prints as "Godkendt", with the approval in words', async () => {
    const context = await fx.newContext({ acceptDownloads: true });
    const app = await ReferatApp.open(context, fx.server.url);
    const { page } = app;
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    await app.titleField.fill('Godkendt møde');
    await app.waitUntilSaved();
    await app.approve();
    // The only party approved with this device's own key: the derived status is "Godkendt".
    await expect.poll(() => page.getByTestId('print-status').textContent()).toBe('Status: Godkendt');
    const approval = /Mette Holm \(Aarhus Kommune\) \d+\. \S+ \d{4} kl\. \d\d\.\d\d \(CES?T\) – gælder den nuværende version, bekræftet nøgle/;

    const html = (await app.exportDocument('HTML')).bytes.toString('utf8');
    expect(html).toContain('<dt>Status</dt><dd>Godkendt</dd>');
    expect(html).toMatch(/<tr><th scope="row">Mette Holm<\/th><td>Aarhus Kommune<\/td><td>.*?<\/td><td>gælder den nuværende version<\/td><td>bekræftet nøgle<\/td>/);
    const md = (await app.exportDocument('Markdown')).bytes.toString('utf8');
    expect(md).toContain('- **Status:** Godkendt');
    expect(md).toMatch(/\| Mette Holm \| Aarhus Kommune \| .* \| gælder den nuværende version \| bekræftet nøgle \|/);

    await page.emulateMedia({ media: 'print' });
    const printed = page.getByTestId('print-trust');
    expect(await printed.isVisible()).toBe(true);
    expect(await printed.innerText()).toMatch(approval);
  });
});
