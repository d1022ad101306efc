// Page model of the live panel on a referat's page: inviting, the session's status, who is in the room, and the
// notices of other meetings of the series that other devices announce.
import type { Locator, Page } from 'playwright-core';

export class LivePanel {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Starts a live session on the open referat and returns the invitation link. */
  async invite(): Promise<string> {
    await this.page.getByRole('button', { name: 'Invitér' }).click();
    const link = this.page.getByLabel('Invitationslink');
    await link.waitFor();
    return link.inputValue();
  }

  status(): Promise<string> {
    return this.page.locator('.live-status').innerText();
  }

  /** Who is in the live room, as "name (organisation)", whatever the live panel says about their key. */
  async presentNames(): Promise<string[]> {
    return this.page.locator('ul.presence li').evaluateAll((items) => items.map((li) => `${(li as HTMLElement).dataset.name} (${(li as HTMLElement).dataset.organisation})`));
  }

  /** The notices of other meetings of the series, as the page says them. */
  get seriesNotices(): Locator {
    return this.page.getByTestId('series-notice');
  }

  async seriesNoticeTexts(): Promise<string[]> {
    return (await this.seriesNotices.locator('p').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Follows a notice's button to the invitation question for that meeting (nothing is stored by this). */
  async openSeriesNotice(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Åbn invitationen til »${title}«` }).click();
    await this.page.waitForURL('**/join');
  }
}
