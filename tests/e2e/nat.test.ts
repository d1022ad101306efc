// Across networks, for real: a kommune and a leverandør, each on a private network masqueraded behind its own router,
// with the app server (relay and signalling on its origin, default settings) on a public-looking address. Direct
// WebRTC without TURN finds no way between the two networks; live text and store and forward go through the relay.
// Builds its namespaces inside scripts/e2e.mjs' private one (support/natNetwork.ts) and removes them afterwards.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferatServer } from '../../server/referatServer.mjs';
import { ReferatApp } from './pages/ReferatApp';
import { DIST_DIR, makeTempDir, removeTempDir } from './support/harness';
import { buildNatNetwork, INTERNET_ADDRESS, type NatNetwork } from './support/natNetwork';
import { launchChromiumInNamespace, type NamespacedBrowser } from './support/namespacedChromium';
import { anyConnected, candidateAddresses, probedConnections, probePeerConnections } from './support/peerConnectionProbe';

const SHOTS = process.env.REFERAT_SCREENSHOTS;
const DELIVERED = 'Relæ: forbundet – dine ændringer er afleveret.';
/** What the live panel says once a WebRTC connection to another device is up. */
const CONNECTED_TO_PEER = /Forbundet til (1 anden|[1-9]\d* andre)/;
/** Chromium gives up on the connection some 15 s after its checks start; the wait is generous for a loaded machine. */
const ICE_VERDICT_MS = 60_000;
/** Two profiles, a join and ICE's verdict in one step: more than the file's default 90 s on a loaded 2-core machine. */
const SCENARIO_TIMEOUT_MS = 180_000;

type Person = { name: string; organisation: string; kind: 'Kommune' | 'Leverandør' };
const CLERK: Person = { name: 'Mette Holm', organisation: 'Aarhus Kommune', kind: 'Kommune' };
const VENDOR: Person = { name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' };

const relayState = (app: ReferatApp) => app.page.getByTestId('relay-status').locator('.relay-state').innerText();

/** A device in its own browser profile with default settings: signalling and relay come from the app's origin. */
async function device(browser: Browser, origin: string, person: Person): Promise<ReferatApp> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  // With a media permission Chromium offers its real LAN address as a host candidate instead of an mDNS name: WebRTC
  // then tries the very address that cannot be reached from the other network.
  await context.grantPermissions(['microphone'], { origin });
  await probePeerConnections(context);
  const app = await ReferatApp.open(context, `${origin}/`);
  await app.setUpProfile(person);
  await app.nav('Bibliotek');
  return app;
}

