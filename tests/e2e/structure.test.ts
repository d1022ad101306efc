// Structured minutes in the editor: agenda items, decisions and action items inserted by toolbar, shortcut
// and "/" menu; their fields; reordering with numbers that follow; undo; copy and paste; Word paste.
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

const SEEDED = ['Godkendelse af dagsorden', 'Opfølgning fra sidste møde', 'Status', 'Beslutninger', 'Næste møde', 'Eventuelt'];
const numbered = (titles: string[]) => titles.map((t, i) => `${i + 1}. ${t}`);

describe('structured minutes', () => {
  const fx = useBrowserFixture();

  async function openNew(): Promise<ReferatApp> {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    return app;
  }

  async function addParticipant(app: ReferatApp, name: string, organisation: string): Promise<void> {
    await app.page.getByRole('button', { name: 'Tilføj deltager' }).click();
    await app.page.getByLabel('Navn (2)').fill(name);
    await app.page.getByLabel(`Organisation (${name})`).fill(organisation);
  }

  it('numbers the seeded agenda 1..n, also for screen readers, and names every control', async () => {
    const app = await openNew();
    expect(await app.agendaHeadings()).toEqual(numbered(SEEDED));
    expect(await app.agendaHeadingNames()).toEqual(numbered(SEEDED));
    const status = app.agendaItem('Status');
    expect(await status.getByRole('textbox', { name: 'Sagsnummer' }).count()).toBe(1);
    expect(await status.getByRole('textbox', { name: 'KLE-nummer' }).count()).toBe(1);
    expect(await status.getByRole('button', { name: 'Flyt op' }).count()).toBe(1);
    expect(await status.getByRole('button', { name: 'Flyt ned' }).count()).toBe(1);
    expect(await app.editorText()).toBe(SEEDED.flatMap((t) => [t, '']).join('\n'));
    for (const [name, keys] of [
      ['Dagsordenspunkt', 'Control+Alt+A'],
      ['Beslutning', 'Control+Alt+D'],
      ['Handlingspunkt', 'Control+Alt+H'],
    ]) {
      expect(await app.page.getByRole('button', { name, exact: true }).getAttribute('aria-keyshortcuts')).toBe(keys);
    }
  });

  it('inserts agenda items, decisions and action items by toolbar, shortcut and "/" menu, and keeps them after a reload', async () => {
    const app = await openNew();
    const { page } = app;
    const button = (name: string) => page.getByRole('button', { name, exact: true });

    // Toolbar: a decision in place of Status's empty paragraph, an action item after it, an agenda item after Status.
    await app.caretBelowTitle('Status');
    await button('Beslutning').click();
    await page.keyboard.type('Kontrakten forlænges.');
    await button('Handlingspunkt').click();
    await page.keyboard.type('Send tidsplan');
    await button('Dagsordenspunkt').click();
    await page.keyboard.type('Økonomi');
    expect(await app.agendaHeadings()).toEqual(numbered(['Godkendelse af dagsorden', 'Opfølgning fra sidste møde', 'Status', 'Økonomi', 'Beslutninger', 'Næste møde', 'Eventuelt']));
    expect(await app.agendaItem('Status').locator('.decision').innerText()).toContain('Kontrakten forlænges.');
    expect(await app.agendaItem('Status').locator('.action-item-text').innerText()).toBe('Send tidsplan');
    expect(await page.getByRole('note', { name: 'Beslutning' }).count()).toBe(1);

    // Keyboard shortcuts, from the new item's title.
    await page.keyboard.press('Control+Alt+a');
    await page.keyboard.type('Kontrakt');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Alt+d');
    await page.keyboard.type('Godkendt.');
    await page.keyboard.press('Control+Alt+h');
    await page.keyboard.type('Underskriv');
    const kontrakt = app.agendaItem('Kontrakt');
    expect(await kontrakt.locator('.decision').innerText()).toContain('Godkendt.');
    expect(await kontrakt.locator('.action-item-text').innerText()).toBe('Underskriv');

    // The "/" menu at the start of Eventuelt's empty paragraph: arrow keys and Enter.
    await app.caretBelowTitle('Eventuelt');
    await page.keyboard.type('/');
    await app.slashMenu.waitFor();
    expect(await app.slashMenu.getByRole('option').allInnerTexts()).toEqual(['Dagsordenspunkt', 'Beslutning', 'Handlingspunkt']);
    const firstId = await app.slashMenu.getByRole('option').first().getAttribute('id');
    expect(await app.editor.getAttribute('aria-activedescendant')).toBe(firstId);
    await page.keyboard.press('ArrowDown');
    expect(await app.slashMenu.getByRole('option', { name: 'Beslutning' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await app.slashMenu.waitFor({ state: 'hidden' });
    await page.keyboard.type('Via menuen.');
    expect(await app.agendaItem('Eventuelt').locator('.decision').innerText()).toContain('Via menuen.');
    expect(await app.editorText()).not.toContain('/');
    // Leave the decision (Enter on an empty line), then filter the menu by typing.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/hand');
    expect(await app.slashMenu.getByRole('option').allInnerTexts()).toEqual(['Handlingspunkt']);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ring til driften');
    expect(await app.agendaItem('Eventuelt').locator('.action-item-text').innerText()).toBe('Ring til driften');
    // Escape closes the menu and leaves the "/" as text; the menu then inserts an agenda item.
    await page.keyboard.press('Enter');
    await page.keyboard.type('/');
    await app.slashMenu.waitFor();
    await page.keyboard.press('Escape');
    await app.slashMenu.waitFor({ state: 'hidden' });
    expect((await app.editorText()).split('\n')).toContain('/');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('/dags');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ekstra punkt');

    const expected = numbered(['Godkendelse af dagsorden', 'Opfølgning fra sidste møde', 'Status', 'Økonomi', 'Kontrakt', 'Beslutninger', 'Næste møde', 'Eventuelt', 'Ekstra punkt']);
    expect(await app.agendaHeadings()).toEqual(expected);
    const decisions = ['Kontrakten forlænges.', 'Godkendt.', 'Via menuen.'];
    const actions = ['Send tidsplan', 'Underskriv', 'Ring til driften'];
    expect(await app.decisions.locator('p').allInnerTexts()).toEqual(decisions);
    expect(await app.actionItems.locator('.action-item-text').allInnerTexts()).toEqual(actions);
    const ids = await app.editor.locator('.agenda-item, .action-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? ''));
    expect(ids.every((id) => id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);

    await app.waitUntilSaved();
    await page.reload();
    await app.editor.getByText('Ekstra punkt').waitFor();
    expect(await app.agendaHeadings()).toEqual(expected);
    // textContent: the block text as stored, without layout-dependent line breaks.
    expect(await app.decisions.locator('p').allTextContents()).toEqual(decisions);
    expect(await app.actionItems.locator('.action-item-text').allTextContents()).toEqual(actions);
    expect(await app.editor.locator('.agenda-item, .action-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? ''))).toEqual(ids);
  });

  it('fills an action item: owner from the participants, organisation, due date and done; and the agenda fields', async () => {
    const app = await openNew();
    const { page } = app;
    await addParticipant(app, 'Bo Lund', 'Systemhuset A/S');
    await app.caretBelowTitle('Status');
    await page.keyboard.press('Control+Alt+h');
    await page.keyboard.type('Send tidsplan');

    const item = page.getByRole('group', { name: 'Handlingspunkt' });
    const owner = item.getByRole('combobox', { name: 'Ansvarlig' });
    await owner.click();
    expect(await item.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['Mette Holm', 'Bo Lund']);
    // Choosing a suggestion puts its name in the field (what fill does), and fills in the organisation.
    await owner.fill('Bo Lund');
    await expect.poll(() => item.getByRole('textbox', { name: 'Organisation' }).inputValue()).toBe('Systemhuset A/S');
    await item.getByLabel('Frist').fill('2026-04-01');
    await item.getByRole('checkbox', { name: 'Udført' }).check();
    await expect.poll(() => item.getAttribute('class')).toContain('is-done');
    const status = app.agendaItem('Status');
    await status.getByRole('textbox', { name: 'Sagsnummer' }).fill('24/1234');
    await status.getByRole('textbox', { name: 'KLE-nummer' }).fill('00.01.00');
    // The text is still the editor's: typing goes on where the caret was.
    await app.typeAfter('Send tidsplan', ' til kommunen');

    await app.waitUntilSaved();
    await page.reload();
    await app.editor.getByText('Send tidsplan til kommunen').waitFor();
    const again = page.getByRole('group', { name: 'Handlingspunkt' });
    expect(await again.getByRole('combobox', { name: 'Ansvarlig' }).inputValue()).toBe('Bo Lund');
    expect(await again.getByRole('textbox', { name: 'Organisation' }).inputValue()).toBe('Systemhuset A/S');
    expect(await again.getByLabel('Frist').inputValue()).toBe('2026-04-01');
    expect(await again.getByRole('checkbox', { name: 'Udført' }).isChecked()).toBe(true);
    expect(await app.agendaItem('Status').getByRole('textbox', { name: 'Sagsnummer' }).inputValue()).toBe('24/1234');
    expect(await app.agendaItem('Status').getByRole('textbox', { name: 'KLE-nummer' }).inputValue()).toBe('00.01.00');
    expect(await app.agendaItem('Næste møde').getByRole('textbox', { name: 'Sagsnummer' }).inputValue()).toBe('');
  });

  it('reorders agenda items with Alt+arrow keys and with the move buttons; the numbers follow moves, additions and removals', async () => {
    const app = await openNew();
    const { page } = app;
    await app.typeAfter('Status', '');
    await page.keyboard.press('Alt+ArrowDown');
    expect(await app.agendaHeadings()).toEqual(numbered(['Godkendelse af dagsorden', 'Opfølgning fra sidste møde', 'Beslutninger', 'Status', 'Næste møde', 'Eventuelt']));
    // The caret moved with the item.
    await page.keyboard.type(' (flyttet)');
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    expect(await app.agendaHeadings()).toEqual(numbered(['Godkendelse af dagsorden', 'Status (flyttet)', 'Opfølgning fra sidste møde', 'Beslutninger', 'Næste møde', 'Eventuelt']));

    await app.agendaItem('Eventuelt').getByRole('button', { name: 'Flyt op' }).click();
    await app.agendaItem('Godkendelse af dagsorden').getByRole('button', { name: 'Flyt ned' }).click();
    // Focus stays on the button that was pressed, so it can be pressed again from the keyboard.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Flyt ned');
    await page.keyboard.press('Enter');
    const expected = numbered(['Status (flyttet)', 'Opfølgning fra sidste møde', 'Godkendelse af dagsorden', 'Beslutninger', 'Eventuelt', 'Næste møde']);
    expect(await app.agendaHeadings()).toEqual(expected);
    // The first item cannot move further up, nor the last further down.
    await app.agendaItem('Status (flyttet)').getByRole('button', { name: 'Flyt op' }).click();
    await app.agendaItem('Næste møde').getByRole('button', { name: 'Flyt ned' }).click();
    expect(await app.agendaHeadings()).toEqual(expected);

    // Adding and removing: a new item in the middle shifts the numbers after it; Backspace in it, still empty, removes it.
    await app.typeAfter('Godkendelse af dagsorden', '');
    await page.keyboard.press('Control+Alt+a');
    await page.keyboard.type('Nyt');
    expect(await app.agendaHeadings()).toEqual(numbered(['Status (flyttet)', 'Opfølgning fra sidste møde', 'Godkendelse af dagsorden', 'Nyt', 'Beslutninger', 'Eventuelt', 'Næste møde']));
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => app.agendaItems.count()).toBe(6);
    expect(await app.agendaHeadings()).toEqual(expected);
    expect(await app.agendaHeadingNames()).toEqual(expected);
    // Enter at the start of a title leaves the title alone.
    await app.typeAfter('Beslutninger', '');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    expect(await app.agendaHeadings()).toEqual(expected);

    await app.waitUntilSaved();
    await page.reload();
    await app.editor.getByText('Status (flyttet)').waitFor();
    expect(await app.agendaHeadings()).toEqual(expected);
  });

  it('reorders agenda items by dragging their handle with the mouse; the numbers follow, and it survives a reload', async () => {
    const app = await openNew();
    const { page } = app;
    await app.typeAfter('Status', ' – drift');
    // Tall enough that source and target are both on screen: Playwright scrolling in the middle of a drag stops it.
    await page.setViewportSize({ width: 1280, height: 2200 });
    const handle = (title: string) => app.agendaItem(title).locator('.agenda-drag-handle');
    expect(await handle('Eventuelt').getAttribute('aria-hidden')).toBe('true');
    expect(await handle('Eventuelt').getAttribute('title')).toBe('Træk for at flytte punktet');

    // Eventuelt onto the upper half of Status: before it.
    await handle('Eventuelt').dragTo(app.agendaItem('Status'), { targetPosition: { x: 40, y: 8 } });
    await expect.poll(() => app.agendaHeadings()).toEqual(numbered(['Godkendelse af dagsorden', 'Opfølgning fra sidste møde', 'Eventuelt', 'Status – drift', 'Beslutninger', 'Næste møde']));
    // The first item onto the lower half of the last: after it.
    const last = app.agendaItem('Næste møde');
    const box = await last.boundingBox();
    await handle('Godkendelse af dagsorden').dragTo(last, { targetPosition: { x: 40, y: Math.max(1, (box?.height ?? 20) - 4) } });
    const expected = numbered(['Opfølgning fra sidste møde', 'Eventuelt', 'Status – drift', 'Beslutninger', 'Næste møde', 'Godkendelse af dagsorden']);
    await expect.poll(() => app.agendaHeadings()).toEqual(expected);
    // The moved item keeps its text, and nothing was pasted into another item.
    expect(await app.agendaItems.count()).toBe(6);
    expect(await app.editorText()).toBe(['Opfølgning fra sidste møde', '', 'Eventuelt', '', 'Status – drift', '', 'Beslutninger', '', 'Næste møde', '', 'Godkendelse af dagsorden', ''].join('\n'));

    await app.waitUntilSaved();
    await page.reload();
    await app.editor.getByText('Status – drift').waitFor();
    expect(await app.agendaHeadings()).toEqual(expected);
  });

  it('undoes and redoes inserting an action item', async () => {
    const app = await openNew();
    const { page } = app;
    await app.caretBelowTitle('Status');
    await page.keyboard.press('Control+Alt+h');
    await expect.poll(() => app.actionItems.count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.actionItems.count()).toBe(0);
    expect(await app.editorText()).toBe(SEEDED.flatMap((t) => [t, '']).join('\n'));
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => app.actionItems.count()).toBe(1);
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => app.actionItems.count()).toBe(0);
    await page.getByRole('button', { name: 'Gentag' }).click();
    await expect.poll(() => app.actionItems.count()).toBe(1);
  });

  it('copies an action item with Ctrl+C and Ctrl+V: the copy keeps its fields and gets a new id', async () => {
    const app = await openNew();
    const { page } = app;
    await app.caretBelowTitle('Status');
    await page.keyboard.press('Control+Alt+h');
    await page.keyboard.type('Send tidsplan');
    const original = app.actionItems.first();
    await original.getByRole('combobox', { name: 'Ansvarlig' }).fill('Bo Lund');
    await original.getByRole('textbox', { name: 'Organisation' }).fill('Systemhuset A/S');
    await original.getByLabel('Frist').fill('2026-04-01');
    await original.getByRole('checkbox', { name: 'Udført' }).check();

    // Pressing the item's marker selects the whole item; copy it, and paste it in Eventuelt's empty paragraph.
    await original.locator('.action-item-marker').click();
    await expect.poll(() => original.getAttribute('class')).toContain('ProseMirror-selectednode');
    await page.keyboard.press('Control+c');
    await app.caretBelowTitle('Eventuelt');
    await page.keyboard.press('Control+v');
    await expect.poll(() => app.actionItems.count()).toBe(2);

    async function fields(i: number) {
      const item = app.actionItems.nth(i);
      return {
        text: await item.locator('.action-item-text').innerText(),
        owner: await item.getByRole('combobox', { name: 'Ansvarlig' }).inputValue(),
        organisation: await item.getByRole('textbox', { name: 'Organisation' }).inputValue(),
        due: await item.getByLabel('Frist').inputValue(),
        done: await item.getByRole('checkbox', { name: 'Udført' }).isChecked(),
      };
    }
    const expected = { text: 'Send tidsplan', owner: 'Bo Lund', organisation: 'Systemhuset A/S', due: '2026-04-01', done: true };
    expect(await fields(0)).toEqual(expected);
    expect(await fields(1)).toEqual(expected);
    expect(await app.agendaItem('Eventuelt').locator('.action-item').count()).toBe(1);
    const ids = async () => app.actionItems.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? ''));
    const [a, b] = await ids();
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).not.toBe(a);

    await app.waitUntilSaved();
    await page.reload();
    await app.editor.getByText('Send tidsplan').first().waitFor();
    expect(await fields(1)).toEqual(expected);
    expect(await ids()).toEqual([a, b]);
  });

  it('pastes Word and web HTML as the schema allows, losing no text', async () => {
    const app = await openNew();
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8">
<style>p.MsoNormal{margin:0cm;font-size:11.0pt}</style><!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=DA style='tab-interval:65.2pt'><!--StartFragment-->
<h1 style='mso-style-name:"Overskrift 1"'><span style='mso-fareast-language:DA'>Overskrift fra Word<o:p></o:p></span></h1>
<p class=MsoNormal><span style='font-size:11.0pt;font-family:"Calibri",sans-serif;mso-fareast-language:DA'>Almindelig tekst med <b>fed</b> og <i>kursiv</i><o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>Første punkt<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0><tr><td width=300><p class=MsoNormal>Celle A1<o:p></o:p></p></td><td><p class=MsoNormal>Celle B1<o:p></o:p></p></td></tr>
<tr><td>Celle A2</td><td><span style='color:red'>Celle B2</span></td></tr></table>
<p class=MsoNormal>Efter tabellen<!-- en kommentar --> fortsætter teksten<o:p>&nbsp;</o:p></p>
<h4>Lille overskrift</h4>
<!--EndFragment--></body></html>`;
    await app.caretBelowTitle('Eventuelt');
    await app.pasteHtml(word, 'Overskrift fra Word');
    await expect.poll(() => app.editorText()).toContain('Lille overskrift');
    // Word's <o:p>&nbsp;</o:p> leaves its no-break space: text, so it stays.
    const lines = (await app.editorText()).split('\n').map((l) => l.replaceAll('\u00a0', ' ').trim());
    for (const line of ['Overskrift fra Word', 'Almindelig tekst med fed og kursiv', 'Celle A1', 'Celle B1', 'Celle A2', 'Celle B2', 'Efter tabellen fortsætter teksten', 'Lille overskrift']) {
      expect(lines, line).toContain(line);
    }
    expect(lines.some((l) => l.endsWith('Første punkt'))).toBe(true);
    const eventuelt = app.agendaItem('Eventuelt');
    expect(await eventuelt.locator('h2:not(.agenda-title)').allInnerTexts()).toEqual(['Overskrift fra Word']);
    expect(await eventuelt.locator('h3').allInnerTexts()).toEqual(['Lille overskrift']);
    expect(await eventuelt.locator('strong').allInnerTexts()).toEqual(['fed']);
    expect(await eventuelt.locator('em').allInnerTexts()).toEqual(['kursiv']);
    expect(await app.editor.locator('table, span[style], h1, h4').count()).toBe(0);
    const text = await app.editorText();
    expect(text).not.toContain('en kommentar');
    expect(text).not.toContain('WordDocument');
    expect(await app.agendaHeadings()).toEqual(numbered(SEEDED));

    // A web page: blocks the schema lacks become paragraphs of their text.
    await app.typeAfter('Lille overskrift', '');
    await app.page.keyboard.press('Enter');
    await app.pasteHtml(
      '<article><h1>Nyhed</h1><dl><dt>Begreb A</dt><dt>Begreb B</dt><dd>Forklaring</dd></dl><details><summary>Resumé</summary>Detaljer</details><pre>linje 1\nlinje 2</pre><figure><figcaption>Billedtekst</figcaption></figure></article>',
      'Nyhed',
    );
    await expect.poll(() => app.editorText()).toContain('Billedtekst');
    const webLines = (await app.editorText()).split('\n');
    for (const line of ['Nyhed', 'Begreb A', 'Begreb B', 'Forklaring', 'Resumé', 'Detaljer', 'Billedtekst']) expect(webLines, line).toContain(line);
    expect(await app.editor.locator('br:not(.ProseMirror-trailingBreak)').count()).toBeGreaterThanOrEqual(1);
    expect(webLines.join('\n')).toContain('linje 1linje 2');
  });

  it('labels the structured blocks in the interface language', async () => {
    const app = await openNew();
    const id = app.referatId();
    await app.caretBelowTitle('Status');
    await app.page.keyboard.press('Control+Alt+d');
    await app.page.keyboard.type('Decided.');
    await app.page.keyboard.press('Control+Alt+h');
    await app.waitUntilSaved();
    await app.goto(`/r/${id}?lang=en`);
    await app.page.getByRole('textbox', { name: 'Minutes text' }).getByText('Decided.').waitFor();
    const status = app.page.locator('section.agenda-item').nth(2);
    expect(await status.locator('h2').innerText()).toBe('Status');
    expect(await status.getByRole('textbox', { name: 'Case number' }).count()).toBe(1);
    expect(await status.getByRole('button', { name: 'Move up' }).count()).toBe(1);
    expect(await app.page.getByRole('note', { name: 'Decision' }).count()).toBe(1);
    const item = app.page.getByRole('group', { name: 'Action item' });
    expect(await item.getByRole('combobox', { name: 'Owner' }).count()).toBe(1);
    expect(await item.getByRole('checkbox', { name: 'Done' }).count()).toBe(1);
    expect(await item.getByLabel('Due').count()).toBe(1);
    expect(await app.page.getByRole('button', { name: 'Agenda item', exact: true }).count()).toBe(1);
  });
});
