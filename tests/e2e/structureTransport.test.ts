// Structured nodes survive every path between copies: live merge over WebRTC, a .referat file import, and copy
// and paste from one referat into another. Each side's agenda, decisions and action items are compared field by field.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignallingServer } from '../../server/signallingServer.mjs';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';
import { liveDevice } from './support/liveDevice';

interface ActionFields {
  text: string;
  owner: string;
  organisation: string;
  due: string;
  done: boolean;
}

interface AgendaSnapshot {
  title: string;
  caseNumber: string;
  kle: string;
  decisions: string[];
  actions: ActionFields[];
}

/** The text of each element, without other people's carets (their names are shown in the text, aria-hidden). */
function texts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return copy.textContent ?? '';
    }),
  );
}

/** Every agenda item with its fields, decisions and action items, as the reader sees them. */
async function structure(app: ReferatApp): Promise<{ headings: string[]; items: AgendaSnapshot[] }> {
  const items: AgendaSnapshot[] = [];
  const count = await app.agendaItems.count();
  for (let i = 0; i < count; i++) {
    const item = app.agendaItems.nth(i);
    const actions: ActionFields[] = [];
    const actionCount = await item.locator('.action-item').count();
    for (let j = 0; j < actionCount; j++) {
      const a = item.locator('.action-item').nth(j);
      actions.push({
        text: (await texts(a.locator('.action-item-text'))).join(''),
        owner: await a.getByRole('combobox', { name: 'Ansvarlig' }).inputValue(),
        organisation: await a.getByRole('textbox', { name: 'Organisation' }).inputValue(),
        due: await a.getByLabel('Frist').inputValue(),
        done: await a.getByRole('checkbox', { name: 'Udført' }).isChecked(),
      });
    }
    items.push({
      title: (await texts(item.locator(':scope > .agenda-item-content > h2.agenda-title'))).join(''),
      caseNumber: await item.getByRole('textbox', { name: 'Sagsnummer' }).inputValue(),
      kle: await item.getByRole('textbox', { name: 'KLE-nummer' }).inputValue(),
      decisions: await texts(item.locator('.decision p')),
      actions,
    });
  }
  return { headings: await app.agendaHeadings(), items };
}

/** Writes a decision and a filled-in action item under Status, a new agenda item "Økonomi", and Status's case fields. */
async function writeStructure(app: ReferatApp): Promise<void> {
  const { page } = app;
  await app.caretBelowTitle('Status');
  await page.getByRole('button', { name: 'Beslutning', exact: true }).click();
  await page.keyboard.type('Kontrakten forlænges til 2028.');
  await page.getByRole('button', { name: 'Handlingspunkt', exact: true }).click();
  await page.keyboard.type('Send tidsplan for udrulning');
  const action = app.agendaItem('Status').locator('.action-item').first();
  await action.getByRole('combobox', { name: 'Ansvarlig' }).fill('Bo Lund');
  await action.getByRole('textbox', { name: 'Organisation' }).fill('Systemhuset A/S');
  await action.getByLabel('Frist').fill('2026-12-15');
  await page.getByRole('button', { name: 'Dagsordenspunkt', exact: true }).click();
  await page.keyboard.type('Økonomi');
  const status = app.agendaItem('Status');
  await status.getByRole('textbox', { name: 'Sagsnummer' }).fill('26/4711');
  await status.getByRole('textbox', { name: 'KLE-nummer' }).fill('00.01.10');
}

const EXPECTED_STATUS: AgendaSnapshot = {
  title: 'Status',
  caseNumber: '26/4711',
  kle: '00.01.10',
  decisions: ['Kontrakten forlænges til 2028.'],
  actions: [{ text: 'Send tidsplan for udrulning', owner: 'Bo Lund', organisation: 'Systemhuset A/S', due: '2026-12-15', done: false }],
};

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

