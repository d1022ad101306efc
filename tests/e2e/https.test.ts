// HTTPS (issue 15): the app served over TLS with a self-signed certificate (Chromium told to accept it) finds wss: on
// its own origin with default settings: a service worker controls the page, live sync signals through
// wss://<origin>/signal, the relay delivers through wss://<origin>/relay, and no ws: connection is tried.
// Runs inside a private network namespace (scripts/e2e.mjs).
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { waitForServiceWorker } from './support/harness';
import { useTlsBrowserFixture, type TlsBrowserFixture } from './support/tlsApp';

const SHOTS = process.env.REFERAT_SCREENSHOTS;
const DELIVERED = 'Relæ: forbundet – dine ændringer er afleveret.';

interface Device {
  app: ReferatApp;
  /** Every WebSocket the page opened, in order. */
  sockets: string[];
}

/** A fresh profile that never touches the settings, its page's WebSockets recorded from the first request on. */
async function device(fx: TlsBrowserFixture, name: string, organisation: string, kind: 'Kommune' | 'Leverandør'): Promise<Device> {
  const context = await fx.newContext({ viewport: { width: 1366, height: 768 } });
  // As liveDevice: plain loopback ICE candidates instead of mDNS names the namespace cannot resolve.
  await context.grantPermissions(['microphone'], { origin: new URL(fx.app.url).origin });
  const page = await context.newPage();
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  const app = new ReferatApp(page, fx.app.url);
  await app.goto('/');
  await waitForServiceWorker(page);
  await app.setUpProfile({ name, organisation, kind });
  await app.nav('Bibliotek');
  return { app, sockets };
}

const relayState = (app: ReferatApp) => app.page.getByTestId('relay-status').locator('.relay-state').innerText();

describe('the app over HTTPS', () => {
  const fx = useTlsBrowserFixture();

  it('finds wss: /signal and /relay on its own origin with default settings, under a service worker', async () => {
    const origin = new URL(fx.app.url).origin;
    const wssOrigin = origin.replace(/^https:/, 'wss:');
    expect(origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(fx.app.allowedOrigins).toContain(origin);

    const clerk = await device(fx, 'Mette Holm', 'Aarhus Kommune', 'Kommune');
    // A secure context on https:, controlled by the app's service worker from this origin.
    expect(await clerk.app.page.evaluate(() => [location.protocol, isSecureContext, navigator.serviceWorker.controller?.scriptURL ?? null])).toEqual([
      'https:',
      true,
      expect.stringMatching(new RegExp(`^${origin.replaceAll('.', '\\.')}/`)),
    ]);
    const docId = await clerk.app.createReferat();
    await clerk.app.titleField.fill('Driftsmøde august');
    await clerk.app.typeAfter('Status', ': over TLS');
    const link = await clerk.app.invite();
    expect(link.startsWith(`${origin}/`)).toBe(true);
    await expect.poll(() => relayState(clerk.app), { timeout: 30_000 }).toBe(DELIVERED);

    const vendor = await device(fx, 'Bo Lund', 'Systemhuset A/S', 'Leverandør');
    expect(await vendor.app.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await vendor.app.page.goto(link);
    await vendor.app.page.getByRole('button', { name: 'Deltag', exact: true }).click();
    await vendor.app.page.waitForURL(`**/r/${docId}`);

    // Live: both in the room through wss:/signal, and text typed by one appears at the other, both ways.
    await expect.poll(() => clerk.app.liveStatus(), { timeout: 30_000 }).toBe('Forbundet til 1 anden');
    await expect.poll(() => vendor.app.liveStatus(), { timeout: 30_000 }).toBe('Forbundet til 1 anden');
    await expect.poll(() => vendor.app.editorText(), { timeout: 30_000 }).toContain('Status: over TLS');
    await vendor.app.typeAfter('Status', ' – leverandøren er med');
    await expect.poll(() => clerk.app.editorText(), { timeout: 20_000 }).toContain('Status: over TLS – leverandøren er med');
    await clerk.app.typeAfter('Beslutninger', ' – aftalen forlænges');
    await expect.poll(() => vendor.app.editorText(), { timeout: 20_000 }).toContain('Beslutninger – aftalen forlænges');

    // The relay: both connected through wss:/relay and every change handed over.
    await expect.poll(() => relayState(vendor.app), { timeout: 30_000 }).toBe(DELIVERED);
    await expect.poll(() => relayState(clerk.app), { timeout: 30_000 }).toBe(DELIVERED);

    // Every WebSocket either page opened is wss: on the page's own origin: /signal and /relay, never ws:.
    for (const { sockets } of [clerk, vendor]) {
      expect(sockets).toContain(`${wssOrigin}/signal`);
      expect(sockets.some((url) => url.startsWith(`${wssOrigin}/relay`))).toBe(true);
      expect(sockets.filter((url) => !url.startsWith(`${wssOrigin}/`))).toEqual([]);
      expect(sockets.filter((url) => url.startsWith('ws:'))).toEqual([]);
    }

    await clerk.app.page.getByRole('tab', { name: 'Deling' }).click();
    if (SHOTS) await clerk.app.page.screenshot({ path: `${SHOTS}/https-live-1366.png` });
    if (SHOTS) await clerk.app.page.getByTestId('relay-status').screenshot({ path: `${SHOTS}/https-relay-1366.png` });
    await clerk.app.page.setViewportSize({ width: 360, height: 780 });
    if (SHOTS) await clerk.app.page.screenshot({ path: `${SHOTS}/https-live-360.png`, fullPage: true });
  });
});
