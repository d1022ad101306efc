// Opfølgning: every action item on this device in one list, filtered by owner, organisation, series, status and
// due date; ticking an item off there writes it into its referat.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionItemElement } from '../../src/core/actionItemElement';
import { initReferat } from '../../src/core/initReferat';
import { addParticipant } from '../../src/core/participants';
import { encodeReferatFile, parseReferatFile } from '../../src/core/referatFile';
import { metaMap, newReferatDoc } from '../../src/core/referatDoc';
import { findAgendaItem, readStructure } from '../../src/core/structure';
import { STANDARD_TEMPLATE } from '../../src/core/templates';
import { createTestSigner } from '../../src/testSupport/testSigner';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

const VENDOR = { name: 'Jens Bach', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' as const };

/** A date `days` from today in this machine's time zone (the browser runs on the same machine). */
function isoDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Item {
  id: string;
  text: string;
  owner: string;
  ownerOrganisation: string;
  due: string;
  done?: boolean;
}

/** A referat written by the vendor on their own device, as the signed .referat copy file they would send. */
async function vendorCopy(r: { title: string; date: string; series?: string; items: Item[] }): Promise<{ docId: string; bytes: Buffer }> {
  const docId = globalThis.crypto.randomUUID();
  const doc = newReferatDoc();
  initReferat(doc, { id: docId, title: r.title, date: r.date, createdAt: new Date().toISOString(), template: STANDARD_TEMPLATE, creator: VENDOR });
  addParticipant(doc, { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune', role: '', present: true });
  if (r.series) {
    metaMap(doc).set('seriesId', `series-${r.series}`);
    metaMap(doc).set('seriesName', r.series);
  }
  const agenda = findAgendaItem(doc, (t) => t === 'Status');
  if (!agenda) throw new Error('no agenda item "Status"');
  agenda.insert(
    agenda.length,
    r.items.map((i) => actionItemElement({ id: i.id, owner: i.owner, ownerOrganisation: i.ownerOrganisation, due: i.due, done: i.done ?? false, originDoc: '', originItem: '' }, i.text)),
  );
  const bytes = await encodeReferatFile({
    docId,
    title: r.title,
    sender: VENDOR,
    signer: await createTestSigner('ECDSA-P256'),
    stateVector: Y.encodeStateVector(doc),
    base: null,
    update: Y.encodeStateAsUpdate(doc),
    now: new Date(),
  });
  doc.destroy();
  return { docId, bytes: Buffer.from(bytes) };
}

/** Imports a copy through the library's import button, confirming the signer this device does not know yet. */
async function importCopy(app: ReferatApp, name: string, bytes: Buffer): Promise<void> {
  await app.nav('Bibliotek');
  await app.page.getByLabel('Importér referat').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  await app.page.getByRole('button', { name: 'Importér alligevel' }).click();
  await expect.poll(() => app.page.getByTestId('import-result').first().innerText()).toContain('er føjet til biblioteket');
  await app.page.getByRole('button', { name: 'Ryd importbeskeder' }).click();
}

async function exportedDoc(page: Page): Promise<Y.Doc> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér kopi' }).click()]);
  const parsed = parseReferatFile(new Uint8Array(await readFile(await download.path())));
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, parsed.update);
  return doc;
}

const whats = async (app: ReferatApp) => (await app.followUpRows()).map((r) => r.what);

describe('opfølgning', () => {
  const fx = useBrowserFixture();

  it('lists the action items of every referat, filters them, and ticks one off in its referat', async () => {
    const context = await fx.browser.newContext({ acceptDownloads: true });
    try {
      const app = await ReferatApp.open(context, fx.server.url);
      await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
      const drift = await vendorCopy({
        title: 'Driftsmøde med Systemhuset A/S',
        date: isoDate(-20),
        series: 'Driftsmøder med Systemhuset',
        items: [
          { id: 'a1', text: 'Send opdateret tidsplan', owner: 'Jens Bach', ownerOrganisation: 'Systemhuset A/S', due: isoDate(-1) },
          { id: 'a2', text: 'Afklare adgang til logfiler', owner: 'Mette Holm', ownerOrganisation: 'Aarhus Kommune', due: isoDate(3) },
          { id: 'a3', text: 'Opdatere databehandleraftalen', owner: 'Jens Bach', ownerOrganisation: 'Systemhuset A/S', due: '', done: true },
        ],
      });
      const styregruppe = await vendorCopy({
        title: 'Styregruppemøde',
        date: isoDate(-10),
        items: [{ id: 'b1', text: 'Bestille testmiljø', owner: 'Mette Holm', ownerOrganisation: 'Aarhus Kommune', due: isoDate(30) }],
      });
      await importCopy(app, 'drift.referat', drift.bytes);
      await importCopy(app, 'styregruppe.referat', styregruppe.bytes);

      await app.navTo('Opfølgning');
      await app.page.getByRole('heading', { name: 'Opfølgning', level: 1 }).waitFor();
      // Open items by default, the soonest due first.
      await expect.poll(() => whats(app)).toEqual(['Send opdateret tidsplan', 'Afklare adgang til logfiler', 'Bestille testmiljø']);
      expect(await app.page.getByRole('status').filter({ hasText: 'handlingspunkter' }).innerText()).toBe('3 handlingspunkter');
      const rows = await app.followUpRows();
      expect(rows[0]?.row).toContain('Jens Bach Systemhuset A/S');
      expect(rows[0]?.row).toContain('Overskredet');
      expect(rows[0]?.row).toContain('Driftsmøde med Systemhuset A/S');
      expect(rows[0]?.row).toContain('Driftsmøder med Systemhuset');
      expect(rows[1]?.row).not.toContain('Overskredet');

      const filter = (label: string) => app.page.getByLabel(label, { exact: true });
      await filter('Ansvarlig').selectOption('Jens Bach');
      await expect.poll(() => whats(app)).toEqual(['Send opdateret tidsplan']);
      await filter('Ansvarlig').selectOption('');
      await filter('Organisation').selectOption('Aarhus Kommune');
      await expect.poll(() => whats(app)).toEqual(['Afklare adgang til logfiler', 'Bestille testmiljø']);
      await filter('Organisation').selectOption('');
      await filter('Møderække').selectOption({ label: 'Driftsmøder med Systemhuset' });
      await expect.poll(() => whats(app)).toEqual(['Send opdateret tidsplan', 'Afklare adgang til logfiler']);
      await filter('Møderække').selectOption('');
      await filter('Frist').selectOption({ label: 'Overskredne' });
      await expect.poll(() => whats(app)).toEqual(['Send opdateret tidsplan']);
      await filter('Frist').selectOption({ label: 'Inden for 7 dage' });
      await expect.poll(() => whats(app)).toEqual(['Afklare adgang til logfiler']);
      await filter('Frist').selectOption({ label: 'Uden frist' });
      await app.page.getByText('Ingen handlingspunkter passer til filtrene.').waitFor();
      await filter('Status').selectOption({ label: 'Alle' });
      await expect.poll(() => whats(app)).toEqual(['Opdatere databehandleraftalen']);
      await filter('Frist').selectOption({ label: 'Alle frister' });
      await filter('Status').selectOption({ label: 'Udførte' });
      await expect.poll(() => whats(app)).toEqual(['Opdatere databehandleraftalen']);
      await filter('Status').selectOption({ label: 'Åbne' });

      // Tick the overdue item off: it stays in view, checked and no longer overdue, until the filters change.
      await app.setFollowUpDone('Send opdateret tidsplan', true);
      expect(await app.followUpCheckbox('Send opdateret tidsplan').isChecked()).toBe(true);
      await expect.poll(async () => (await app.followUpRows())[0]?.row).not.toContain('Overskredet');

      // From the index, after a reload: gone from the open items, there among the done ones.
      await app.page.reload();
      await expect.poll(() => whats(app)).toEqual(['Afklare adgang til logfiler', 'Bestille testmiljø']);
      await filter('Status').selectOption({ label: 'Udførte' });
      await expect.poll(() => whats(app)).toEqual(['Send opdateret tidsplan', 'Opdatere databehandleraftalen']);

      // Untick it again, and tick it once more.
      await filter('Status').selectOption({ label: 'Alle' });
      await app.setFollowUpDone('Send opdateret tidsplan', false);
      await app.page.reload();
      await expect.poll(() => whats(app)).toEqual(['Send opdateret tidsplan', 'Afklare adgang til logfiler', 'Bestille testmiljø']);
      await app.setFollowUpDone('Send opdateret tidsplan', true);
      await app.page.reload();
      await expect.poll(() => whats(app)).toEqual(['Afklare adgang til logfiler', 'Bestille testmiljø']);

      // The item's link opens its referat; a copy exported from there has the item done in the document itself.
      await filter('Status').selectOption({ label: 'Alle' });
      await app.page.getByRole('link', { name: 'Send opdateret tidsplan' }).click();
      await app.page.waitForURL(new RegExp(`/r/${drift.docId}#item-a1$`));
      await expect.poll(() => app.titleField.inputValue()).toBe('Driftsmøde med Systemhuset A/S');
      const shown = app.editor.getByRole('group', { name: 'Handlingspunkt' }).filter({ hasText: 'Send opdateret tidsplan' });
      await expect.poll(() => shown.getByRole('checkbox', { name: 'Udført' }).isChecked()).toBe(true);
      const doc = await exportedDoc(app.page);
      expect(readStructure(doc).actionItems.map((i) => [i.id, i.done])).toEqual([['a1', true], ['a2', false], ['a3', true]]);
    } finally {
      await context.close();
    }
  });
});

describe('opfølgning with the editor', () => {
  const fx = useBrowserFixture();

  it('shows an action item written in the editor, and a tick in either place shows in the other', async () => {
    const context = await fx.newContext();
    const editorTab = await ReferatApp.open(context, fx.server.url);
    await editorTab.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await editorTab.createReferat();
    await editorTab.titleField.fill('Koordineringsmøde');
    // An action item under the agenda item "Status", written through the toolbar.
    await editorTab.editor.getByText('Status', { exact: true }).click();
    await editorTab.page.keyboard.press('End');
    await editorTab.page.getByRole('toolbar').getByRole('button', { name: 'Handlingspunkt' }).click();
    await editorTab.page.keyboard.type('Indkalde til workshop om snitflader');
    const item = editorTab.editor.getByRole('group', { name: 'Handlingspunkt' });
    await item.getByLabel('Ansvarlig').fill('Mette Holm');
    await item.getByLabel('Frist').fill('2030-05-01');
    await editorTab.waitUntilSaved();

    const followUp = await ReferatApp.open(context, fx.server.url, '/opfoelgning');
    await expect.poll(async () => (await followUp.followUpRows()).map((r) => r.row)).toEqual([
      expect.stringMatching(/^Indkalde til workshop om snitflader Mette Holm Aarhus Kommune 1\. maj 2030 Koordineringsmøde/),
    ]);

    // Ticked in Opfølgning: the open referat shows it at once (tab sync), and its document holds it.
    await followUp.setFollowUpDone('Indkalde til workshop om snitflader', true);
    await expect.poll(() => item.getByRole('checkbox', { name: 'Udført' }).isChecked()).toBe(true);

    // Unticked in the referat: Opfølgning follows without a reload (the index follows the document).
    await item.getByRole('checkbox', { name: 'Udført' }).uncheck();
    await expect.poll(() => followUp.followUpCheckbox('Indkalde til workshop om snitflader').isChecked()).toBe(false);

    // The item's link opens the referat.
    await followUp.page.getByRole('link', { name: 'Indkalde til workshop om snitflader' }).click();
    await expect.poll(() => followUp.titleField.inputValue()).toBe('Koordineringsmøde');
    await expect.poll(() => followUp.editor.getByRole('group', { name: 'Handlingspunkt' }).getByRole('checkbox', { name: 'Udført' }).isChecked()).toBe(false);
  });
});
