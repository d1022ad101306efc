// A Chromium we start ourselves on a persistent profile, driven over CDP, that can be SIGKILLed and started again.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS } from './harness';

export interface KillableBrowser {
  readonly browser: Browser;
  /** The profile's own context (the one that persists in userDataDir). */
  readonly context: BrowserContext;
  readonly pid: number;
  /** SIGKILLs the browser's whole process group and resolves once no process of it is left. */
  kill(): Promise<void>;
  /** Closes the browser normally (for the end of a test). */
  close(): Promise<void>;
}

/** What playwright-core adds when it launches Chromium itself, and matters here: no throttling of a headless page. */
const DRIVEN_ARGS: readonly string[] = [
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-hang-monitor',
  '--disable-dev-shm-usage',
  '--disable-field-trial-config',
  '--disable-features=PaintHolding,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,DestroyProfileOnBrowserClose',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-default-browser-check',
  '--hide-scrollbars',
  '--mute-audio',
];

const DEVTOOLS_LINE = /DevTools listening on (ws:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;

/** The pids of every process whose process group is `pgid` (Linux /proc). */
async function processesInGroup(pgid: number): Promise<number[]> {
  const out: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces: state ppid pgrp ...
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === pgid && rest[0] !== 'Z') out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

function waitForDevTools(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`Chromium printed no DevTools address within ${START_TIMEOUT_MS} ms:\n${seen.slice(-2000)}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const m = DEVTOOLS_LINE.exec(seen);
      if (m?.[1]) done(m[1]);
    };
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`Chromium exited (${code ?? signal}) before it listened:\n${seen.slice(-2000)}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining stderr so Chromium never blocks on a full pipe.
      child.stderr?.resume();
    };
    const done = (url: string) => {
      cleanup();
      resolve(url);
    };
    const fail = (e: Error) => {
      cleanup();
      reject(e);
    };
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Starts Debian's Chromium (CHROMIUM_PATH overrides) headless on `userDataDir` in its own process group, with a
 * DevTools port on loopback, and connects to it. A profile left by a killed browser is reused as it is, apart from
 * its stale single-instance lock.
 */
export async function launchKillableBrowser(userDataDir: string): Promise<KillableBrowser> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  for (const lock of ['SingletonLock', 'SingletonSocket', 'SingletonCookie', 'DevToolsActivePort']) {
    await rm(path.join(userDataDir, lock), { force: true });
  }
  const child = spawn(
    executablePath,
    [...CHROMIUM_ARGS, ...DRIVEN_ARGS, `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${executablePath}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killGroup = async () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
    // Renderers and helpers share the group; wait until the kernel has reaped them all.
    for (let i = 0; i < 200; i++) {
      const left = await processesInGroup(pid);
      if (left.length === 0) return;
      for (const p of left) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`processes of Chromium's group ${pid} survived SIGKILL`);
  };
  let browser: Browser;
  try {
    const endpoint = await waitForDevTools(child);
    browser = await chromium.connectOverCDP(endpoint);
  } catch (e) {
    await killGroup();
    throw e;
  }
  const context = browser.contexts()[0];
  if (!context) {
    await killGroup();
    throw new Error('Chromium over CDP has no default context');
  }
  return {
    browser,
    context,
    pid,
    kill: killGroup,
    async close() {
      await browser.close().catch(() => undefined);
      await killGroup();
    },
  };
}
