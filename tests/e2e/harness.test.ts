// Smoke test of the browser-test harness: static server, Debian's Chromium and the signalling server together.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyDist,
  launchChromium,
  makeTempDir,
  removeTempDir,
  startApp,
  startSignalling,
  waitForServiceWorker,
} from './support/harness';
import type { App, Signalling } from './support/harness';

// An external script: the app server's Content-Security-Policy allows no inline script.
const SW_PAGE = `<!doctype html><title>sw</title><h1>sw</h1>
<script src="/sw-register.js"></script>`;
const SW_REGISTER = `navigator.serviceWorker.register('/sw.js');\n`;
const SW_SCRIPT = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('fetch', (event) => event.respondWith(fetch(event.request)));
`;

describe('e2e harness', () => {
  let app: App;
  let signalling: Signalling;
  let browser: Browser;
  let dist: string;
  const tempDirs: string[] = [];

  beforeAll(async () => {
    dist = await makeTempDir('referat-harness-');
    tempDirs.push(dist);
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>harness</title><h1>ok</h1>');
    await writeFile(path.join(dist, 'sw.html'), SW_PAGE);
    await writeFile(path.join(dist, 'sw-register.js'), SW_REGISTER);
    // No clients.claim(): the first load stays uncontrolled, so waitForServiceWorker has to reload.
    await writeFile(path.join(dist, 'sw.js'), SW_SCRIPT);
    app = await startApp({ dist });
    signalling = await startSignalling();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await signalling?.close();
    await app?.close();
    await Promise.all(tempDirs.map((dir) => removeTempDir(dir)));
  });

  it('serves a build to Chromium, including client-side routes', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    expect(await page.locator('h1').textContent()).toBe('ok');
    await page.goto(new URL('r/some-id', app.url).href);
    expect(await page.locator('h1').textContent()).toBe('ok');
    await page.close();
  });

  it('lets the page talk to the signalling server', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    const reply = await page.evaluate(async (url) => {
      const ws = new WebSocket(url);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = () => reject(new Error('websocket error'));
      });
      const message = new Promise<string>((resolve) => {
        ws.onmessage = (event) => resolve(String(event.data));
      });
      ws.send(JSON.stringify({ type: 'subscribe', topics: ['harness-room'] }));
      ws.send(JSON.stringify({ type: 'ping' }));
      const text = await message;
      ws.close();
      return text;
    }, signalling.url);
    expect(JSON.parse(reply)).toEqual({ type: 'pong' });
    expect(signalling.received.map((text) => JSON.parse(text))).toEqual([
      { type: 'subscribe', topics: ['harness-room'] },
      { type: 'ping' },
    ]);
    await page.close();
  });

  it('waits until a service worker controls the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('sw.html', app.url).href);
    await waitForServiceWorker(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(new URL('sw.js', app.url).href);
    await context.close();
  });

  it('copies a build so a test can deploy a changed version with setRoot', async () => {
    const next = await copyDist({ dist });
    tempDirs.push(next);
    await appendFile(path.join(next, 'sw.js'), '// v2\n');
    await writeFile(path.join(next, 'index.html'), '<!doctype html><h1>v2</h1>');
    expect(await readFile(path.join(dist, 'sw.js'), 'utf8')).toBe(SW_SCRIPT);
    const page = await browser.newPage();
    app.setRoot(next);
    try {
      await page.goto(app.url);
      expect(await page.locator('h1').textContent()).toBe('v2');
      const sw = await page.evaluate(async () => (await fetch('/sw.js')).text());
      expect(sw).toBe(`${SW_SCRIPT}// v2\n`);
    } finally {
      app.setRoot(dist);
      await page.close();
    }
  });
});
