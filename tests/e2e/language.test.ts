// The interface language: Danish by default, English in settings, and ?lang= forcing either on any URL.
import { describe, expect, it } from 'vitest';
import { EN, ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

describe('language', () => {
  const fx = useBrowserFixture();

  it('switches the whole interface and its date format between Danish and English', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    expect(await app.page.getAttribute('html', 'lang')).toBe('da');
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.createReferat();
    await app.page.getByLabel('Dato', { exact: true }).fill('2026-03-12');
    await app.nav('Bibliotek');
    await expect.poll(() => app.page.locator('table.library tbody tr').first().innerText()).toContain('12. marts 2026');

    await app.nav('Indstillinger');
    await app.page.getByLabel('Brugerfladens sprog').selectOption('en');
    await app.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await app.page.getAttribute('html', 'lang')).toBe('en');
    await app.nav('Library');
    await app.page.getByRole('button', { name: EN.newReferat }).waitFor();
    expect(await app.page.locator('table.library tbody tr').first().innerText()).toContain('12 March 2026');
    expect(await app.page.locator('table.library tbody tr').first().innerText()).toContain('Draft');

    // The choice is saved: it survives a reload.
    await app.page.reload();
    await app.page.getByRole('button', { name: EN.newReferat }).waitFor();
    await app.page.getByRole('link', { name: 'Nyt referat' }).click();
    await app.page.getByRole('textbox', { name: EN.editor }).waitFor();
    await app.page.getByLabel(EN.title, { exact: true }).waitFor();

    // ?lang=da forces Danish on any URL, and survives navigation inside the app.
    await app.goto('/settings?lang=da');
    await app.page.getByRole('heading', { name: 'Indstillinger', level: 1 }).waitFor();
    expect(await app.page.getByText('Sproget er valgt i adressen (?lang=).').count()).toBe(1);
    await app.nav('Bibliotek');
    await app.page.getByRole('button', { name: 'Nyt referat' }).waitFor();
    expect(app.page.url()).toContain('lang=da');

    // An unknown ?lang= is ignored: the saved language (English) applies.
    await app.goto('/?lang=fr');
    await app.page.getByRole('button', { name: EN.newReferat }).waitFor();
  });

  it('forces English on first use with ?lang=en, including the profile form', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url, '/?lang=en');
    await app.page.getByRole('heading', { name: 'Welcome to Referat' }).waitFor();
    await app.page.getByLabel(EN.name, { exact: true }).fill('Bo Lund');
    await app.page.getByLabel(EN.organisation, { exact: true }).fill('Systemhuset A/S');
    await app.page.getByRole('radio', { name: 'Vendor' }).check();
    await app.page.getByRole('button', { name: EN.save }).click();
    await app.page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    expect(await app.page.getAttribute('html', 'lang')).toBe('en');
  });
});
