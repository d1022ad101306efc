// Meeting series: a template chosen at creation, "Næste møde" carrying open action items forward linked to
// their origin, and ticking one off in the new referat closing it at the origin too. What else "Næste møde" copies
// (participants, place, times, the written date, the next title) is in participantRows.test.ts.
import { describe, expect, it } from 'vitest';
import { formatDanishDate } from '../../src/core/danishDate';
import { todayIsoDate } from '../../src/ui/todayIsoDate';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

describe('meeting series', () => {
  const fx = useBrowserFixture();

  it('starts from the chosen template, carries open items to the next meeting, and closes them at their origin', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.page.getByLabel('Skabelon').selectOption({ label: 'Driftsmøde med leverandør' });
    await app.page.getByRole('button', { name: 'Nyt referat' }).click();
    await app.page.waitForURL(/\/r\/[0-9a-f-]{36}/);
    const firstId = app.referatId();
    await app.editor.getByText('Hændelser og fejl', { exact: true }).waitFor();
    await app.titleField.fill('Driftsmøde Systemhuset');

    const addItem = async (agenda: string, text: string, done: boolean) => {
      await app.minutes.caretAtEndOf(agenda);
      await app.page.getByRole('toolbar').getByRole('button', { name: 'Handlingspunkt' }).click();
      await app.page.keyboard.type(text);
      const item = app.editor.getByRole('group', { name: 'Handlingspunkt' }).filter({ hasText: text });
      await item.getByLabel('Ansvarlig').fill('Bo Lund');
      if (done) await item.getByRole('checkbox', { name: 'Udført' }).check();
    };
    await addItem('Hændelser og fejl', 'Analysere nedbrud 3. marts', false);
    await addItem('Ændringer og kommende releases', 'Teste release 4.2', true);
    await app.waitUntilSaved();

    await app.page.getByRole('button', { name: 'Næste møde' }).click();
    await app.page.waitForURL((url) => !url.pathname.endsWith(firstId));
    const secondId = app.referatId();
    expect(secondId).not.toBe(firstId);
    await app.editor.getByText('Hændelser og fejl', { exact: true }).waitFor();
    // No number or date in the title and none written under "Næste møde": the same title with today's date.
    const nextTitle = `Driftsmøde Systemhuset ${formatDanishDate(todayIsoDate())}`;
    expect(await app.titleField.inputValue()).toBe(nextTitle);
    expect(await app.page.getByText('Møderække: Driftsmøde Systemhuset').count()).toBe(1);

    // Only the open item came along, under "Opfølgning fra sidste møde", with its owner and a link to its origin.
    const carried = app.editor.getByRole('group', { name: 'Handlingspunkt' });
    await expect.poll(() => carried.count()).toBe(1);
    expect(await carried.innerText()).toContain('Analysere nedbrud 3. marts');
    expect(await carried.getByLabel('Ansvarlig').inputValue()).toBe('Bo Lund');
    const origin = carried.getByRole('link', { name: 'Fra tidligere møde' });
    expect(await origin.getAttribute('href')).toContain(`/r/${firstId}`);
    const followUpSection = app.editor.locator('section.agenda-item', { hasText: 'Opfølgning fra sidste møde' });
    expect(await followUpSection.getByRole('group', { name: 'Handlingspunkt' }).count()).toBe(1);

    // Ticked off in the new meeting: the origin referat has it done too.
    await carried.getByRole('checkbox', { name: 'Udført' }).check();
    await app.waitUntilSaved();
    await app.page.getByRole('link', { name: 'Forrige møde' }).click();
    await app.page.waitForURL(`**/r/${firstId}`);
    const originItem = app.editor.getByRole('group', { name: 'Handlingspunkt' }).filter({ hasText: 'Analysere nedbrud 3. marts' });
    await expect.poll(() => originItem.getByRole('checkbox', { name: 'Udført' }).isChecked()).toBe(true);
    expect(await app.page.getByRole('link', { name: 'Forrige møde' }).count()).toBe(0);
    await app.nav('Bibliotek');
    await expect.poll(async () => (await app.libraryTitles()).toSorted()).toEqual(['Driftsmøde Systemhuset', nextTitle]);
  });
});
