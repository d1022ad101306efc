// Nothing typed is lost (issue 14, finding 4): with the referat's writes failing, leaving the referat or the page asks
// first and offers a copy; changes left behind anyway are kept in the browser and written when the referat is opened.
import { readFile } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

/** Every read-write transaction on a referat's own database throws QuotaExceededError while `__failWrites` is set. */
async function failingWrites(context: BrowserContext): Promise<void> {
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
}

const setFailing = (app: ReferatApp, on: boolean) =>
  app.page.evaluate((v) => { (window as unknown as { __failWrites: boolean }).__failWrites = v; }, on);

describe('nothing typed is lost', () => {
  const fx = useBrowserFixture();

  it('asks before leaving a referat whose write failed (link, back button, closing the page), offers a copy, and stores the text once writes work', async () => {
    const context = await fx.newContext({ acceptDownloads: true });
    await failingWrites(context);
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    await app.waitUntilSaved();
    const referatUrl = app.page.url();
    await setFailing(app, true);
    await app.typeAfter('Beslutninger', ': kontrakten forlænges til 2028');
    await app.page.getByRole('alert').waitFor();

    // The link back to the library asks first.
    await app.page.getByRole('link', { name: 'Tilbage til biblioteket' }).click();
    const dialog = app.page.getByRole('alertdialog', { name: 'De seneste ændringer er ikke gemt' });
    await dialog.waitFor();
    expect(app.page.url()).toBe(referatUrl);
    const [download] = await Promise.all([app.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Gem en kopi' }).click()]);
    expect(await readFile(await download.path(), 'utf8')).toContain('Beslutninger: kontrakten forlænges til 2028');
    await dialog.getByRole('button', { name: 'Bliv i referatet' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.page.url()).toBe(referatUrl);

    // So does the browser's back button: the address returns to the referat while it asks.
    await app.page.goBack({ waitUntil: 'commit' });
    await dialog.waitFor();
    await expect.poll(() => app.page.url()).toBe(referatUrl);
    await dialog.getByRole('button', { name: 'Bliv i referatet' }).click();
    expect(await app.editorText()).toContain('Beslutninger: kontrakten forlænges til 2028');

    // Closing or reloading the page asks through beforeunload; dismissing it keeps the page.
    const asked = new Promise<string>((resolve) => {
      app.page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      });
    });
    await app.page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(app.page.isClosed()).toBe(false);

    // Writes work again: the store retries by itself, and the text is on disk.
    await setFailing(app, false);
    await app.waitUntilSaved();
    await app.page.reload();
    await expect.poll(() => app.editorText()).toContain('Beslutninger: kontrakten forlænges til 2028');
  });

  it('keeps the changes in the browser when the user leaves anyway, and writes them when the referat is opened again', async () => {
    const context = await fx.newContext();
    await failingWrites(context);
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.waitUntilSaved();
    await setFailing(app, true);
    await app.typeAfter('Beslutninger', ': budgettet godkendes');
    await app.page.getByRole('alert').waitFor();

    await app.page.getByRole('link', { name: 'Tilbage til biblioteket' }).click();
    await app.page.getByRole('alertdialog').getByRole('button', { name: 'Gå alligevel' }).click();
    await app.page.getByRole('heading', { name: 'Bibliotek', level: 1 }).waitFor();
    const kept = () => app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('referat-unsaved:')).length);
    expect(await kept()).toBeGreaterThan(0);

    // A new page (writes work again): opening the referat brings the changes back and writes them.
    await app.page.reload();
    await app.goto(`/r/${id}`);
    await expect.poll(() => app.editorText()).toContain('Beslutninger: budgettet godkendes');
    await app.waitUntilSaved();
    await expect.poll(kept).toBe(0);
    await app.page.reload();
    await expect.poll(() => app.editorText()).toContain('Beslutninger: budgettet godkendes');
  });
  it('tells an old tab to reload when another tab upgrades the databases, without waiting on it or losing what it typed', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.typeAfter('Beslutninger', ': aftalt');
    await app.waitUntilSaved();
    const other = await context.newPage();
    await other.goto(app.url('/no/such/page'));
    /** What a newer version in the other tab does: open a database at a higher version ('blocked' would be a deadlock). */
    const upgrade = (name: string, version: number) =>
      other.evaluate(
        ([n, v]) =>
          new Promise<string>((resolve) => {
            const req = indexedDB.open(n as string, v as number);
            req.onblocked = () => resolve('blocked');
            req.onsuccess = () => {
              req.result.close();
              resolve('opened');
            };
            req.onerror = () => resolve(`error ${req.error?.name ?? ''}`);
          }),
        [name, version],
      );

    expect(await upgrade(`referat-doc-${id}`, 2)).toBe('opened');
    const alert = app.page.getByRole('alert');
    await alert.getByText('Referat er opdateret i en anden fane').waitFor();
    // Typed after the connection closed: kept in the browser, and there after the reload the message asks for.
    await app.typeAfter('Beslutninger: aftalt', ' og underskrevet');
    app.page.once('dialog', (d) => void d.accept());
    await app.page.reload();
    await expect.poll(() => app.editorText()).toContain('Beslutninger: aftalt og underskrevet');
    await app.waitUntilSaved();

    expect(await upgrade('referat-library', 1000)).toBe('opened');
    await app.page.getByRole('alert').getByRole('button', { name: 'Genindlæs siden' }).waitFor();
  });
});
