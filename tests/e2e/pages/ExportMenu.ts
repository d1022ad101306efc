// Page model of a referat's export menu ("Eksportér som dokument": HTML, Markdown, Word, PDF, print).
import type { Locator, Page } from 'playwright-core';
import { downloadedFile, type DownloadedFile } from './downloadedFile';

export type DocumentFormat = 'HTML' | 'Markdown' | 'Word (DOCX)';

export class ExportMenu {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get menu(): Locator {
    return this.page.getByRole('group', { name: 'Eksportér som dokument' });
  }

  /** Exports the open referat in `format` and returns the downloaded file. */
  async exportDocument(format: DocumentFormat): Promise<DownloadedFile> {
    return downloadedFile(this.page, () => this.menu.getByRole('button', { name: format, exact: true }).click());
  }

  /** Presses "Hent som PDF" and returns the downloaded PDF. */
  async downloadPdf(): Promise<DownloadedFile> {
    return downloadedFile(this.page, () => this.menu.getByRole('button', { name: 'Hent som PDF', exact: true }).click());
  }
}