describe('a kommune and a leverandør on two private networks behind NAT', () => {
  let net: NatNetwork | undefined;
  let server: Awaited<ReturnType<typeof startReferatServer>> | undefined;
  let relayDir: string | undefined;
  const browsers: NamespacedBrowser[] = [];
  let origin = '';
  // Shared by the steps below, in order: the referat and both devices.
  let docId = '';
  let clerk: ReferatApp | undefined;
  let vendor: ReferatApp | undefined;
  const opened = (app: ReferatApp | undefined, who: string): ReferatApp => {
    if (!app) throw new Error(`${who} has not opened the referat: an earlier step failed`);
    return app;
  };

  beforeAll(async () => {
    const dist = path.resolve(process.env.REFERAT_E2E_DIST ?? DIST_DIR);
    await access(path.join(dist, 'index.html')).catch(() => {
      throw new Error(`No production build at ${dist} (index.html missing): run npm run build first`);
    });
    net = await buildNatNetwork();
    relayDir = await makeTempDir('referat-nat-relay-');
    // As `npm start` serves them: app, /signal and /relay on one origin, browsers let in only from that origin.
    server = await startReferatServer({
      mode: 'all',
      root: dist,
      host: INTERNET_ADDRESS,
      allowedOrigins: (port) => [`http://${INTERNET_ADDRESS}:${port}`],
      relay: { dataDir: relayDir, log: () => undefined },
    });
    origin = `http://${INTERNET_ADDRESS}:${server.port}`;
    // Plain http on a public address is no secure context; this flag makes it one (service worker, WebCrypto).
    const args = [`--unsafely-treat-insecure-origin-as-secure=${origin}`];
    browsers.push(await launchChromiumInNamespace(net.kommune.clientPid, { args }));
    browsers.push(await launchChromiumInNamespace(net.leverandor.clientPid, { args }));
  });

  afterAll(async () => {
    // Every part is closed even when another fails; the first failure is reported.
    const failures: unknown[] = [];
    const attempt = async (step: () => Promise<unknown> | undefined) => {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    };
    for (const b of browsers.splice(0)) await attempt(() => b.close());
    await attempt(() => server?.close());
    await attempt(() => net?.close());
    await attempt(() => (relayDir ? removeTempDir(relayDir) : undefined));
    if (failures.length > 0) throw failures[0];
  });

  it('gives each network one way out, through its masquerading router, and none to the other network', async () => {
    const n = net as NatNetwork;
    const { kommune, leverandor } = n;
    expect(await n.exec(kommune.clientPid, 'ip', ['-4', '-o', 'addr', 'show', 'dev', 'eth0'])).toContain(`inet ${kommune.lanAddress}/24`);
    expect(await n.exec(kommune.clientPid, 'ip', ['route', 'get', leverandor.lanAddress])).toContain('via 10.1.0.1');
    expect(await n.exec(kommune.routerPid, 'ip', ['route', 'get', leverandor.lanAddress])).toContain('via 198.51.100.1');
    for (const site of [kommune, leverandor]) {
      expect(await n.exec(site.routerPid, 'nft', ['list', 'chain', 'ip', 'nat', 'postrouting'])).toMatch(/oifname "wan" masquerade/);
    }
    // The internet (this test's own namespace) knows no route to either LAN and forwards nothing.
    await expect(n.exec(process.pid, 'ip', ['route', 'get', leverandor.lanAddress])).rejects.toThrow(/unreachable/i);
    await expect(n.exec(process.pid, 'ip', ['route', 'get', kommune.lanAddress])).rejects.toThrow(/unreachable/i);
    expect((await n.exec(process.pid, 'cat', ['/proc/sys/net/ipv4/ip_forward'])).trim()).toBe('0');
  });

  it('opens the shared referat on both sides at once: WebRTC never connects, the relay brings the vendor the referat', async () => {
    const [kommune, leverandor] = browsers as [NamespacedBrowser, NamespacedBrowser];
    const { kommune: clerkLan, leverandor: vendorLan } = net as NatNetwork;
    clerk = await device(kommune.browser, origin, CLERK);
    docId = await clerk.createReferat();
    await clerk.titleField.fill('Driftsmøde på tværs af net');
    await clerk.typeAfter('Status', ': fra rådhusets net');
    const link = await clerk.invite();
    expect(link.startsWith(`${origin}/`)).toBe(true);
    await expect.poll(() => relayState(opened(clerk, 'the clerk')), { timeout: 30_000 }).toBe(DELIVERED);

    // The vendor joins by the link from the other network while the clerk keeps the referat open.
    vendor = await device(leverandor.browser, origin, VENDOR);
    await vendor.page.goto(link);
    await vendor.page.getByRole('button', { name: 'Deltag', exact: true }).click();
    await vendor.page.waitForURL(`**/r/${docId}`);
    await expect.poll(() => opened(vendor, 'the vendor').editorText(), { timeout: 45_000 }).toContain('Status: fra rådhusets net');
    expect(await vendor.titleField.inputValue()).toBe('Driftsmøde på tværs af net');
    await expect.poll(() => relayState(opened(vendor, 'the vendor')), { timeout: 30_000 }).toBe(DELIVERED);

    // Signalling crossed both NATs: each side made a peer connection, offered its own LAN address and was given the
    // other's. Only host candidates exist (no STUN, no TURN), and the two LANs cannot reach each other.
    await expect.poll(async () => candidateAddresses((await probedConnections(opened(clerk, 'the clerk'))).flatMap((c) => c.remote)), { timeout: 45_000 })
      .toContain(vendorLan.lanAddress);
    await expect.poll(async () => candidateAddresses((await probedConnections(opened(vendor, 'the vendor'))).flatMap((c) => c.remote)), { timeout: 45_000 })
      .toContain(clerkLan.lanAddress);
    for (const [app, lan] of [[clerk, clerkLan.lanAddress], [vendor, vendorLan.lanAddress]] as const) {
      const local = (await probedConnections(app)).flatMap((c) => c.local);
      expect(candidateAddresses(local)).toContain(lan);
      expect(local.every((line) => line.includes(' typ host'))).toBe(true);
    }

    // ICE's verdict: the checks go unanswered and the connection fails; none ever came up on either side.
    const iceFailed = async (app: ReferatApp) => (await probedConnections(app)).some((c) => c.states.includes('failed'));
    await expect.poll(() => iceFailed(opened(clerk, 'the clerk')), { timeout: ICE_VERDICT_MS }).toBe(true);
    await expect.poll(() => iceFailed(opened(vendor, 'the vendor')), { timeout: ICE_VERDICT_MS }).toBe(true);
    expect(anyConnected(await probedConnections(clerk))).toBe(false);
    expect(anyConnected(await probedConnections(vendor))).toBe(false);
    expect(await clerk.liveStatus()).not.toMatch(CONNECTED_TO_PEER);
    expect(await vendor.liveStatus()).not.toMatch(CONNECTED_TO_PEER);
    // Live editing falls back to the relay: both live panels say so, and each lists the other, proven, as present.
    for (const [app, other] of [[clerk, 'Bo Lund'], [vendor, 'Mette Holm']] as const) {
      await expect.poll(() => app.liveStatus(), { timeout: 60_000 }).toBe('Forbundet via relæ til 1 anden – ingen direkte forbindelse.');
      await expect.poll(() => app.page.getByTestId('presence-peer').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-name')}:${e.getAttribute('data-proof')}`)), { timeout: 30_000 })
        .toEqual([`${other}:proven`]);
    }
  }, SCENARIO_TIMEOUT_MS);

  it('carries text typed on either side to the other while both are open, through the relay', async () => {
    const c = opened(clerk, 'the clerk');
    const v = opened(vendor, 'the vendor');
    await c.typeAfter('Beslutninger', ' – kontrakten forlænges');
    await expect.poll(() => v.editorText(), { timeout: 30_000 }).toContain('Beslutninger – kontrakten forlænges');
    await v.typeAfter('Næste møde', ': leverandøren foreslår 3. marts');
    await expect.poll(() => c.editorText(), { timeout: 30_000 }).toContain('Næste møde: leverandøren foreslår 3. marts');
    await expect.poll(() => relayState(c), { timeout: 30_000 }).toBe(DELIVERED);
    await expect.poll(() => relayState(v), { timeout: 30_000 }).toBe(DELIVERED);
    // Still no direct connection: all of this came through the relay.
    expect(anyConnected(await probedConnections(c))).toBe(false);
    expect(anyConnected(await probedConnections(v))).toBe(false);
    expect(await c.liveStatus()).not.toMatch(CONNECTED_TO_PEER);
    expect(await v.liveStatus()).not.toMatch(CONNECTED_TO_PEER);
    expect(await c.liveStatus()).toBe('Forbundet via relæ til 1 anden – ingen direkte forbindelse.');
    expect(await v.page.getByTestId('relay-live').innerText()).toMatch(/^Relæ: live/);

    for (const [app, who] of [[c, 'kommune'], [v, 'leverandor']] as const) {
      await app.page.getByRole('tab', { name: 'Deling' }).click();
      if (SHOTS) await app.page.screenshot({ path: `${SHOTS}/nat-${who}-1366.png` });
    }
    await v.page.setViewportSize({ width: 360, height: 800 });
    if (SHOTS) await v.page.screenshot({ path: `${SHOTS}/nat-leverandor-360.png`, fullPage: true });
  });

  it('stores and forwards: the vendor closes, the clerk edits and closes, the vendor reopens and gets it', async () => {
    const c = opened(clerk, 'the clerk');
    const v = opened(vendor, 'the vendor');
    const vendorContext = v.page.context();
    await v.page.close();
    vendor = undefined;

    await c.typeAfter('Eventuelt', ': ingen bemærkninger');
    await expect.poll(() => relayState(c), { timeout: 30_000 }).toBe(DELIVERED);
    await c.page.close();
    clerk = undefined;

    // Nobody from the kommune is online now; the vendor's copy comes from the relay alone.
    const back = new ReferatApp(await vendorContext.newPage(), `${origin}/`);
    await back.goto(`/r/${docId}`);
    await expect.poll(() => back.editorText(), { timeout: 45_000 }).toContain('Eventuelt: ingen bemærkninger');
    const text = await back.editorText();
    expect(text).toContain('Beslutninger – kontrakten forlænges');
    expect(text).toContain('Næste møde: leverandøren foreslår 3. marts');
    await expect.poll(() => back.page.getByTestId('relay-received').innerText(), { timeout: 30_000 }).toMatch(/^Modtaget via relæet, siden referatet blev åbnet: [1-9]/);
    expect(anyConnected(await probedConnections(back))).toBe(false);
    await back.page.getByRole('tab', { name: 'Deling' }).click();
    if (SHOTS) await back.page.getByTestId('relay-status').screenshot({ path: `${SHOTS}/nat-leverandor-reopened.png` });
  });
});
