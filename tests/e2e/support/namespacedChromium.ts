// Launches Debian's Chromium inside another network namespace: a wrapper script that nsenters it, driven by playwright.
import { access, chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, makeTempDir, removeTempDir } from './harness';

const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** A browser and the wrapper folder it was started from; close() ends both. */
export interface NamespacedBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Chromium whose every process lives in the network namespace held by `pid` (/proc/<pid>/ns/net). Playwright talks
 * to it over a pipe, which nsenter passes on, so no port needs to reach into the namespace. The harness's arguments
 * except loopback candidates: a real laptop offers none, and they would only blur what the test shows.
 */
export async function launchChromiumInNamespace(pid: number, options: { args?: readonly string[] } = {}): Promise<NamespacedBrowser> {
  const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  await access(chromiumPath).catch(() => {
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium package or set CHROMIUM_PATH`);
  });
  const dir = await makeTempDir('referat-netns-chromium-');
  const wrapper = path.join(dir, 'chromium');
  // exec twice: nsenter becomes Chromium, so the process playwright started (and kills) is Chromium itself.
  await writeFile(wrapper, `#!/bin/sh\nexec nsenter --net=/proc/${pid}/ns/net -- ${shellQuoted(chromiumPath)} "$@"\n`);
  await chmod(wrapper, 0o755);
  try {
    const args = [...CHROMIUM_ARGS.filter((a) => a !== '--allow-loopback-in-peer-connection'), ...(options.args ?? [])];
    const browser = await chromium.launch({ executablePath: wrapper, args });
    return {
      browser,
      close: async () => {
        await browser.close().catch(() => undefined);
        await removeTempDir(dir);
      },
    };
  } catch (error) {
    await removeTempDir(dir);
    throw error;
  }
}
