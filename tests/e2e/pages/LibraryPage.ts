// Page model of the library: the referater listed and creating a new one.
import type { Page } from 'playwright-core';
import { DA } from './appLabels';
import type { MinutesEditor } from './MinutesEditor';
import type { ReferatPage } from './ReferatPage';

export class LibraryPage {
  readonly page: Page;
  private readonly referat: ReferatPage;
  private readonly minutes: MinutesEditor;

  constructor(page: Page, referat: ReferatPage, minutes: MinutesEditor) {
    this.page = page;
    this.referat = referat;
    this.minutes = minutes;
  }

  /** The titles listed, once the list is read (an empty library gives none). */
  async titles(): Promise<string[]> {
    await this.page.getByRole('heading', { name: /Bibliotek|Library/, level: 1 }).waitFor();
    // The list is read from IndexedDB after the heading: wait for the table or the empty-library text.
    await this.page.locator('table.library, main p.empty').first().waitFor();
    const rows = this.page.locator('table.library tbody th');
    return rows.allInnerTexts();
  }

  /** Creates a referat and waits until its editor is ready; returns its id. */
  async createReferat(): Promise<string> {
    await this.page.getByRole('button', { name: DA.newReferat }).click();
    await this.page.waitForURL(/\/r\/[0-9a-f-]{36}/);
    await this.minutes.textbox.waitFor();
    await this.minutes.textbox.getByText('Godkendelse af dagsorden').waitFor();
    return this.referat.referatId();
  }

  /** Creates a referat and waits for its title field only (not for the editor's content); returns its id. */
  async createReferatQuickly(): Promise<string> {
    await this.page.getByRole('button', { name: DA.newReferat }).click();
    await this.page.waitForURL(/\/r\/[0-9a-f-]{36}/);
    await this.referat.titleField.waitFor();
    return this.referat.referatId();
  }
}
