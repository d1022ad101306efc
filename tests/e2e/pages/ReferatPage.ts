// Page model of a referat's page around the editor: its address, title field, save status and participants.
import type { Locator, Page } from 'playwright-core';
import { DA } from './appLabels';

export class ReferatPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The id of the referat open in this page, from its address. */
  referatId(): string {
    const m = /\/r\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!m?.[1]) throw new Error(`not on a referat page: ${this.page.url()}`);
    return m[1];
  }

  get titleField(): Locator {
    return this.page.getByLabel(DA.title, { exact: true });
  }

  async waitUntilSaved(): Promise<void> {
    await this.page.getByText('Gemt på enheden').waitFor();
  }

  /** Adds a participant to the open referat and fills in name and organisation. */
  async addParticipant(name: string, organisation: string): Promise<void> {
    const names = this.page.getByRole('textbox', { name: /^Navn \(\d+\)$/ });
    const before = await names.count();
    await this.page.getByRole('button', { name: 'Tilføj deltager' }).click();
    await this.page.getByRole('textbox', { name: `Navn (${before + 1})` }).fill(name);
    await this.page.getByRole('textbox', { name: `Organisation (${name})` }).fill(organisation);
  }
}