describe('structured nodes between copies', () => {
  const fx = useBrowserFixture();
  let signalling: Awaited<ReturnType<typeof startSignallingServer>> | null = null;

  beforeAll(async () => {
    signalling = await startSignallingServer();
  });
  afterAll(async () => {
    await signalling?.close();
  });

  const device = (name: string, organisation: string, kind: 'Kommune' | 'Leverandør') =>
    liveDevice(fx, signalling?.port ?? 0, { name, organisation, kind });

  it('merge live: both sides hold the same agenda, decisions and action items, and edits to their fields cross over', async () => {
    const a = await device('Mette Holm', 'Aarhus Kommune', 'Kommune');
    await a.createReferat();
    await writeStructure(a);
    const link = await a.invite();
    const b = await device('Bo Lund', 'Systemhuset A/S', 'Leverandør');
    await b.page.goto(link);
    await b.page.getByRole('button', { name: 'Deltag', exact: true }).click();
    await expect.poll(() => b.editor.getByText('Send tidsplan for udrulning').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => JSON.stringify(await structure(b)), { timeout: 20_000 }).toBe(JSON.stringify(await structure(a)));
    const before = await structure(a);
    expect(before.items.find((i) => i.title === 'Status')).toEqual(EXPECTED_STATUS);
    expect(before.headings.slice(2, 4)).toEqual(['3. Status', '4. Økonomi']);

    // The vendor ticks the item off and moves Økonomi up; the municipality adds a decision at the same time.
    const bAction = b.agendaItem('Status').locator('.action-item').first();
    await bAction.getByRole('checkbox', { name: 'Udført' }).check();
    await b.agendaItem('Økonomi').getByRole('button', { name: 'Flyt op' }).click();
    await a.caretBelowTitle('Eventuelt');
    await a.page.keyboard.press('Control+Alt+d');
    await a.page.keyboard.type('Næste møde holdes hos leverandøren.');

    await expect.poll(async () => JSON.stringify(await structure(a)), { timeout: 20_000 }).toBe(JSON.stringify(await structure(b)));
    const after = await structure(a);
    expect(after.headings.slice(2, 4)).toEqual(['3. Økonomi', '4. Status']);
    expect(after.items.find((i) => i.title === 'Status')?.actions[0]?.done).toBe(true);
    expect(after.items.find((i) => i.title === 'Eventuelt')?.decisions).toEqual(['Næste møde holdes hos leverandøren.']);
  });

  it('import a .referat file: the other device gets every structured node with its fields', async () => {
    const a = await device('Mette Holm', 'Aarhus Kommune', 'Kommune');
    await a.createReferat();
    await a.titleField.fill('Driftsmøde december');
    await writeStructure(a);
    await a.waitUntilSaved();
    const copy = await download(a.page, () => a.page.getByRole('button', { name: 'Eksportér kopi' }).click());

    const c = await device('Ida Berg', 'Systemhuset A/S', 'Leverandør');
    await c.page.getByLabel('Importér referat').setInputFiles({ name: copy.name, mimeType: 'application/octet-stream', buffer: copy.bytes });
    await c.page.getByRole('button', { name: 'Importér alligevel' }).click();
    await expect.poll(() => c.page.getByTestId('import-result').first().innerText()).toContain('er føjet til biblioteket');
    await c.page.getByRole('link', { name: 'Driftsmøde december' }).click();
    await c.editor.getByText('Send tidsplan for udrulning').waitFor();
    const imported = await structure(c);
    expect(imported).toEqual(await structure(a));
    expect(imported.items.find((i) => i.title === 'Status')).toEqual(EXPECTED_STATUS);
  });

  it('copy and paste into another referat keeps the structure and the fields', async () => {
    const a = await device('Mette Holm', 'Aarhus Kommune', 'Kommune');
    await a.createReferat();
    await writeStructure(a);
    const source = await structure(a);
    const sourceIds = await a.editor.locator('.agenda-item, .action-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? ''));
    await a.editor.click();
    await a.page.keyboard.press('Control+a');
    await a.page.keyboard.press('Control+c');

    // A blank referat, and the whole text pasted into its empty paragraph.
    await a.nav('Bibliotek');
    await a.page.getByLabel('Skabelon').selectOption({ label: 'Tom' });
    await a.page.getByRole('button', { name: 'Nyt referat' }).click();
    await a.page.waitForURL(/\/r\/[0-9a-f-]{36}/);
    await a.editor.waitFor();
    expect(await a.agendaItems.count()).toBe(0);
    await a.editor.click();
    await a.page.keyboard.press('Control+v');
    await a.editor.getByText('Send tidsplan for udrulning').waitFor();
    expect(await structure(a)).toEqual(source);
    const pastedIds = await a.editor.locator('.agenda-item, .action-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? ''));
    // Ids are unique within a referat (a paste into the same referat gets new ones: structure.test.ts).
    expect(pastedIds).toHaveLength(sourceIds.length);
    expect(new Set(pastedIds).size).toBe(pastedIds.length);

    // And it stays after a reload, from the Y.Doc.
    await a.waitUntilSaved();
    await a.page.reload();
    await a.editor.getByText('Send tidsplan for udrulning').waitFor();
    expect(await structure(a)).toEqual(source);
  });
});
