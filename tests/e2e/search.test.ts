// Search across all referater: finds what was typed a moment ago (title, participants, text), reads "aa" as "å",
// finds a word inside Danish compounds (ranked after whole words), highlights the matches, announces the count,
// and narrows by party, period and status. Screenshots of compound search (1366×768 and 390 px) go to
// $REFERAT_SCREENSHOTS, to be looked at.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

const OUT = process.env.REFERAT_SCREENSHOTS ?? path.join(tmpdir(), 'referat-screenshots');

/** Types a paragraph into the minutes text, under the agenda item "Eventuelt". */
async function typeUnderEventuelt(app: ReferatApp, text: string): Promise<void> {
  await app.editor.getByText('Eventuelt', { exact: true }).click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type(text);
}

describe('search', () => {
  const fx = useBrowserFixture();

  it('finds what was just typed, with "aa" and "å" as one letter, and marks the matches', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    await app.titleField.fill('Driftsmøde i Aabenraa');
    await app.addParticipant('Jens Bach', 'Systemhuset A/S');
    await typeUnderEventuelt(app, 'Leverandøren lovede at rette brevskabelonen til jobcentret inden fredag.');
    await app.waitUntilSaved();

    await app.navTo('Søg');
    await app.page.getByRole('heading', { name: 'Søg', level: 1 }).waitFor();
    await expect.poll(() => app.searchSummary()).toBe('Skriv et eller flere ord, eller vælg en part eller en periode.');
    await app.search('åbenrå');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Driftsmøde i Aabenraa']);
    expect(await app.searchMarks()).toEqual(['Aabenraa']);
    expect(await app.searchSummary()).toBe('1 referat fundet');
    expect(await app.page.getByRole('status').filter({ hasText: '1 referat fundet' }).getAttribute('aria-live')).toBe('polite');

    await app.search('AABEN');
    await expect.poll(() => app.searchMarks()).toEqual(['Aaben']);
    await app.search('systemhus jens');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Driftsmøde i Aabenraa']);
    expect(await app.page.locator('ol.search-results').innerText()).toContain('Fundet i: deltagere');
    await app.search('brevskabelon jobcent');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Driftsmøde i Aabenraa']);
    expect(await app.page.locator('ol.search-results .snippet').innerText()).toMatch(/Eventuelt Leverandøren lovede at rette brevskabelonen til jobcentret inden fredag\.$/);
    expect(await app.searchMarks()).toEqual(['brevskabelon', 'jobcent']);
    expect(await app.page.locator('ol.search-results').innerText()).toContain('Fundet i: referattekst');
    await app.search('eventuelt');
    await expect.poll(() => app.page.locator('ol.search-results').innerText()).toContain('Fundet i: dagsorden');
    await app.search('systemhus xylofon');
    await app.page.getByText('Ingen referater passer til søgningen.').waitFor();
    expect(await app.searchSummary()).toBe('0 referater fundet');

    // The result opens the referat.
    await app.search('drift');
    await app.page.getByRole('link', { name: 'Driftsmøde i Aabenraa' }).click();
    await app.titleField.waitFor();
    expect(await app.titleField.inputValue()).toBe('Driftsmøde i Aabenraa');
  });

  it('finds a word inside Danish compounds, after the referater with the whole word, and marks the part', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferatQuickly();
    await app.titleField.fill('Statusmøde om integrationsplatformen');
    await typeUnderEventuelt(app, 'Leverandøren sørger for certifikatfornyelsen inden den 1. marts.');
    await app.waitUntilSaved();
    await app.nav('Bibliotek');
    await app.createReferatQuickly();
    await app.titleField.fill('Fornyelse af driftsaftalen');
    await app.waitUntilSaved();

    await app.navTo('Søg');
    await app.search('fornyelse');
    // The whole word (title of the newer referat) first, the compound in the text of the other after it.
    await expect.poll(() => app.searchResultTitles()).toEqual(['Fornyelse af driftsaftalen', 'Statusmøde om integrationsplatformen']);
    expect(await app.searchMarks()).toEqual(['Fornyelse', 'fornyelse']);
    expect(await app.page.locator('ol.search-results .snippet').innerText()).toContain('Leverandøren sørger for certifikatfornyelsen inden den 1. marts.');
    expect(await app.searchSummary()).toBe('2 referater fundet');

    // The first half still finds it, marked as the start of the word; both halves mark the word once.
    await app.search('certifikat');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Statusmøde om integrationsplatformen']);
    expect(await app.searchMarks()).toEqual(['certifikat']);
    await app.search('certifikat fornyelsen');
    await expect.poll(() => app.searchMarks()).toEqual(['certifikatfornyelsen']);
    // A part of four letters or more is found inside words, a shorter one only at the start of a word.
    await app.search('yelse');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Fornyelse af driftsaftalen', 'Statusmøde om integrationsplatformen']);
    await app.search('yel');
    await app.page.getByText('Ingen referater passer til søgningen.').waitFor();

    await app.search('fornyelse');
    await expect.poll(() => app.searchMarks()).toEqual(['Fornyelse', 'fornyelse']);
    await mkdir(OUT, { recursive: true });
    for (const size of [{ name: 'laptop', width: 1366, height: 768 }, { name: 'phone', width: 390, height: 844 }]) {
      await app.page.setViewportSize({ width: size.width, height: size.height });
      await app.page.screenshot({ path: path.join(OUT, `search-compound-${size.name}.png`) });
    }
    await app.page.setViewportSize({ width: 1366, height: 768 });
  });

  it('sees a change made in another tab, without reloading', async () => {
    const context = await fx.newContext();
    const writer = await ReferatApp.open(context, fx.server.url);
    await writer.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await writer.createReferatQuickly();
    await writer.titleField.fill('Statusmøde');
    await writer.waitUntilSaved();

    const reader = await ReferatApp.open(context, fx.server.url, '/search');
    await reader.search('kontraktbilag');
    await reader.page.getByText('Ingen referater passer til søgningen.').waitFor();

    await writer.titleField.fill('Statusmøde om kontraktbilag');
    // The index follows edits within about a second (INDEX_DELAY_MS); the speed is measured by the bench, never asserted here.
    await expect.poll(() => reader.searchResultTitles(), { timeout: 5000 }).toEqual(['Statusmøde om kontraktbilag']);
    expect(await reader.searchMarks()).toEqual(['kontraktbilag']);
  });

  it('narrows by party, period and status, and clears', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferatQuickly();
    await app.titleField.fill('Styregruppemøde om budget');
    await app.page.getByLabel('Dato', { exact: true }).fill('2025-03-10');
    await app.addParticipant('Jens Bach', 'Systemhuset A/S');
    await app.waitUntilSaved();
    await app.nav('Bibliotek');
    await app.createReferatQuickly();
    await app.titleField.fill('Budgetopfølgning');
    await app.page.getByLabel('Dato', { exact: true }).fill('2026-02-01');
    await app.waitUntilSaved();

    await app.navTo('Søg');
    await app.search('budget');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Budgetopfølgning', 'Styregruppemøde om budget']);

    const party = app.page.getByLabel('Part', { exact: true });
    // Danish order: "Aa" is "Å", the last letter.
    expect(await party.locator('option').allInnerTexts()).toEqual(['Alle parter', 'Systemhuset A/S', 'Aarhus Kommune']);
    await party.selectOption('Systemhuset A/S');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Styregruppemøde om budget']);
    await party.selectOption('');

    await app.page.getByLabel('Fra dato').fill('2026-01-01');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Budgetopfølgning']);
    await app.page.getByLabel('Fra dato').fill('');
    await app.page.getByLabel('Til dato').fill('2025-12-31');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Styregruppemøde om budget']);
    await app.page.getByLabel('Til dato').fill('');

    const status = app.page.getByLabel('Status', { exact: true });
    await status.selectOption({ label: 'Godkendt' });
    await app.page.getByText('Ingen referater passer til søgningen.').waitFor();
    await status.selectOption({ label: 'Kladde' });
    await expect.poll(() => app.searchResultTitles()).toEqual(['Budgetopfølgning', 'Styregruppemøde om budget']);

    // A filter alone, without words, lists what it lets through.
    await app.search('');
    await party.selectOption('Systemhuset A/S');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Styregruppemøde om budget']);

    // The search is kept in the address, so coming back to the page keeps it.
    expect(new URL(app.page.url()).searchParams.get('party')).toBe('Systemhuset A/S');
    await app.page.getByRole('button', { name: 'Nulstil søgning' }).click();
    await expect.poll(() => app.searchSummary()).toBe('Skriv et eller flere ord, eller vælg en part eller en periode.');
    expect(await app.searchResultTitles()).toEqual([]);
  });

  it('leaves out referater in the trash', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferatQuickly();
    await app.titleField.fill('Kasseret møde');
    await app.waitUntilSaved();
    await app.navTo('Søg');
    await app.search('kasseret');
    await expect.poll(() => app.searchResultTitles()).toEqual(['Kasseret møde']);
    await app.page.getByRole('link', { name: 'Kasseret møde' }).click();
    await app.page.getByRole('button', { name: 'Flyt til papirkurv' }).click();
    await app.page.getByText('Referatet er flyttet til papirkurven.').waitFor();
    // Moving to the trash leaves the referat (for the library); the same search no longer finds it.
    await app.search('kasseret');
    await app.page.getByText('Ingen referater passer til søgningen.').waitFor();
    expect(await app.searchSummary()).toBe('0 referater fundet');
  });
});
