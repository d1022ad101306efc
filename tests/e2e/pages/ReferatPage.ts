// Page model of a referat's page around the editor: its address, title field, save status, participants and the
// side panel's tabs (Alle, Deltagere, Deling, Kopier, Godkendelser, Eksport, Historik).
import type { Locator, Page } from 'playwright-core';
import { DA } from './appLabels';

export class ReferatPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The id of the referat open in this page, from its address. */
  referatId(): string {
    const m = /\/r\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!m?.[1]) throw new Error(`not on a referat page: ${this.page.url()}`);
    return m[1];
  }

  get titleField(): Locator {
    return this.page.getByLabel(DA.title, { exact: true });
  }

  /** Makes the participants visible if another part of the side panel was chosen alone. */
  private async showParticipants(): Promise<void> {
    const all = this.sidePanelTab('Alle');
    if ((await all.count()) > 0 && (await all.getAttribute('aria-selected')) !== 'true') await all.click();
  }

  async waitUntilSaved(): Promise<void> {
    await this.page.getByText('Gemt på enheden').waitFor();
  }

  /** The side panel's tab `name` ("Alle", "Deltagere", …). */
  sidePanelTab(name: string): Locator {
    return this.page.getByRole('tablist', { name: /^(Vis i sidepanelet|Show in the side panel)$/ }).getByRole('tab', { name, exact: true });
  }

  /** Shows the side panel's part `name` (or all parts with "Alle"); the choice is remembered on the device. */
  async showSidePanel(name: string): Promise<void> {
    const tab = this.sidePanelTab(name);
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  }

  /** The first text block of the minutes (an agenda title, a paragraph), as laid out in the viewport now. */
  async firstTextLineBox(): Promise<{ top: number; bottom: number; viewportHeight: number; text: string }> {
    return this.page.getByRole('textbox', { name: DA.editor }).evaluate((el) => {
      const first = el.querySelector('h2, h3, p, li');
      const box = (first ?? el).getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, viewportHeight: window.innerHeight, text: first?.textContent ?? '' };
    });
  }

  /** Adds a participant to the open referat and fills in name and organisation. */
  async addParticipant(name: string, organisation: string): Promise<void> {
    await this.showParticipants();
    const names = this.page.getByRole('textbox', { name: /^Navn \(\d+\)$/ });
    const before = await names.count();
    await this.page.getByRole('button', { name: 'Tilføj deltager' }).click();
    await this.page.getByRole('textbox', { name: `Navn (${before + 1})` }).fill(name);
    await this.page.getByRole('textbox', { name: `Organisation (${name})` }).fill(organisation);
  }
}
