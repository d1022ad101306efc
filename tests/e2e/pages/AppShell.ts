// Page model of what every page of the app has: its address and the main navigation.
import type { Page } from 'playwright-core';

export type NavName = 'Bibliotek' | 'Papirkurv' | 'Indstillinger' | 'Library' | 'Trash' | 'Settings';

export class AppShell {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  url(path: string): string {
    return new URL(path, this.baseUrl).toString();
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(this.url(path));
  }

  async nav(name: NavName): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name }).click();
  }

  /** Any link of the main navigation, by its name (Danish or English). */
  async navTo(name: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  }
}
