// Page model of the Aktindsigt page: choosing referater by filters and building the package.
import type { Page } from 'playwright-core';
import type { AppShell } from './AppShell';
import { downloadedFile, type DownloadedFile } from './downloadedFile';

export interface AktindsigtFilter {
  party?: string;
  from?: string;
  to?: string;
  text?: string;
  status?: string;
  fullHistory?: boolean;
}

export class AktindsigtPage {
  readonly page: Page;
  private readonly shell: AppShell;

  constructor(page: Page, shell: AppShell) {
    this.page = page;
    this.shell = shell;
  }

  /** Builds an aktindsigt package with these filters; returns the downloaded ZIP and the count the page showed. */
  async buildPackage(filter: AktindsigtFilter = {}): Promise<DownloadedFile & { count: string }> {
    await this.shell.navTo('Aktindsigt');
    await this.page.getByRole('heading', { name: 'Aktindsigt', level: 1 }).waitFor();
    await this.page.getByLabel('Part eller organisation').fill(filter.party ?? '');
    await this.page.getByLabel('Fra dato').fill(filter.from ?? '');
    await this.page.getByLabel('Til dato').fill(filter.to ?? '');
    await this.page.getByRole('searchbox', { name: 'Tekst' }).fill(filter.text ?? '');
    await this.page.getByLabel('Status').selectOption({ label: filter.status ?? 'Alle' });
    await this.page.getByRole('radio', { name: filter.fullHistory ? 'Med hele historikken, også slettet tekst' : 'Kun den aktuelle tekst' }).check();
    const build = this.page.getByRole('button', { name: 'Byg aktindsigtspakke' });
    await this.page.waitForFunction(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Byg aktindsigtspakke');
      return b !== undefined && !b.disabled;
    });
    const count = await this.page.getByTestId('package-count').innerText();
    const file = await downloadedFile(this.page, () => build.click());
    await this.page.getByTestId('package-status').filter({ hasText: 'Pakken er bygget' }).waitFor();
    return { ...file, count };
  }
}
