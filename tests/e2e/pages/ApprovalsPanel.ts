// Page model of the approvals panel on a referat's page: approving, the approvals listed and the derived status.
import type { Page } from 'playwright-core';

export class ApprovalsPanel {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Approves the open referat ("Godkend referatet", then the confirmation); returns the hash the dialog showed. */
  async approve(): Promise<string> {
    await this.page.getByRole('button', { name: 'Godkend referatet' }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Godkend referatet?' });
    const hash = (await dialog.getByTestId('approval-confirm-hash').innerText()).replace(/\s+/g, '');
    await dialog.getByRole('button', { name: 'Godkend og underskriv' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Du har godkendt referatet.' }).waitFor();
    return hash;
  }

  /** The approvals listed on the referat page, one line each. */
  async approvals(): Promise<string[]> {
    const items = await this.page.getByRole('list', { name: 'Godkendelser af referatet' }).getByRole('listitem').allInnerTexts();
    return items.map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** The referat's derived status line in the approvals panel, e.g. "Status: Godkendt." */
  status(): Promise<string> {
    return this.page.getByTestId('approval-status').innerText();
  }
}
