// Browser-test helpers: Debian's Chromium via playwright-core, the production build on a local server, signalling.
import { access, cp, mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, LaunchOptions, Page } from 'playwright-core';
import { startStaticServer } from '../../../server/staticServer.mjs';
import { startSignallingServer } from '../../../server/signallingServer.mjs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { startRelay, type RelayLimits } from '../../../server/relay.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST_DIR = path.join(REPO_ROOT, 'dist');

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--allow-loopback-in-peer-connection',
];

export type StaticServer = Awaited<ReturnType<typeof startStaticServer>>;

export interface App {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  server: StaticServer;
  close(): Promise<void>;
  /** Serve another folder from the next request on, to simulate a new deployment. */
  setRoot(dir: string): void;
  /** The relay at /relay on the app's origin, when started with `relay: true`; its mailboxes live in `relayDir`. */
  relay: Awaited<ReturnType<typeof startRelay>> | null;
  relayDir: string | null;
  /** Stops the relay (its mailboxes stay on disk): /relay refuses connections until `restartRelay`. */
  stopRelay(): Promise<void>;
  /** Stops the relay if it runs and starts a new one on the same mailboxes and path, as a restart of `npm start` would. */
  restartRelay(): Promise<void>;
}

export interface Signalling {
  /** ws://127.0.0.1:port */
  url: string;
  port: number;
  /** Every text message the server received, in order. */
  received: string[];
  close(): Promise<void>;
}

const tempDirs = new Set<string>();
// Best effort only: vitest may end its workers without an 'exit' event, so tests should call removeTempDir.
process.once('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Launches Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium) headless, with a fresh profile. */
export async function launchChromium(options: { args?: string[] } = {}): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!(await exists(executablePath))) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium package or set CHROMIUM_PATH`);
  }
  const launchOptions: LaunchOptions = { executablePath, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] };
  return chromium.launch(launchOptions);
}

/**
 * Serves the production build (default: dist/ at the repo root, or $REFERAT_E2E_DIST) on 127.0.0.1 with a random port;
 * `headers` go on every file served.
 */
export async function startApp(
  options: { dist?: string; headers?: Record<string, string>; relay?: boolean; relayLimits?: Partial<RelayLimits> } = {},
): Promise<App> {
  const dist = path.resolve(options.dist ?? process.env.REFERAT_E2E_DIST ?? DIST_DIR);
  if (!(await exists(path.join(dist, 'index.html')))) {
    throw new Error(`No production build at ${dist} (index.html missing): run npm run build first`);
  }
  // The relay and signalling as `npm start` serves them, at /relay and /signal on the app's origin, with the
  // mailboxes in a temp folder. Off unless asked for: without them the app's own-origin connections are refused and
  // the tests see copies travel only live, through the signalling servers they start themselves.
  const relayDir = options.relay ? await makeTempDir('referat-relay-') : null;
  const openRelay = (dir: string) => startRelay({ dataDir: dir, log: () => undefined, limits: options.relayLimits ?? {} });
  let relay = relayDir ? await openRelay(relayDir) : null;
  const stopRelay = async () => {
    const running = relay;
    relay = null;
    await running?.close();
  };
  const signalling = relayDir ? await startSignallingServer() : null;
  // The security headers as `npm start` sends them; the tests' signalling servers listen on random loopback ports.
  const server = await startStaticServer({
    root: dist,
    host: '127.0.0.1',
    port: 0,
    headers: options.headers ?? {},
    connectSources: ['ws://127.0.0.1:*'],
    ...(relay && signalling
      ? {
          webSockets: {
            // While the relay is stopped, /relay answers nothing: the socket is closed, as a relay that is down.
            '/relay': (req: IncomingMessage, socket: Duplex, head: Buffer) => (relay ? relay.handleUpgrade(req, socket, head) : socket.destroy()),
            '/signal': signalling.handleUpgrade,
          },
        }
      : {}),
  });
  return {
    url: server.url,
    server,
    get relay() {
      return relay;
    },
    relayDir,
    stopRelay,
    restartRelay: async () => {
      if (!relayDir) throw new Error('started without a relay');
      await stopRelay();
      relay = await openRelay(relayDir);
    },
    close: async () => {
      await stopRelay();
      await signalling?.close();
      await server.close();
      if (relayDir) await removeTempDir(relayDir);
    },
    setRoot: (dir: string) => server.setRoot(dir),
  };
}

/** Creates an empty temp dir; remove it with removeTempDir in afterAll. */
export async function makeTempDir(prefix = 'referat-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Removes a dir made by makeTempDir or copyDist. */
export async function removeTempDir(dir: string): Promise<void> {
  tempDirs.delete(dir);
  await rm(dir, { recursive: true, force: true });
}

/**
 * Copies the production build to a fresh temp dir a test may modify (e.g. to simulate a new deployment).
 * Remove it with removeTempDir when done.
 */
export async function copyDist(options: { dist?: string } = {}): Promise<string> {
  const dist = path.resolve(options.dist ?? process.env.REFERAT_E2E_DIST ?? DIST_DIR);
  if (!(await exists(path.join(dist, 'index.html')))) {
    throw new Error(`No production build at ${dist} (index.html missing): run npm run build first`);
  }
  const copy = await makeTempDir('referat-dist-');
  await cp(dist, copy, { recursive: true });
  return copy;
}

/** Resolves once the service worker is active and controls the page (reloading once if needed). */
export async function waitForServiceWorker(page: Page, timeoutMs = 30_000): Promise<void> {
  const ready = await page.evaluate(async (ms) => {
    if (!('serviceWorker' in navigator)) return 'unsupported';
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));
    return Promise.race([navigator.serviceWorker.ready.then(() => 'ready' as const), timeout]);
  }, timeoutMs);
  if (ready === 'unsupported') throw new Error('navigator.serviceWorker is unavailable (not a secure context?)');
  if (ready === 'timeout') throw new Error(`no service worker became ready within ${timeoutMs} ms`);

  const controlled = () => navigator.serviceWorker.controller !== null;
  if (await page.evaluate(controlled)) return;
  try {
    // A worker that calls clients.claim() takes over without a reload.
    await page.waitForFunction(controlled, undefined, { timeout: 500 });
  } catch {
    await page.reload();
    await page.waitForFunction(controlled, undefined, { timeout: timeoutMs });
  }
}

/** Starts a y-webrtc signalling server on 127.0.0.1 that records every message it receives. */
export async function startSignalling(): Promise<Signalling> {
  const received: string[] = [];
  const server = await startSignallingServer({ onMessage: (text) => received.push(text) });
  return { url: server.url, port: server.port, received, close: () => server.close() };
}
