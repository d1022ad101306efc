// Page model of what every page of the app has: its address and the main navigation.
import type { Locator, Page } from 'playwright-core';

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
    await this.openMenu();
    await this.mainNav.getByRole('link', { name }).click();
  }

  /** Any link of the main navigation, by its name (Danish or English). */
  async navTo(name: string): Promise<void> {
    await this.openMenu();
    await this.mainNav.getByRole('link', { name, exact: true }).click();
  }

  /** The main navigation (other navigation landmarks a page may have are not it). */
  get mainNav(): Locator {
    return this.page.getByRole('navigation', { name: /^(Hovedmenu|Main menu)$/ });
  }

  /** The button that folds the navigation on a narrow screen (hidden on a wide one, where the links show as a bar). */
  get menuButton(): Locator {
    return this.mainNav.getByRole('button', { name: 'Menu', exact: true });
  }

  /** On a narrow screen, opens the navigation's menu if it is closed; on a wide one does nothing. */
  async openMenu(): Promise<void> {
    await this.mainNav.waitFor({ state: 'attached' });
    if (!(await this.menuButton.isVisible())) return;
    if ((await this.menuButton.getAttribute('aria-expanded')) !== 'true') await this.menuButton.click();
  }
}
