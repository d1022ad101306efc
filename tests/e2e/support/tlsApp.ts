// The app as `node server/main.mjs --tls-cert … --tls-key …` serves it: the production build, /signal and /relay on one
// HTTPS port of 127.0.0.1 with a self-signed certificate made at test time, the default allow-list (the port's own
// https: origins); and Chromium told to accept that certificate.
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ownOrigins, startReferatServer } from '../../../server/referatServer.mjs';
import { readTlsCredentials } from '../../../server/tlsCredentials.mjs';
import { DIST_DIR, launchChromium, makeTempDir, removeTempDir } from './harness';
import { selfSignedCertificate } from './selfSignedCertificate';

export interface TlsApp {
  /** https://127.0.0.1:<port>/ */
  url: string;
  /** The origins the server accepts WebSocket handshakes from. */
  allowedOrigins: readonly string[] | null;
  close(): Promise<void>;
}

/** Starts the one-origin server over TLS on a random port, with its relay's mailboxes in a temp folder. */
export async function startTlsApp(options: { dist?: string } = {}): Promise<TlsApp> {
  const dist = path.resolve(options.dist ?? process.env.REFERAT_E2E_DIST ?? DIST_DIR);
  const dir = await makeTempDir('referat-tls-');
  try {
    const certificate = await selfSignedCertificate(dir);
    // Checked as main.mjs checks --tls-cert and --tls-key.
    const tls = await readTlsCredentials({ certFile: certificate.certFile, keyFile: certificate.keyFile });
    const host = '127.0.0.1';
    const server = await startReferatServer({
      mode: 'all',
      root: dist,
      host,
      port: 0,
      signallingPort: 0,
      allowedOrigins: (port) => ownOrigins({ host, port, secure: true }),
      relay: { dataDir: path.join(dir, 'relay') },
      tls: { cert: tls.cert, key: tls.key },
      log: () => undefined,
    });
    return {
      url: `https://${host}:${server.port}/`,
      allowedOrigins: server.allowedOrigins,
      close: async () => {
        await server.close();
        await removeTempDir(dir);
      },
    };
  } catch (error) {
    await removeTempDir(dir);
    throw error;
  }
}

export interface TlsBrowserFixture {
  readonly app: TlsApp;
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
}

/** One TLS server and one Chromium (accepting any certificate) per test file, and a fresh profile per context. */
export function useTlsBrowserFixture(): TlsBrowserFixture {
  let app: TlsApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    app = await startTlsApp();
    browser = await launchChromium({ args: ['--ignore-certificate-errors'] });
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('TLS app not started');
      return app;
    },
    async newContext(options) {
      if (!browser) throw new Error('browser not started');
      const c = await browser.newContext(options);
      contexts.push(c);
      return c;
    },
  };
}
