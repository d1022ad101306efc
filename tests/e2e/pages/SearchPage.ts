// Page model of the search page ("Søg i referater"): the query, the results, their summary and marked words.
import type { Locator, Page } from 'playwright-core';
import type { AppShell } from './AppShell';

export class SearchPage {
  readonly page: Page;
  private readonly shell: AppShell;

  constructor(page: Page, shell: AppShell) {
    this.page = page;
    this.shell = shell;
  }

  /** The search field. */
  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Søg i referater' });
  }

  /** Opens the search page from the navigation if needed, types a query, and waits until its results are shown. */
  async search(query: string): Promise<void> {
    if (!(await this.searchBox.isVisible())) await this.shell.navTo('Søg');
    await this.searchBox.fill(query);
    // The page writes the query it shows results for into the address, after the typing pause.
    await this.page.waitForFunction((q) => new URLSearchParams(window.location.search).get('q') === q, query === '' ? null : query);
    await this.page.locator('.search-summary').filter({ hasNotText: /^Bygger søgeindekset/ }).waitFor();
  }

  /** The titles of the results, in order. */
  resultTitles(): Promise<string[]> {
    return this.page.locator('ol.search-results h2').allInnerTexts();
  }

  /** The live region that says how many referater the search found. */
  summary(): Promise<string> {
    return this.page.locator('.search-summary').innerText();
  }

  /** The marked (highlighted) words of the results. */
  marks(): Promise<string[]> {
    return this.page.locator('ol.search-results mark').allInnerTexts();
  }
}
