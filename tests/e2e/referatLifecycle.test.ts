// Create a referat, write in it, reload, and find every character; the template appears exactly once.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DA, ReferatApp } from './pages/ReferatApp';
import { launchChromium, startApp, type App } from './support/harness';

describe('a referat survives a reload', () => {
  let server: App;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startApp();
    browser = await launchChromium();
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('sets up a profile, shows an empty library, creates, edits and reloads a referat', async () => {
    const app = await ReferatApp.open(context, server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await expect.poll(() => app.page.getByText('Der er ingen referater på denne enhed endnu').count()).toBe(1);

    const id = await app.createReferat();
    await app.titleField.fill('Driftsmøde med Systemhuset');
    await app.page.getByLabel('Dato', { exact: true }).fill('2026-03-12');
    await app.page.getByLabel('Starttidspunkt', { exact: true }).fill('10:00');
    await app.page.getByLabel('Sluttidspunkt', { exact: true }).fill('11:30');
    await app.page.getByLabel('Sted', { exact: true }).fill('Rådhuset, lokale 2');
    await app.page.getByRole('button', { name: 'Tilføj deltager' }).click();
    await app.page.getByLabel('Navn (2)').fill('Bo Lund');
    await app.page.getByLabel('Organisation (Bo Lund)').fill('Systemhuset A/S');
    await app.page.getByLabel('Rolle (Bo Lund)').fill('Driftschef');
    await app.page.getByRole('checkbox', { name: /Bo Lund/ }).uncheck();

    await app.typeAfter('Godkendelse af dagsorden', '');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.type('Dagsordenen blev godkendt. ');
    await app.page.keyboard.press('Control+b');
    await app.page.keyboard.type('Ingen bemærkninger.');
    await app.page.keyboard.press('Control+b');
    await app.waitUntilSaved();

    await app.page.reload();
    await app.editor.waitFor();
    await expect.poll(() => app.editorText()).toContain('Dagsordenen blev godkendt. Ingen bemærkninger.');
    expect(await app.editor.locator('strong').innerText()).toBe('Ingen bemærkninger.');
    expect(await app.titleField.inputValue()).toBe('Driftsmøde med Systemhuset');
    expect(await app.page.getByLabel('Dato', { exact: true }).inputValue()).toBe('2026-03-12');
    expect(await app.page.getByLabel('Starttidspunkt', { exact: true }).inputValue()).toBe('10:00');
    expect(await app.page.getByLabel('Sted', { exact: true }).inputValue()).toBe('Rådhuset, lokale 2');
    expect(await app.page.getByLabel('Organisation (Bo Lund)').inputValue()).toBe('Systemhuset A/S');
    expect(await app.page.getByRole('checkbox', { name: /Bo Lund/ }).isChecked()).toBe(false);
    const text = await app.editorText();
    expect(text.split('Godkendelse af dagsorden').length - 1).toBe(1);
    expect(text.split('Eventuelt').length - 1).toBe(1);

    await app.nav('Bibliotek');
    await expect.poll(() => app.libraryTitles()).toEqual(['Driftsmøde med Systemhuset']);
    const row = app.page.locator('table.library tbody tr').first();
    expect(await row.innerText()).toContain('12. marts 2026');
    expect(await row.innerText()).toContain('Aarhus Kommune, Systemhuset A/S');
    expect(await row.innerText()).toContain('Kladde');
    expect(app.referatId).toBeDefined();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await app.page.getByRole('button', { name: DA.newReferat }).isVisible()).toBe(true);
  });
});
