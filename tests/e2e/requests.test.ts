// Where the app connects (issue 14, finding 5): a whole session — profile, create, edit, live sharing, document
// exports, a copy, an aktindsigt package, a backup and its restore — is recorded request by request, and every
// request goes to the app's own origin (its relay included) or the configured signalling server (blob: and data:
// stay in the page), with no Content-Security-Policy violation on the way.
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignallingServer } from '../../server/signallingServer.mjs';
import { startStaticServer } from '../../server/staticServer.mjs';
import { ReferatApp } from './pages/ReferatApp';
import { DIST_DIR, launchChromium, waitForServiceWorker } from './support/harness';

describe('requests during a whole session', () => {
  let server: Awaited<ReturnType<typeof startStaticServer>>;
  let signalling: Awaited<ReturnType<typeof startSignallingServer>>;
  let browser: Browser;
  let context: BrowserContext;
  const requests: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    signalling = await startSignallingServer();
    // As server/main.mjs starts it, with the signalling server beside it.
    server = await startStaticServer({ root: path.resolve(process.env.REFERAT_E2E_DIST ?? DIST_DIR), signallingPort: signalling.port });
    browser = await launchChromium();
    context = await browser.newContext();
    context.on('request', (r) => requests.push(r.url()));
    context.on('page', (page) => page.on('websocket', (ws) => requests.push(ws.url())));
    await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
      violations.push(text);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await signalling?.close();
  });

  it('reaches only the app and its signalling server', { timeout: 180_000 }, async () => {
    const app = await ReferatApp.open(context, server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await waitForServiceWorker(app.page);
    await app.setSignalling(`ws://127.0.0.1:${signalling.port}`);
    await app.nav('Bibliotek');

    await app.createReferat();
    await app.titleField.fill('Driftsmøde med https://example.com');
    await app.typeAfter('Godkendelse af dagsorden', ' – se https://example.com/billede.png');
    await app.waitUntilSaved();
    const link = await app.invite();
    expect(link.startsWith(server.url)).toBe(true);
    await expect.poll(() => requests.some((u) => u.startsWith(`ws://127.0.0.1:${signalling.port}`)), { timeout: 20_000 }).toBe(true);

    for (const format of ['HTML', 'Markdown', 'Word (DOCX)'] as const) expect((await app.exportDocument(format)).bytes.length).toBeGreaterThan(0);
    expect((await app.downloadCopy()).bytes.length).toBeGreaterThan(0);
    const pkg = await app.buildAktindsigtPackage();
    expect(pkg.bytes.length).toBeGreaterThan(0);
    const backup = await app.saveBackup();
    expect(await app.restoreBackup(backup.name, backup.bytes)).toMatch(/^Gendannelsen er færdig/);

    const appOrigin = new URL(server.url).origin;
    // The relay of a shared referat is found on the app's own origin (docs/RELAY.md); this server has none to answer.
    const appRelay = `ws://${new URL(server.url).host}/relay`;
    const allowed = (url: string) => {
      const u = new URL(url);
      return u.origin === appOrigin || u.protocol === 'blob:' || u.protocol === 'data:' || u.origin === `ws://127.0.0.1:${signalling.port}` || url.startsWith(appRelay);
    };
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((u) => !allowed(u))).toEqual([]);
    expect(violations).toEqual([]);
  });
});
