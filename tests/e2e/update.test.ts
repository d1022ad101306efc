// The update prompt: a new deployment is offered, never forced. The page reloads only when the user says so, and then
// the new service worker controls it and nothing typed is lost.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { copyDist, launchChromium, removeTempDir, startApp, waitForServiceWorker, type App } from './support/harness';

const READY = 'En ny version af Referat er klar.';
const VERSION_QUESTION = 'referat-e2e:version?';
// A new version as the browser sees it: sw.js is byte-different. It also answers which version it is.
const NEW_VERSION_SUFFIX = `
// referat e2e: version 2
self.addEventListener('message', (event) => {
  if (event.data === '${VERSION_QUESTION}' && event.ports[0]) event.ports[0].postMessage('v2');
});
`;

declare global {
  interface Window {
    __marker?: number;
  }
}

async function setMarker(app: ReferatApp): Promise<void> {
  await app.page.evaluate(() => {
    window.__marker = 1;
  });
}

/** 1 while the document the test marked is still loaded; undefined after any reload. */
async function marker(app: ReferatApp): Promise<number | undefined> {
  return app.page.evaluate(() => window.__marker);
}

/** Which version the controlling service worker says it is ('v2'), or 'no answer' (the old one does not answer). */
async function controllerVersion(app: ReferatApp): Promise<string> {
  return app.page.evaluate(async (question) => {
    const sw = navigator.serviceWorker.controller;
    if (!sw) return 'no controller';
    const channel = new MessageChannel();
    return new Promise<string>((resolve) => {
      channel.port1.onmessage = (e: MessageEvent<string>) => resolve(e.data);
      sw.postMessage(question, [channel.port2]);
      setTimeout(() => resolve('no answer'), 5000);
    });
  }, VERSION_QUESTION);
}

describe('update prompt', () => {
  let dist: string;
  let server: App;
  let browser: Browser;
  let context: BrowserContext;
  let app: ReferatApp;
  let later: ReferatApp;
  let other: ReferatApp;
  let swUrl: string;
  let id: string;

  beforeAll(async () => {
    dist = await copyDist();
    server = await startApp({ dist });
    browser = await launchChromium();
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (dist) await removeTempDir(dist);
  });

  it('offers a new version without reloading the page or disturbing the editor', async () => {
    app = await ReferatApp.open(context, server.url);
    swUrl = app.url('/sw.js');
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await waitForServiceWorker(app.page);
    expect(await app.serviceWorkerState()).toMatchObject({ controller: swUrl, waiting: null, activeControls: true });

    id = await app.createReferat();
    await app.typeAfter('Godkendelse af dagsorden', '');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.type('Skrevet i version 1.');
    await app.waitUntilSaved();
    await setMarker(app);
    expect(await app.updatePrompt().count()).toBe(0);

    // Deploy a new version, and let the browser look for it.
    await appendFile(path.join(dist, 'sw.js'), NEW_VERSION_SUFFIX);
    await app.checkForUpdate();

    await app.waitForUpdatePrompt();
    const prompt = app.updatePrompt();
    expect(await prompt.innerText()).toContain(READY);
    expect(await prompt.getByRole('button', { name: 'Genindlæs' }).isVisible()).toBe(true);
    expect(await prompt.getByRole('button', { name: 'Senere' }).isVisible()).toBe(true);
    expect(await app.serviceWorkerState()).toMatchObject({ controller: swUrl, waiting: swUrl, activeControls: true });

    // Not reloaded: same document, same referat, the text and the caret where they were.
    expect(await marker(app)).toBe(1);
    expect(app.referatId()).toBe(id);
    expect(await app.editorText()).toContain('Skrevet i version 1.');
    expect(await app.editorHasFocus()).toBe(true);
    await app.page.keyboard.type(' Og videre, mens prompten vises.');
    await expect.poll(() => app.editorText()).toContain('Skrevet i version 1. Og videre, mens prompten vises.');
    await app.waitUntilSaved();
    expect(await marker(app)).toBe(1);
    expect(await prompt.getByText(READY).isVisible()).toBe(true);
  });

  it('shows the prompt in every open tab, and "Senere" hides it without reloading', async () => {
    // Tabs opened while the new version waits are told at once.
    later = await ReferatApp.open(context, server.url);
    other = await ReferatApp.open(context, server.url, '/settings');
    await later.page.getByRole('heading', { name: 'Bibliotek', level: 1 }).waitFor();
    await other.page.getByRole('heading', { name: 'Indstillinger', level: 1 }).waitFor();
    await setMarker(later);
    await setMarker(other);
    await later.waitForUpdatePrompt();
    await other.waitForUpdatePrompt();

    await later.updatePrompt().getByRole('button', { name: 'Senere' }).click();
    await later.updatePrompt().waitFor({ state: 'detached' });
    expect(await later.page.getByText(READY).count()).toBe(0);
    expect(await marker(later)).toBe(1);
    expect(await later.page.getByRole('heading', { name: 'Bibliotek', level: 1 }).isVisible()).toBe(true);
    // Dismissing here does not apply anything: the new version still waits, and the other tabs still offer it.
    expect(await later.serviceWorkerState()).toMatchObject({ controller: swUrl, waiting: swUrl });
    expect(await app.updatePrompt().getByText(READY).isVisible()).toBe(true);
    expect(await marker(app)).toBe(1);
  });

  it('"Genindlæs" reloads into the new version and keeps the text', async () => {
    const reloaded = app.page.waitForEvent('load', { timeout: 30_000 });
    await app.updatePrompt().getByRole('button', { name: 'Genindlæs' }).click();
    await reloaded;
    await app.editor.waitFor();

    expect(await marker(app)).toBeUndefined();
    expect(app.referatId()).toBe(id);
    await expect.poll(() => app.editorText()).toContain('Skrevet i version 1. Og videre, mens prompten vises.');
    const text = await app.editorText();
    expect(text.split('Godkendelse af dagsorden').length - 1).toBe(1);

    await expect.poll(() => app.serviceWorkerState()).toEqual({
      controller: swUrl,
      active: swUrl,
      waiting: null,
      installing: null,
      activeControls: true,
    });
    expect(await controllerVersion(app)).toBe('v2');
    expect(await app.updatePrompt().count()).toBe(0);

    // The editor works in the new version.
    await app.typeAtEnd(' Efter opdateringen.');
    await expect.poll(() => app.editorText()).toContain('Efter opdateringen.');
    await app.waitUntilSaved();
  });

  it('does not reload the tabs that did not ask', async () => {
    expect(await marker(later)).toBe(1);
    expect(await later.page.getByText(READY).count()).toBe(0);
    expect(await marker(other)).toBe(1);
    expect(await controllerVersion(later)).toBe('v2');
  });

  it('"Genindlæs" still works in a tab after another tab applied the update', async () => {
    await other.waitForUpdatePrompt();
    const reloaded = other.page.waitForEvent('load', { timeout: 30_000 });
    await other.updatePrompt().getByRole('button', { name: 'Genindlæs' }).click();
    await reloaded;
    await other.page.getByRole('heading', { name: 'Indstillinger', level: 1 }).waitFor();
    expect(await marker(other)).toBeUndefined();
    expect(await other.serviceWorkerState()).toMatchObject({ controller: swUrl, waiting: null, activeControls: true });
    expect(await controllerVersion(other)).toBe('v2');
    expect(await other.updatePrompt().count()).toBe(0);
  });
});
