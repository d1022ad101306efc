// Records the path of every script a page fetches, to check which chunks load when.
import type { Page } from 'playwright-core';

export function loadedScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return scripts;
}
