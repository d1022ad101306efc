// Page model for the lock of an approved referat: the status badge by the title, "Genåbn referatet", and ticking
// an item of one given referat on Opfølgning.
import type { Locator } from 'playwright-core';
import type { ReferatApp } from './ReferatApp';

export class LockModel {
  readonly app: ReferatApp;

  constructor(app: ReferatApp) {
    this.app = app;
  }

  /** The status next to the title, as read, e.g. "Godkendt" or "Til godkendelse — Aarhus Kommune: mangler". */
  async statusBadge(): Promise<string> {
    const text = await this.app.page.getByTestId('status-badge').innerText();
    return text.replace(/\s+/g, ' ').replace(/^Status for referatet: /, '').trim();
  }

  /** The note that the referat is locked, shown while it is approved. */
  get lockNotice(): Locator {
    return this.app.page.getByTestId('lock-notice');
  }

  /** "Genåbn referatet", then "Genåbn" in the confirmation; waits for the confirmation that it is reopened. Returns the dialog's text. */
  async reopen(): Promise<string> {
    const { page } = this.app;
    await page.getByRole('button', { name: 'Genåbn referatet' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Genåbn referatet?' });
    const said = (await dialog.innerText()).replace(/\s+/g, ' ');
    await dialog.getByRole('button', { name: 'Genåbn', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Referatet er genåbnet og kan rettes.' }).waitFor();
    return said;
  }

  /** The reopenings listed on the page, one line each. */
  async reopenings(): Promise<string[]> {
    const items = await this.app.page.getByTestId('reopening').allInnerTexts();
    return items.map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** On Opfølgning: ticks `what` off in the referat `docId` only, and waits until it is written there. */
  async tickOnFollowUp(docId: string, what: string): Promise<void> {
    const { page } = this.app;
    const row = page.locator('table.follow-up tbody tr').filter({ has: page.locator(`th a[href^="/r/${docId}"]`) }).filter({ hasText: what });
    await row.getByRole('checkbox', { name: `Udført: ${what}` }).check();
    await page.getByRole('status').filter({ hasText: `»${what}« er markeret som udført i referatet.` }).waitFor();
  }
}
