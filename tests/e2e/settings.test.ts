// Settings: change the profile, see storage use and whether persistent storage was granted.
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

describe('settings', () => {
  const fx = useBrowserFixture();

  it('validates the first profile, then lets it be changed in settings', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.page.getByRole('button', { name: 'Gem', exact: true }).click();
    expect(await app.page.getByText('Skriv dit navn.').count()).toBe(1);
    expect(await app.page.getByText('Skriv din organisation.').count()).toBe(1);
    await app.setUpProfile({ name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' });
    await app.nav('Indstillinger');
    const name = app.page.getByLabel('Navn', { exact: true });
    expect(await name.inputValue()).toBe('Bo Lund');
    expect(await app.page.getByRole('radio', { name: 'Leverandør' }).isChecked()).toBe(true);
    await name.fill('Bo H. Lund');
    await app.page.getByRole('button', { name: 'Gem', exact: true }).click();
    await app.page.getByText('Profilen er gemt.').waitFor();
    await app.page.reload();
    expect(await app.page.getByLabel('Navn', { exact: true }).inputValue()).toBe('Bo H. Lund');
  });

  it('shows storage used and available, and the persistent-storage answer', async () => {
    const context = await fx.newContext();
    const app = await ReferatApp.open(context, fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.nav('Indstillinger');
    // The signing key's fingerprint, in groups that can be read aloud, stays the same across reloads.
    const fingerprint = app.page.getByTestId('key-fingerprint');
    await fingerprint.waitFor();
    const fp = await fingerprint.innerText();
    expect(fp).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    await app.page.reload();
    expect(await app.page.getByTestId('key-fingerprint').innerText()).toBe(fp);
    const usage = app.page.getByTestId('storage-usage');
    await usage.waitFor();
    expect(await usage.innerText()).toMatch(/^Brugt: [\d,]+ (B|kB|MB) af [\d,]+ (MB|GB|TB) tilgængelig$/);
    const persisted = await app.page.getByTestId('storage-persisted').innerText();
    const granted = await app.page.evaluate(() => navigator.storage.persisted());
    // The answer, and what it means (plainWords.test.ts asks for persistent storage and reads the browser's answer).
    expect(persisted).toMatch(granted
      ? /^Vedvarende lagring: givet\. Browseren har lovet ikke at slette referaterne\./
      : /^Vedvarende lagring: ikke givet\. Browseren har ikke lovet at beholde referaterne\. .*kan den slette alt/);
  });
});
