// Page model of Settings → Kendte nøgler for browser tests: the own fingerprint, confirming and revoking keys, key lists.
import type { Locator, Page } from 'playwright-core';
import type { ReferatApp } from './ReferatApp';

export interface KeyToConfirm {
  fingerprint: string;
  name: string;
  organisation: string;
  kind?: 'Kommune' | 'Leverandør' | 'Andet';
  how?: 'sammenlignet ved møde' | 'læst op i telefon';
}

export interface KeyRow {
  fingerprint: string;
  state: string;
  text: string;
}

export class SettingsKeys {
  readonly page: Page;

  private constructor(page: Page) {
    this.page = page;
  }

  /** Opens Settings and waits until the panel shows this device's own key. */
  static async open(app: ReferatApp): Promise<SettingsKeys> {
    await app.nav('Indstillinger');
    const keys = new SettingsKeys(app.page);
    await keys.panel.getByRole('heading', { name: 'Kendte nøgler', level: 2 }).waitFor();
    await keys.rows.first().waitFor();
    return keys;
  }

  get panel(): Locator {
    return this.page.getByTestId('known-keys-panel');
  }

  get rows(): Locator {
    return this.page.getByTestId('known-key');
  }

  get confirmForm(): Locator {
    return this.page.getByTestId('confirm-key-form');
  }

  /** This device's fingerprint in groups, as "Din nøgle" shows it. */
  async ownFingerprint(): Promise<string> {
    const fp = this.page.getByTestId('key-fingerprint');
    await fp.waitFor();
    return fp.innerText();
  }

  /** This device's fingerprint as read-aloud numbers. */
  async ownReadAloud(): Promise<string> {
    return this.page.getByTestId('key-fingerprint-read-aloud').innerText();
  }

  /** Fills in "Bekræft en nøgle" and submits it; returns the status or error text the form shows. */
  async confirmKey(k: KeyToConfirm): Promise<string> {
    const form = this.confirmForm;
    await form.getByLabel('Fingeraftryk der skal bekræftes').fill(k.fingerprint);
    await form.getByLabel('Nøgleejerens navn').fill(k.name);
    await form.getByLabel('Nøgleejerens organisation').fill(k.organisation);
    if (k.kind) await form.getByLabel('Organisationens type').selectOption({ label: k.kind });
    if (k.how) await form.getByRole('radio', { name: k.how, exact: true }).check();
    await form.getByRole('button', { name: 'Bekræft nøglen' }).click();
    const outcome = form.getByTestId('confirm-key-status').locator('p').or(form.locator('.field-error'));
    await outcome.first().waitFor();
    return (await outcome.allInnerTexts()).join('\n');
  }

  /** Every key in the list, the own key first. */
  async keyRows(): Promise<KeyRow[]> {
    const out: KeyRow[] = [];
    for (const row of await this.rows.all()) {
      out.push({ fingerprint: (await row.getAttribute('data-fingerprint')) ?? '', state: (await row.getAttribute('data-state')) ?? '', text: await row.innerText() });
    }
    return out;
  }

  /** Waits until the list shows the key with this fingerprint in this state. */
  async waitForKey(fingerprint: string, state: 'confirmed' | 'revoked' | 'outside'): Promise<void> {
    await this.page.locator(`[data-testid="known-key"][data-fingerprint="${fingerprint}"][data-state="${state}"]`).waitFor();
  }

  /** Revokes the key of `name` through its button and the confirmation dialog. */
  async revoke(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Tilbagekald nøglen for ${name}` }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Tilbagekald nøglen?' });
    await dialog.getByRole('button', { name: 'Tilbagekald nøglen', exact: true }).click();
    await this.page.getByTestId('known-keys-status').filter({ hasText: `Nøglen for ${name} er tilbagekaldt.` }).waitFor();
  }

  /** Exports the organisation's key list with the keys of these names ticked; returns the downloaded file. */
  async exportKeyList(names: string[], validity: { from?: string; to?: string } = {}): Promise<{ name: string; bytes: Buffer }> {
    const form = this.page.getByTestId('key-list-export-form');
    for (const name of names) await form.getByRole('checkbox', { name: new RegExp(`^${name} `) }).check();
    if (validity.from) await form.getByLabel(/^Gyldig fra/).fill(validity.from);
    if (validity.to) await form.getByLabel(/^Gyldig til/).fill(validity.to);
    const [d] = await Promise.all([this.page.waitForEvent('download'), form.getByRole('button', { name: 'Eksportér nøgleliste' }).click()]);
    const { readFile } = await import('node:fs/promises');
    return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
  }

  /** Imports a key list through "Importér nøgleliste"; returns what the panel says once it is settled. */
  async importKeyList(name: string, bytes: Buffer): Promise<{ ok: boolean; text: string }> {
    await this.page.getByLabel('Importér nøgleliste').setInputFiles({ name, mimeType: 'application/json', buffer: bytes });
    const ok = this.page.getByTestId('key-list-import-status').locator('p.notice');
    const refused = this.page.getByTestId('key-list-import-error');
    await ok.or(refused).first().waitFor();
    if ((await refused.count()) > 0) return { ok: false, text: await refused.innerText() };
    return { ok: true, text: await this.page.getByTestId('key-list-import-status').innerText() };
  }
}
