// Page model of the welcome page at first start, where the user fills in their profile.
import type { Page } from 'playwright-core';
import { DA } from './appLabels';

export interface Profile {
  name: string;
  organisation: string;
  kind?: 'Kommune' | 'Leverandør' | 'Andet';
}

export class WelcomePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Fills in the profile on the welcome page and waits for the library. */
  async setUpProfile(p: Profile): Promise<void> {
    await this.page.getByRole('heading', { name: 'Velkommen til Referat' }).waitFor();
    await this.page.getByLabel(DA.name, { exact: true }).fill(p.name);
    await this.page.getByLabel(DA.organisation, { exact: true }).fill(p.organisation);
    await this.page.getByRole('radio', { name: p.kind ?? 'Kommune' }).check();
    await this.page.getByRole('button', { name: DA.save, exact: true }).click();
    await this.page.getByRole('heading', { name: 'Bibliotek', level: 1 }).waitFor();
  }
}
