// Clear messages instead of blank pages or lost words: unknown referat, no IndexedDB, and failing writes.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

describe('errors', () => {
  const fx = useBrowserFixture();

  it('shows "not found" with a way back for an unknown or malformed referat URL, and an unknown page', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    for (const path of ['/r/00000000-0000-4000-8000-000000000000', '/r/%E0%A4%A', '/r/<script>']) {
      await app.goto(path);
      await app.page.getByRole('heading', { name: 'Referatet findes ikke' }).waitFor();
    }
    await app.page.getByRole('link', { name: 'Tilbage til biblioteket' }).click();
    await app.page.getByRole('heading', { name: 'Bibliotek', level: 1 }).waitFor();
    const dbs = await app.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    expect(dbs.filter((n) => n.startsWith('referat-doc-'))).toEqual([]);
    await app.goto('/no/such/page');
    await app.page.getByRole('heading', { name: 'Siden findes ikke' }).waitFor();
  });

  it('explains when IndexedDB is missing', async () => {
    const context = await fx.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('Access denied', 'SecurityError'); } });
    });
    const app = await ReferatApp.open(context, fx.server.url);
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Referat kan ikke gemme på denne enhed');
    expect(await app.page.getByText('indexedDB is not available').count()).toBe(1);
  });

  it('explains when opening IndexedDB fails, in English with ?lang=en', async () => {
    const context = await fx.newContext();
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function open() {
        throw new DOMException('The operation failed for reasons unrelated to the database itself', 'UnknownError');
      };
    });
    const app = await ReferatApp.open(context, fx.server.url, '/?lang=en');
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Referat cannot store data on this device');
    expect(await app.page.getByText(/UnknownError/).count()).toBe(1);
  });

  it('warns when a write fails, keeps the text, offers a copy to save, and saves on retry', async () => {
    const context = await fx.newContext({ acceptDownloads: true });
    await context.addInitScript(() => {
      const w = window as unknown as { __failWrites?: boolean };
      const original = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function transaction(this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        if (w.__failWrites && args[1] === 'readwrite' && this.name.startsWith('referat-doc-')) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      } as IDBDatabase['transaction'];
    });
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    await app.waitUntilSaved();
    await app.page.evaluate(() => { (window as unknown as { __failWrites: boolean }).__failWrites = true; });
    await app.typeAfter('Beslutninger', ': kontrakten forlænges til 2028');

    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('der er ikke mere plads');
    expect(await app.editorText()).toContain('Beslutninger: kontrakten forlænges til 2028');

    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Gem en kopi' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Nyt referat.html');
    const saved = await readFile(await download.path(), 'utf8');
    expect(saved).toContain('Beslutninger: kontrakten forlænges til 2028');
    expect(saved).toContain('Mette Holm');
    expect(saved).not.toContain('<script');

    await app.page.evaluate(() => { (window as unknown as { __failWrites: boolean }).__failWrites = false; });
    await alert.getByRole('button', { name: 'Prøv igen' }).click();
    await app.waitUntilSaved();
    await app.page.reload();
    await expect.poll(() => app.editorText()).toContain('Beslutninger: kontrakten forlænges til 2028');
  });
});
