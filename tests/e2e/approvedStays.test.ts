// Approved minutes stay approved: "Næste møde" and a tick on Opfølgning leave the earlier referat approved (they are
// kept outside its signed content); an approved referat is locked until a deliberate, recorded "Genåbn referatet".
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockModel } from './pages/LockModel';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

const TITLE = 'Styregruppemøde 12';
const ITEM = 'Opdatér driftsvejledningen';

describe('approved minutes stay approved', () => {
  const fx = useBrowserFixture();
  let device: BrowserContext | null = null;
  let app: ReferatApp;
  let lock: LockModel;
  let firstId = '';
  afterAll(() => device?.close());

  beforeAll(async () => {
    device = await fx.browser.newContext();
    app = await ReferatApp.open(device, fx.server.url);
    lock = new LockModel(app);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    firstId = await app.createReferat();
    await app.titleField.fill(TITLE);
    await app.editor.getByText('Godkendelse af dagsorden', { exact: true }).click();
    await app.page.keyboard.press('End');
    await app.page.getByRole('toolbar').getByRole('button', { name: 'Handlingspunkt' }).click();
    await app.page.keyboard.type(ITEM);
    await app.waitUntilSaved();
  });

  it('"Næste møde" and a tick on Opfølgning leave the earlier referat "Godkendt"', async () => {
    await expect.poll(() => lock.statusBadge()).toBe('Kladde');
    await app.approve();
    await expect.poll(() => lock.statusBadge()).toBe('Godkendt');

    await app.page.getByRole('button', { name: 'Næste møde' }).click();
    await app.page.waitForURL((url) => !url.pathname.endsWith(firstId));
    await app.editor.getByText(ITEM).waitFor();
    await expect.poll(() => lock.statusBadge()).toBe('Kladde');

    await app.goto(`/r/${firstId}`);
    await app.titleField.waitFor();
    await expect.poll(() => lock.statusBadge()).toBe('Godkendt');
    expect(await app.page.getByText(`Møderække: ${TITLE}`).count()).toBe(1);

    await app.nav('Bibliotek');
    await app.navTo('Opfølgning');
    await lock.tickOnFollowUp(firstId, ITEM);

    await app.goto(`/r/${firstId}`);
    await app.editor.waitFor();
    await expect.poll(() => lock.statusBadge()).toBe('Godkendt');
    // The item reads as done in its own referat too, though its signed text was not touched.
    const item = app.editor.getByRole('group', { name: 'Handlingspunkt' }).filter({ hasText: ITEM });
    await expect.poll(() => item.getByRole('checkbox', { name: 'Udført' }).isChecked()).toBe(true);
    expect(await app.approvalStatus()).toMatch(/^Status: Godkendt\./);
  });

  it('an approved referat is locked; "Genåbn referatet" asks, records who reopened it, and makes it editable', async () => {
    await app.goto(`/r/${firstId}`);
    await app.editor.waitFor();
    await expect.poll(() => lock.statusBadge()).toBe('Godkendt');
    await lock.lockNotice.waitFor();
    await expect.poll(() => app.editor.getAttribute('contenteditable')).toBe('false');
    expect(await app.titleField.isEditable()).toBe(false);
    expect(await app.page.getByRole('button', { name: 'Tilføj deltager' }).count()).toBe(0);

    const said = await lock.reopen();
    expect(said).toContain('godkendelser, der er givet, til en tidligere version');
    expect(said).toContain('med dit navn, Mette Holm (Aarhus Kommune)');
    await expect.poll(() => lock.statusBadge()).toBe('Til godkendelse — Aarhus Kommune: godkendte en tidligere version');
    await expect.poll(() => app.editor.getAttribute('contenteditable')).toBe('true');
    expect(await lock.lockNotice.count()).toBe(0);
    await expect.poll(() => lock.reopenings()).toEqual([expect.stringMatching(/^Genåbnet .+ af Mette Holm, Aarhus Kommune/)]);

    await app.typeAfter('Godkendelse af dagsorden', ' – rettet');
    await app.waitUntilSaved();
    expect(await app.editorText()).toContain('Godkendelse af dagsorden – rettet');

    // Approved again after the change: locked again, and the reopening does not void the new approval.
    await app.approve();
    await expect.poll(() => lock.statusBadge()).toBe('Godkendt');
    await expect.poll(() => app.editor.getAttribute('contenteditable')).toBe('false');
  });
});
