// The library is usable before the editor, live-sync and file code load: those are fetched on demand.
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';
import { loadedScripts } from './support/loadedScripts';

describe('first load', () => {
  const fx = useBrowserFixture();

  it('loads no editor, live-sync or import code until a referat is opened or shared', async () => {
    const context = await fx.newContext();
    const page = await context.newPage();
    const scripts = loadedScripts(page);
    const app = new ReferatApp(page, fx.server.url);
    await app.goto('/');
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await page.getByRole('button', { name: 'Nyt referat' }).waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => /ReferatPage|MinutesEditor|liveSession|importCopy|fileImportWorker/.test(s))).toEqual([]);

    await app.createReferat();
    expect(scripts.some((s) => s.includes('ReferatPage'))).toBe(true);
    expect(scripts.some((s) => s.includes('MinutesEditor'))).toBe(true);
    expect(scripts.filter((s) => /liveSession/.test(s))).toEqual([]);
    // The PDF generator and pdf-lib load only on "Hent som PDF" (print.test.ts), not with the referat page.
    expect(scripts.filter((s) => /referatPdf/.test(s))).toEqual([]);
    await app.invite();
    await expect.poll(() => scripts.some((s) => s.includes('liveSession'))).toBe(true);
  });
});
