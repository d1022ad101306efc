// Page model of the live panel on a referat's page: inviting, the session's status and who is in the room.
import type { Page } from 'playwright-core';

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
}
