// With default settings the app finds its signalling server on its own origin (`/signal` beside `/relay`, one port,
// as `npm start` serves them): two profiles that never touched the settings edit live together.
// Runs inside a private network namespace (scripts/e2e.mjs).
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture, type BrowserFixture } from './support/browserFixture';

async function device(fx: BrowserFixture, name: string, organisation: string, kind: 'Kommune' | 'Leverandør'): Promise<ReferatApp> {
  const context = await fx.newContext();
  // As liveDevice: plain loopback ICE candidates instead of mDNS names the namespace cannot resolve.
  await context.grantPermissions(['microphone'], { origin: new URL(fx.server.url).origin });
  const app = await ReferatApp.open(context, fx.server.url);
  await app.setUpProfile({ name, organisation, kind });
  await app.nav('Bibliotek');
  return app;
}

describe('servers on the app’s own origin', () => {
  const fx = useBrowserFixture({ relay: true });

  it('connects live through /signal with default settings', async () => {
    const clerk = await device(fx, 'Mette Holm', 'Aarhus Kommune', 'Kommune');
    const sockets: string[] = [];
    clerk.page.on('websocket', (ws) => sockets.push(ws.url()));
    const docId = await clerk.createReferat();
    await clerk.titleField.fill('Driftsmøde juli');
    const link = await clerk.invite();

    const vendor = await device(fx, 'Bo Lund', 'Systemhuset A/S', 'Leverandør');
    await vendor.page.goto(link);
    await vendor.page.getByRole('button', { name: 'Deltag', exact: true }).click();
    await vendor.page.waitForURL(`**/r/${docId}`);
    await expect.poll(() => clerk.liveStatus(), { timeout: 30_000 }).toBe('Forbundet til 1 anden');
    await vendor.typeAfter('Status', ': vi er forbundet');
    await expect.poll(() => clerk.editorText(), { timeout: 20_000 }).toContain('Status: vi er forbundet');
    const origin = new URL(fx.server.url).host;
    expect(sockets).toContain(`ws://${origin}/signal`);
    expect(sockets.every((u) => u.startsWith(`ws://${origin}/`))).toBe(true);
  });
});
