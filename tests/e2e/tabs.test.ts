// Two tabs on the same referat show the same text live (BroadcastChannel + the shared IndexedDB copy).
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

describe('two tabs', () => {
  const fx = useBrowserFixture();

  it('converge while both type, in the body, the title and the participants', async () => {
    const context = await fx.newContext();
    const a = await ReferatApp.open(context, fx.server.url);
    await a.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await a.createReferat();
    const b = await ReferatApp.open(context, fx.server.url, `/r/${id}`);
    await expect.poll(() => b.editorText()).toContain('Eventuelt');

    await a.typeAfter('Status', ' (fra A)');
    await expect.poll(() => b.editorText()).toContain('Status (fra A)');
    await b.typeAfter('Eventuelt', ' (fra B)');
    await expect.poll(() => a.editorText()).toContain('Eventuelt (fra B)');

    // Both type at once into different agenda items.
    await Promise.all([a.typeAfter('Beslutninger', ' vedtaget'), b.typeAfter('Næste møde', ' i april')]);
    await expect.poll(async () => [await a.editorText(), await b.editorText()]).toSatisfy(
      ([ta = '', tb]: string[]) => ta === tb && ta.includes('Beslutninger vedtaget') && ta.includes('Næste møde i april'),
    );

    await a.titleField.fill('Fælles titel');
    await expect.poll(() => b.titleField.inputValue()).toBe('Fælles titel');
    await b.page.getByRole('button', { name: 'Tilføj deltager' }).click();
    await b.page.getByLabel('Navn (2)').fill('Bo Lund');
    await expect.poll(() => a.page.getByLabel('Navn (2)').inputValue()).toBe('Bo Lund');

    // A third tab opened afterwards loads everything from disk.
    const c = await ReferatApp.open(context, fx.server.url, `/r/${id}`);
    await expect.poll(() => c.editorText()).toBe(await a.editorText());
    // A tab sends its changes only once another tab has spoken: the newcomer's hello makes A and B send to it.
    await a.typeAfter('Status (fra A)', ' og C');
    await expect.poll(() => c.editorText()).toContain('Status (fra A) og C');
    await c.typeAfter('Eventuelt (fra B)', ' + C');
    await expect.poll(() => b.editorText()).toContain('Eventuelt (fra B) + C');
  });
});
