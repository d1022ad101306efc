// The security headers in the browser (issue 14, finding 5): the app as `npm start` serves it sends them on every
// response (HTML, JS, CSS, manifest, sw.js), the page runs under them with no violation, they block what they
// should (an inline script, framing by another origin), and a navigation the service worker answers offline keeps them.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../server/staticServer.mjs';
import { ReferatApp } from './pages/ReferatApp';
import { DIST_DIR, launchChromium, waitForServiceWorker } from './support/harness';

type StaticServer = Awaited<ReturnType<typeof startStaticServer>>;

const SIGNALLING_PORT = 4444;
const REQUIRED = ['content-security-policy', 'referrer-policy', 'cross-origin-opener-policy', 'permissions-policy', 'x-content-type-options'];

/** The headers every response must carry, checked on one response's headers (lower-case names). */
function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  for (const name of REQUIRED) expect(headers[name], `${what}: ${name}`).toBeTruthy();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, what).toContain("script-src 'self';");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(new RegExp(`connect-src 'self' ws://127\\.0\\.0\\.1:${SIGNALLING_PORT};`));
  expect(csp, what).not.toMatch(/unsafe-eval|connect-src[^;]* wss?:[;\s]/);
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['permissions-policy'], what).toContain('camera=()');
  expect(headers['permissions-policy'], what).toContain('microphone=()');
  expect(headers['permissions-policy'], what).toContain('geolocation=()');
}

/** Whether an inline script added to the page runs (the CSP must stop it). */
async function inlineScriptRuns(app: ReferatApp): Promise<boolean> {
  return app.page.evaluate(() => {
    const w = window as unknown as { __inlineRan?: boolean };
    delete w.__inlineRan;
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    // An inline script runs (or is refused) while it is inserted.
    document.head.append(script);
    return w.__inlineRan === true;
  });
}

describe('security headers in the browser', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  const responses: Response[] = [];
  const violations: string[] = [];
  /** Console lines about the headers themselves, e.g. "Error with Permissions-Policy header: Unrecognized feature". */
  const headerComplaints: string[] = [];

  beforeAll(async () => {
    // As server/main.mjs starts it: the signalling server beside the app on SIGNALLING_PORT.
    server = await startStaticServer({ root: path.resolve(process.env.REFERAT_E2E_DIST ?? DIST_DIR), signallingPort: SIGNALLING_PORT });
    browser = await launchChromium();
    context = await browser.newContext();
    context.on('response', (r) => responses.push(r));
    context.on('console', (m) => {
      if (/Permissions-Policy|Content.Security.Policy|Referrer-Policy|Cross-Origin/i.test(m.text())) headerComplaints.push(m.text());
    });
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
  });

  it('sends them on the page, its scripts, styles, manifest and sw.js, and the app runs under them', async () => {
    const app = await ReferatApp.open(context, server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await waitForServiceWorker(app.page);
    const seen = new Map<string, Response>();
    for (const r of responses) {
      const type = r.request().resourceType();
      if (!r.fromServiceWorker() && r.url().startsWith(server.url)) seen.set(`${type} ${new URL(r.url()).pathname}`, r);
    }
    const kinds = [...seen.keys()].map((k) => k.split(' ')[0]);
    for (const kind of ['document', 'script', 'stylesheet']) expect(kinds, kind).toContain(kind);
    for (const [what, r] of seen) expectSecurityHeaders(await r.allHeaders(), what);
    // The manifest and sw.js as a page fetch gets them (the manifest from the precache, which keeps the headers).
    for (const file of ['/manifest.webmanifest', '/sw.js']) {
      const headers = await app.page.evaluate(async (url) => {
        const res = await fetch(url, { cache: 'no-store' });
        return { status: res.status, headers: Object.fromEntries(res.headers.entries()) };
      }, file);
      expect(headers.status, file).toBe(200);
      expectSecurityHeaders(headers.headers, file);
    }
    // The app runs under the policy: a referat opens and is edited, and nothing was refused.
    await app.createReferat();
    await app.titleField.fill('Under CSP');
    await app.typeAfter('Godkendelse af dagsorden', ' ok');
    await app.waitUntilSaved();
    expect(violations).toEqual([]);
    expect(headerComplaints).toEqual([]);
  });

  it('blocks an inline script and framing by another origin', async () => {
    const app = await ReferatApp.open(context, server.url);
    await app.page.locator('h1').first().waitFor();
    expect(await inlineScriptRuns(app)).toBe(false);
    await expect.poll(() => violations.some((v) => v.startsWith('script-src'))).toBe(true);
    violations.length = 0;

    // Another origin (a bare server on another port, with no policy of its own) tries to show the app in a frame.
    const other = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><iframe id="app" src="${server.url}settings"></iframe>`);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    const framer = await context.newPage();
    try {
      const framed = framer.waitForEvent('response', (r) => r.url() === `${server.url}settings`);
      await framer.goto(`http://127.0.0.1:${port}/`);
      expect((await framed).headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await expect
        .poll(async () => {
          const frame = framer.frames().find((f) => f !== framer.mainFrame());
          if (!frame) return 'no frame';
          return frame.evaluate(() => (document.querySelector('#root') === null ? 'blocked' : 'shown')).catch(() => 'blocked');
        })
        .toBe('blocked');
    } finally {
      await framer.close();
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('keeps them on a navigation the service worker answers offline', async () => {
    const app = await ReferatApp.open(context, server.url);
    await app.page.locator('h1').first().waitFor();
    await waitForServiceWorker(app.page);
    await context.setOffline(true);
    try {
      const response = await app.page.goto(app.url('/settings'));
      expect(response?.fromServiceWorker()).toBe(true);
      expectSecurityHeaders(await response?.allHeaders() ?? {}, 'offline navigation');
      await app.page.getByRole('heading', { level: 1 }).first().waitFor();
      // ... and they hold there: the page from the cache refuses an inline script too.
      expect(await inlineScriptRuns(app)).toBe(false);
    } finally {
      await context.setOffline(false);
    }
  });
});
