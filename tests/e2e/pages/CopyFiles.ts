// Page model of `.referat` copy files: saving one with a button, and importing one through a file input
// (confirming its signer when the import asks).
import type { Page } from 'playwright-core';
import { downloadedFile, type DownloadedFile } from './downloadedFile';

export class CopyFiles {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Clicks a button that saves a `.referat` copy and returns the downloaded file. */
  async download(button = 'Eksportér kopi'): Promise<DownloadedFile> {
    return downloadedFile(this.page, () => this.page.getByRole('button', { name: button, exact: true }).click());
  }

  /** Imports a `.referat` file through the file input `label`, confirms its signer if asked, and returns the result line. */
  async import(label: string, file: DownloadedFile): Promise<string> {
    const results = this.page.getByTestId('import-result');
    const before = await results.count();
    await this.page.getByLabel(label).setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
    // The newest result comes first; it is settled when it is neither being read nor waiting for the signer decision.
    const settled = (acceptSigner: boolean) =>
      this.page.waitForFunction(
        ({ n, accept }) => {
          const all = document.querySelectorAll('[data-testid="import-result"]');
          const text = all[0]?.textContent ?? '';
          return all.length > n && !text.includes('Læser ') && (accept || !text.includes('Importér alligevel'));
        },
        { n: before, accept: acceptSigner },
      );
    await settled(true);
    const trust = results.first().getByRole('button', { name: 'Importér alligevel' });
    if ((await trust.count()) > 0) {
      await trust.click();
      await settled(false);
    }
    return results.first().innerText();
  }
}
