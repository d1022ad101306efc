// Page model of Settings: the signalling server for editing together, and saving and restoring backups.
// (Settings → Kendte nøgler has its own model, SettingsKeys.)
import type { Page } from 'playwright-core';
import type { AppShell } from './AppShell';
import { downloadedFile, type DownloadedFile } from './downloadedFile';

export class SettingsPage {
  readonly page: Page;
  private readonly shell: AppShell;

  constructor(page: Page, shell: AppShell) {
    this.page = page;
    this.shell = shell;
  }

  /** Points live sessions at a signalling server (Settings → Editing together). */
  async setSignalling(url: string): Promise<void> {
    await this.shell.nav('Indstillinger');
    const field = this.page.getByLabel('Signalserver (én adresse pr. linje)');
    await field.fill(url);
    await this.page.getByRole('button', { name: 'Gem indstillinger for fælles redigering' }).click();
    await this.page.getByText('Gemt.', { exact: true }).waitFor();
  }

  /** Settings → Sikkerhedskopi: saves a backup of the whole library and returns the downloaded ZIP. */
  async saveBackup(): Promise<DownloadedFile> {
    await this.shell.navTo('Indstillinger');
    const file = await downloadedFile(this.page, () => this.page.getByRole('button', { name: 'Gem sikkerhedskopi' }).click());
    await this.page.getByTestId('backup-status').filter({ hasText: 'Sikkerhedskopien er gemt' }).waitFor();
    return file;
  }

  /** Settings → Sikkerhedskopi: restores from a ZIP; returns the summary (or the error) once it is done. */
  async restoreBackup(name: string, bytes: Buffer): Promise<string> {
    await this.shell.navTo('Indstillinger');
    await this.page.getByLabel('Gendan fra sikkerhedskopi').setInputFiles({ name, mimeType: 'application/zip', buffer: bytes });
    const done = this.page.getByTestId('restore-status').filter({ hasText: /^Gendannelsen er færdig/ }).or(this.page.getByRole('alert'));
    await done.first().waitFor({ timeout: 60_000 });
    return done.first().innerText();
  }
}
