// Page model of aktindsigt case work: the list of matching referater, leaving one out with a reason, and the review
// view where a passage is selected and exempted.
import type { Locator, Page } from 'playwright-core';

export interface CaseItem {
  title: string;
  meta: string;
  state: string;
}

export class CaseWorkModel {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Shows the referater matching this party on the Aktindsigt page, and waits for the list. */
  async search(party: string, count: string): Promise<void> {
    await this.page.getByLabel('Part eller organisation').fill(party);
    await this.page.getByTestId('package-count').filter({ hasText: count }).waitFor();
    await this.page.getByRole('heading', { name: 'Referater i udvælgelsen', level: 2 }).waitFor();
  }

  item(title: string): Locator {
    return this.page.getByTestId('case-item').filter({ has: this.page.getByRole('heading', { name: title, level: 3, exact: true }) });
  }

  async items(): Promise<CaseItem[]> {
    const out: CaseItem[] = [];
    for (const li of await this.page.getByTestId('case-item').all()) {
      out.push({
        title: await li.getByRole('heading', { level: 3 }).innerText(),
        meta: (await li.locator('.case-meta').innerText()).replace(/\s+/g, ' '),
        state: await li.locator('.case-state').innerText(),
      });
    }
    return out;
  }

  async leaveOut(title: string, reason: string, note: string): Promise<void> {
    const item = this.item(title);
    await item.getByRole('button', { name: 'Udelad' }).click();
    await item.getByLabel('Begrundelse', { exact: true }).selectOption({ label: reason });
    await item.getByLabel('Begrundelse med egne ord').fill(note);
    await item.getByRole('button', { name: 'Udelad referatet' }).click();
    await item.locator('.case-state').filter({ hasText: 'Udeladt:' }).waitFor();
  }

  async openReview(title: string): Promise<void> {
    await this.item(title).getByRole('button', { name: 'Gennemgå' }).click();
    await this.page.getByRole('heading', { name: `Gennemgå »${title}«`, level: 2 }).waitFor();
    await this.page.getByTestId('review-text').waitFor();
  }

  /** Selects `quote` in the review text as a mouse drag would, then exempts it with the reason. */
  async exemptSelected(quote: string, reason: string, note = ''): Promise<void> {
    const found = await this.page.getByTestId('review-text').evaluate((root, q) => {
      for (const span of root.querySelectorAll('[data-text-index]')) {
        const node = span.firstChild;
        const at = node?.textContent?.indexOf(q) ?? -1;
        if (!node || at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + q.length);
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return true;
      }
      return false;
    }, quote);
    if (!found) throw new Error(`"${quote}" is not in the review text`);
    await this.page.getByTestId('review-pending').filter({ hasText: `Markeret: »${quote}«` }).waitFor();
    await this.page.getByLabel('Lovhjemmel').selectOption({ label: reason });
    if (note) await this.page.getByLabel('Uddybning (valgfri)').fill(note);
    await this.page.getByRole('button', { name: 'Undtag markeret tekst' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Passagen er undtaget efter' }).waitFor();
  }

  async closeReview(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tilbage til listen' }).click();
    await this.page.getByRole('heading', { name: 'Referater i udvælgelsen', level: 2 }).waitFor();
  }
}
