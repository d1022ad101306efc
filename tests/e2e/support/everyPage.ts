// Every page of the app with something on it: builds a small library through the UI (a referat with text, ten agenda
// items and an action item, another in the trash) and lists the pages to visit, each with what to wait for.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { ReferatApp } from '../pages/ReferatApp';

export interface AppPageVisit {
  /** A short name for messages and screenshot files. */
  name: string;
  /** The address to open (the join link carries its invitation in the fragment). */
  path: string;
  /** Waits until the page shows what it is visited for. */
  ready(page: Page): Promise<void>;
}

const token = (bytes: number) => randomBytes(bytes).toString('base64url');
const EXTRA_ITEMS = ['Økonomi og budget', 'Kontraktforlængelse med Systemhuset A/S', 'Driftsstatus for fagsystemet', 'Tidsplan for opgradering'];

/** Sets up the profile and the library, and returns the pages to visit. Leaves the browser on the library. */
export async function buildEveryPage(app: ReferatApp): Promise<AppPageVisit[]> {
  const page = app.page;
  await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });

  // In the trash: a referat with a long title (its buttons name it).
  await app.createReferatQuickly();
  await app.titleField.fill('Driftsmøde om certifikatfornyelsen med Systemhuset A/S – januar 2027');
  await app.waitUntilSaved();
  await page.getByRole('button', { name: /papirkurv|trash/i }).first().click();
  await page.getByText(/flyttet til papirkurven|moved to the trash/i).first().waitFor();

  // The referat: text, an action item, ten agenda items, and a participant from the other party.
  await app.goto('/');
  const docId = await app.createReferat();
  await app.titleField.fill('Styregruppemøde 12 om fagsystemet');
  await app.minutes.caretAtEndOf('Status');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('Systemhuset A/S har leveret version 4.2 til test. Kommunen tester frem til den 15. marts.');
  await page.keyboard.press('Control+Alt+h');
  await page.keyboard.type('Send logfiler fra testmiljøet');
  await page.getByRole('group', { name: 'Handlingspunkt' }).getByLabel('Frist').fill('2027-03-15');
  await app.minutes.caretAtEndOf('Eventuelt');
  for (const title of EXTRA_ITEMS) {
    await page.keyboard.press('Control+Alt+a');
    await page.keyboard.type(title);
  }
  await app.addParticipant('Jens Bach', 'Systemhuset A/S');
  await app.waitUntilSaved();
  await app.goto('/');
  await page.locator('table.library tbody tr').first().waitFor();

  const main = (p: Page) => p.locator('main#main').first().waitFor();
  return [
    { name: 'library', path: '/', ready: (p) => p.locator('table.library tbody tr').first().waitFor() },
    {
      name: 'referat',
      path: `/r/${docId}`,
      ready: async (p) => {
        await p.locator('.minutes-text .agenda-item').nth(9).waitFor();
        await p.locator('.minutes-text').getByText('Send logfiler fra testmiljøet').waitFor();
      },
    },
    { name: 'search', path: '/search?q=Systemhuset', ready: (p) => p.locator('ol.search-results li').first().waitFor() },
    { name: 'followUp', path: '/opfoelgning', ready: (p) => p.locator('table.follow-up tbody tr').first().waitFor() },
    { name: 'aktindsigt', path: '/aktindsigt', ready: async (p) => { await main(p); await p.locator('main h1').waitFor(); } },
    { name: 'settings', path: '/settings', ready: (p) => p.getByTestId('known-keys').waitFor() },
    { name: 'trash', path: '/trash', ready: (p) => p.locator('.trash-list li').first().waitFor() },
    {
      name: 'join',
      path: `/join#doc=${docId}&room=${token(16)}&key=${token(32)}`,
      ready: (p) => p.locator('main#main').getByRole('button').first().waitFor(),
    },
    { name: 'notFound', path: '/no-such-page', ready: async (p) => { await main(p); await p.locator('main h1').waitFor(); } },
  ];
}
