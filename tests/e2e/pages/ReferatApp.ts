// Page model of the Referat app for browser tests: finds things by their stable accessible names (README).
import type { BrowserContext, Locator, Page } from 'playwright-core';

export const DA = {
  newReferat: 'Nyt referat',
  title: 'Titel',
  editor: 'Referattekst',
  name: 'Navn',
  organisation: 'Organisation',
  save: 'Gem',
};

export const EN = {
  newReferat: 'New referat',
  title: 'Title',
  editor: 'Minutes text',
  name: 'Name',
  organisation: 'Organisation',
  save: 'Save',
};

export interface Profile {
  name: string;
  organisation: string;
  kind?: 'Kommune' | 'Leverandør' | 'Andet';
}

export class ReferatApp {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  static async open(context: BrowserContext, baseUrl: string, path = '/'): Promise<ReferatApp> {
    const page = await context.newPage();
    const app = new ReferatApp(page, baseUrl);
    await app.goto(path);
    return app;
  }

  url(path: string): string {
    return new URL(path, this.baseUrl).toString();
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(this.url(path));
  }

  get editor(): Locator {
    return this.page.getByRole('textbox', { name: DA.editor });
  }

  get titleField(): Locator {
    return this.page.getByLabel(DA.title, { exact: true });
  }

  async setUpProfile(p: Profile): Promise<void> {
    await this.page.getByRole('heading', { name: 'Velkommen til Referat' }).waitFor();
    await this.page.getByLabel(DA.name, { exact: true }).fill(p.name);
    await this.page.getByLabel(DA.organisation, { exact: true }).fill(p.organisation);
    await this.page.getByRole('radio', { name: p.kind ?? 'Kommune' }).check();
    await this.page.getByRole('button', { name: DA.save, exact: true }).click();
    await this.page.getByRole('heading', { name: 'Bibliotek', level: 1 }).waitFor();
  }

  /** Creates a referat from the library and waits until its editor is ready. */
  async createReferat(): Promise<string> {
    await this.page.getByRole('button', { name: DA.newReferat }).click();
    await this.page.waitForURL(/\/r\/[0-9a-f-]{36}/);
    await this.editor.waitFor();
    await this.editor.getByText('Godkendelse af dagsorden').waitFor();
    return this.referatId();
  }

  referatId(): string {
    const m = /\/r\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!m?.[1]) throw new Error(`not on a referat page: ${this.page.url()}`);
    return m[1];
  }

  /** The minutes text as the editor holds it (one block a line), without other people's caret labels. */
  async editorText(): Promise<string> {
    return this.editor.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret, .ProseMirror-yjs-cursor')) caret.remove();
      return Array.from(copy.children).map((c) => (c.textContent ?? '')).join('\n');
    });
  }

  /** Places the caret at the end of the block holding `text`, and types. */
  async typeAfter(text: string, typed: string): Promise<void> {
    const block = this.editor.locator(':scope > *', { hasText: text }).first();
    await block.click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.type(typed);
  }

  async typeAtEnd(typed: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(typed);
  }

  async waitUntilSaved(): Promise<void> {
    await this.page.getByText('Gemt på enheden').waitFor();
  }

  async libraryTitles(): Promise<string[]> {
    await this.page.getByRole('heading', { name: /Bibliotek|Library/, level: 1 }).waitFor();
    const rows = this.page.locator('table.library tbody th');
    return rows.allInnerTexts();
  }

  async nav(name: 'Bibliotek' | 'Papirkurv' | 'Indstillinger' | 'Library' | 'Trash' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name }).click();
  }

  /**
   * The update prompt: the status region once it says a new version is ready. The region itself has no size (the
   * prompt inside is position: fixed), so wait for what is inside it, e.g. with waitForUpdatePrompt.
   */
  updatePrompt(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'En ny version af Referat er klar.' });
  }

  /** Waits until the update prompt's message and its buttons are visible. */
  async waitForUpdatePrompt(): Promise<void> {
    const prompt = this.updatePrompt();
    await prompt.getByText('En ny version af Referat er klar.').waitFor();
    await prompt.getByRole('button', { name: 'Genindlæs' }).waitFor();
    await prompt.getByRole('button', { name: 'Senere' }).waitFor();
  }

  /** Whether keyboard focus is in the minutes editor. */
  async editorHasFocus(): Promise<boolean> {
    return this.editor.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
  }

  /** The service worker state this page sees: controller script and the registration's slots. */
  async serviceWorkerState(): Promise<{ controller: string | null; active: string | null; waiting: string | null; installing: string | null; activeControls: boolean }> {
    return this.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const controller = navigator.serviceWorker.controller;
      return {
        controller: controller?.scriptURL ?? null,
        active: reg?.active?.scriptURL ?? null,
        waiting: reg?.waiting?.scriptURL ?? null,
        installing: reg?.installing?.scriptURL ?? null,
        activeControls: controller !== null && reg?.active === controller,
      };
    });
  }

  /** Asks the registration to check for a new service worker now (what the browser does on its own now and then). */
  async checkForUpdate(): Promise<void> {
    await this.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (!reg) throw new Error('no service worker registration');
      await reg.update();
    });
  }

  /** Points live sessions at a signalling server (Settings → Editing together). */
  async setSignalling(url: string): Promise<void> {
    await this.nav('Indstillinger');
    const field = this.page.getByLabel('Signalserver (én adresse pr. linje)');
    await field.fill(url);
    await this.page.getByRole('button', { name: 'Gem indstillinger for fælles redigering' }).click();
    await this.page.getByText('Gemt.', { exact: true }).waitFor();
  }

  /** Starts a live session on the open referat and returns the invitation link. */
  async invite(): Promise<string> {
    await this.page.getByRole('button', { name: 'Invitér' }).click();
    const link = this.page.getByLabel('Invitationslink');
    await link.waitFor();
    return link.inputValue();
  }

  liveStatus(): Promise<string> {
    return this.page.locator('.live-status').innerText();
  }

  async presentNames(): Promise<string[]> {
    const texts = await this.page.locator('ul.presence li').allInnerTexts();
    return texts.map((t) => t.replace(/\s+/g, ' ').replace(/^● /, '').trim());
  }
}
