// Reads the file a click makes the browser download, for page models that save files.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
}

/** Runs `click`, waits for the download it starts, and returns the file's name and bytes. */
export async function downloadedFile(page: Page, click: () => Promise<void>): Promise<DownloadedFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}
