// Offline: once the service worker controls the app, it starts, routes and saves with no network, and with the
// server gone entirely.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DA, ReferatApp } from './pages/ReferatApp';
import { launchChromium, startApp, waitForServiceWorker, type App } from './support/harness';

const LIBRARY = { name: 'Bibliotek', level: 1 } as const;

/** First visit: profile set up, then the service worker installed and controlling the page. */
async function firstVisit(context: BrowserContext, server: App): Promise<ReferatApp> {
  const app = await ReferatApp.open(context, server.url);
  await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
  await waitForServiceWorker(app.page);
  await app.page.getByRole('heading', LIBRARY).waitFor();
  expect(await app.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(app.url('/sw.js'));
  return app;
}

/** Whether a request the service worker does not answer (not precached, not a navigation) reaches the server. */
async function canReachServer(app: ReferatApp): Promise<boolean> {
  return app.page.evaluate(async (url) => {
    try {
      await fetch(url, { cache: 'no-store' });
      return true;
    } catch {
      return false;
    }
  }, app.url(`/not-precached-${Math.random().toString(36).slice(2)}.txt`));
}

describe('offline (context offline)', () => {
  let server: App;
  let browser: Browser;
  let context: BrowserContext;
  let app: ReferatApp;
  let id: string;

  beforeAll(async () => {
    server = await startApp();
    browser = await launchChromium();
    context = await browser.newContext();
    app = await firstVisit(context, server);
    await context.setOffline(true);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('loads the library from the service worker after an offline reload', async () => {
    expect(await app.page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await canReachServer(app)).toBe(false);
    await app.page.reload();
    await app.page.getByRole('heading', LIBRARY).waitFor();
    await expect.poll(() => app.page.getByText('Der er ingen referater på denne enhed endnu').count()).toBe(1);
    expect(await app.page.getByRole('button', { name: DA.newReferat }).isEnabled()).toBe(true);
    expect(await app.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  it('creates and edits a referat offline, and the text survives an offline reload', async () => {
    id = await app.createReferat();
    await app.titleField.fill('Offline-møde');
    await app.typeAfter('Godkendelse af dagsorden', '');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.type('Skrevet uden netværk.');
    await app.waitUntilSaved();
    await expect.poll(() => app.editorText()).toContain('Skrevet uden netværk.');

    await app.page.reload();
    await app.editor.waitFor();
    expect(app.referatId()).toBe(id);
    await expect.poll(() => app.editorText()).toContain('Skrevet uden netværk.');
    expect(await app.titleField.inputValue()).toBe('Offline-møde');
    const text = await app.editorText();
    expect(text.split('Skrevet uden netværk.').length - 1).toBe(1);
    expect(text.split('Godkendelse af dagsorden').length - 1).toBe(1);

    await app.nav('Bibliotek');
    await expect.poll(() => app.libraryTitles()).toEqual(['Offline-møde']);
  });

  it('serves deep links offline through the navigation fallback', async () => {
    // /settings: a reload there, and a direct visit.
    await app.goto('/settings');
    await app.page.getByRole('heading', { name: 'Indstillinger', level: 1 }).waitFor();
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Indstillinger', level: 1 }).waitFor();
    expect(new URL(app.page.url()).pathname).toBe('/settings');

    // /r/<id>: a direct visit in a new tab, and a reload there.
    const tab = await ReferatApp.open(context, server.url, `/r/${id}`);
    try {
      await tab.editor.waitFor();
      expect(tab.referatId()).toBe(id);
      await expect.poll(() => tab.editorText()).toContain('Skrevet uden netværk.');
      await tab.page.reload();
      await tab.editor.waitFor();
      await expect.poll(() => tab.editorText()).toContain('Skrevet uden netværk.');
      expect(await tab.titleField.inputValue()).toBe('Offline-møde');
    } finally {
      await tab.page.close();
    }
  });
});

describe('offline (server stopped)', () => {
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

  it('still starts, and still has the text typed earlier, when the server is gone', async () => {
    const app = await firstVisit(context, server);
    const id = await app.createReferat();
    await app.titleField.fill('Møde før nedbruddet');
    await app.typeAfter('Godkendelse af dagsorden', '');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.type('Skrevet mens serveren kørte.');
    await app.waitUntilSaved();

    expect(await canReachServer(app)).toBe(true);
    await server.close();
    expect(await canReachServer(app)).toBe(false);

    await app.page.reload();
    await app.editor.waitFor();
    expect(app.referatId()).toBe(id);
    await expect.poll(() => app.editorText()).toContain('Skrevet mens serveren kørte.');
    expect(await app.titleField.inputValue()).toBe('Møde før nedbruddet');

    await app.goto('/');
    await expect.poll(() => app.libraryTitles()).toEqual(['Møde før nedbruddet']);
    await app.goto(`/r/${id}`);
    await app.editor.waitFor();
    await expect.poll(() => app.editorText()).toContain('Skrevet mens serveren kørte.');
  });
});
