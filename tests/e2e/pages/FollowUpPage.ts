// Page model of Opfølgning: the action items of every referat, and ticking them off there.
import type { Locator, Page } from 'playwright-core';

export interface FollowUpRow {
  what: string;
  row: string;
}

export class FollowUpPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The action items listed: what, and the rest of the row's text. */
  async rows(): Promise<FollowUpRow[]> {
    const rows = this.page.locator('table.follow-up tbody tr');
    const out: FollowUpRow[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      out.push({ what: await row.locator('th').innerText(), row: (await row.innerText()).replace(/\s+/g, ' ').trim() });
    }
    return out;
  }

  /** Ticks an action item off (or on again) and waits until it is written into its referat. */
  async setDone(what: string, done: boolean): Promise<void> {
    await this.checkbox(what).setChecked(done);
    const said = done ? `»${what}« er markeret som udført i referatet.` : `»${what}« er markeret som ikke udført i referatet.`;
    await this.page.getByRole('status').filter({ hasText: said }).waitFor();
  }

  /** The checkbox that ticks an action item off. */
  checkbox(what: string): Locator {
    return this.page.getByRole('checkbox', { name: `Udført: ${what}` });
  }
}
