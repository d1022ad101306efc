// One app server and one Chromium per test file, and a fresh browser context (empty profile) per test.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RelayLimits } from '../../../server/relay.mjs';
import { launchChromium, startApp, type App } from './harness';

export interface BrowserFixture {
  readonly server: App;
  readonly browser: Browser;
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
}

/** `dist` serves another build than dist/ (e.g. one made with `vite build --outDir dist-x` while developing). */
/** `relay` serves the relay and the signalling server at /relay and /signal on the app's origin, as `npm start` does (harness.ts, startApp). */
/** `relayLimits` overrides the relay's limits (e.g. a small mailbox, to see it full). */
export function useBrowserFixture(setup: { dist?: string; relay?: boolean; relayLimits?: Partial<RelayLimits> } = {}): BrowserFixture {
  let server: App | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startApp({
      ...(setup.dist ? { dist: setup.dist } : {}),
      ...(setup.relay ? { relay: true } : {}),
      ...(setup.relayLimits ? { relayLimits: setup.relayLimits } : {}),
    });
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
    async newContext(options) {
      if (!browser) throw new Error('browser not started');
      const c = await browser.newContext(options);
      contexts.push(c);
      return c;
    },
  };
}
