// Trash and restore; deleting for good only from the trash, after a confirmation.
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

describe('trash', () => {
  const fx = useBrowserFixture();

  it('moves a referat to the trash, restores it, and deletes it for good after confirming', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const id = await app.createReferat();
    await app.titleField.fill('Skal i papirkurven');
    await app.waitUntilSaved();
    await app.page.getByRole('button', { name: 'Flyt til papirkurv' }).click();
    await app.page.getByText('Referatet er flyttet til papirkurven.').waitFor();

    await app.nav('Bibliotek');
    await app.page.getByText('Der er ingen referater på denne enhed endnu').waitFor();
    await app.nav('Papirkurv');
    await app.page.getByRole('listitem', { name: /^Skal i papirkurven/ }).getByRole('button', { name: 'Gendan', exact: true }).click();
    await app.page.getByText('Papirkurven er tom.').waitFor();
    await app.nav('Bibliotek');
    await expect.poll(() => app.libraryTitles()).toEqual(['Skal i papirkurven']);

    // Into the trash again, then cancel a permanent delete: nothing changes.
    await app.page.getByRole('link', { name: 'Skal i papirkurven' }).click();
    await app.page.getByRole('button', { name: 'Flyt til papirkurv' }).click();
    await app.nav('Papirkurv');
    await app.page.getByRole('listitem', { name: /^Skal i papirkurven/ }).getByRole('button', { name: 'Slet for altid', exact: true }).click();
    const dialog = app.page.getByRole('alertdialog', { name: 'Slet for altid?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('»Skal i papirkurven« slettes fra denne enhed');
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await dialog.waitFor({ state: 'detached' });
    await app.page.getByRole('listitem', { name: /^Skal i papirkurven/ }).getByRole('button', { name: 'Gendan', exact: true }).waitFor();

    await app.page.getByRole('listitem', { name: /^Skal i papirkurven/ }).getByRole('button', { name: 'Slet for altid', exact: true }).click();
    await dialog.getByRole('button', { name: 'Slet for altid' }).click();
    await app.page.getByText('Papirkurven er tom.').waitFor();
    const dbs = await app.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(dbs).not.toContain(`referat-doc-${id}`);
    await app.goto(`/r/${id}`);
    await app.page.getByRole('heading', { name: 'Referatet findes ikke' }).waitFor();
  });
});
