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

/** The editor's text blocks: they never nest, so the one holding a text is the innermost block holding it. */
const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, .action-item-text';

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

  /**
   * The minutes text as the editor holds it, one text block a line (paragraph, heading, agenda title, action item
   * text), without other people's caret labels or the form controls of agenda and action items.
   */
  async editorText(): Promise<string> {
    return this.editor.evaluate((el, selector) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const extra of copy.querySelectorAll('.collaboration-carets__caret, .ProseMirror-yjs-cursor, [contenteditable="false"]')) extra.remove();
      return Array.from(copy.querySelectorAll(selector)).map((c) => (c.textContent ?? '')).join('\n');
    }, TEXT_BLOCKS);
  }

  /** Places the caret at the end of the innermost text block holding `text` (e.g. an agenda item's title), and types. */
  async typeAfter(text: string, typed: string): Promise<void> {
    const block = this.editor.locator(TEXT_BLOCKS, { hasText: text }).first();
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
    // The list is read from IndexedDB after the heading: wait for the table or the empty-library text.
    await this.page.locator('table.library, main p.empty').first().waitFor();
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

  /** Who is in the live room, as "name (organisation)", whatever the live panel says about their key. */
  async presentNames(): Promise<string[]> {
    return this.page.locator('ul.presence li').evaluateAll((items) => items.map((li) => `${(li as HTMLElement).dataset.name} (${(li as HTMLElement).dataset.organisation})`));
  }

  /** Creates a referat from the library and waits for its title field only (not for the editor's content). */
  async createReferatQuickly(): Promise<string> {
    await this.page.getByRole('button', { name: DA.newReferat }).click();
    await this.page.waitForURL(/\/r\/[0-9a-f-]{36}/);
    await this.titleField.waitFor();
    return this.referatId();
  }

  /** Any link of the main navigation, by its name (Danish or English). */
  async navTo(name: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  }

  /** Adds a participant to the open referat and fills in name and organisation. */
  async addParticipant(name: string, organisation: string): Promise<void> {
    const names = this.page.getByRole('textbox', { name: /^Navn \(\d+\)$/ });
    const before = await names.count();
    await this.page.getByRole('button', { name: 'Tilføj deltager' }).click();
    await this.page.getByRole('textbox', { name: `Navn (${before + 1})` }).fill(name);
    await this.page.getByRole('textbox', { name: `Organisation (${name})` }).fill(organisation);
  }

  /** The search field on the search page ("Søg i referater"). */
  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Søg i referater' });
  }

  /** Opens the search page from the navigation if needed, types a query, and waits until its results are shown. */
  async search(query: string): Promise<void> {
    if (!(await this.searchBox.isVisible())) await this.navTo('Søg');
    await this.searchBox.fill(query);
    // The page writes the query it shows results for into the address, after the typing pause.
    await this.page.waitForFunction((q) => new URLSearchParams(window.location.search).get('q') === q, query === '' ? null : query);
    await this.page.locator('.search-summary').filter({ hasNotText: /^Bygger søgeindekset/ }).waitFor();
  }

  /** The titles of the search results, in order. */
  searchResultTitles(): Promise<string[]> {
    return this.page.locator('ol.search-results h2').allInnerTexts();
  }

  /** The live region that says how many referater the search found. */
  searchSummary(): Promise<string> {
    return this.page.locator('.search-summary').innerText();
  }

  /** The marked (highlighted) words of the search results. */
  searchMarks(): Promise<string[]> {
    return this.page.locator('ol.search-results mark').allInnerTexts();
  }

  /** The action items listed on the Opfølgning page: what, and the rest of the row's text. */
  async followUpRows(): Promise<Array<{ what: string; row: string }>> {
    const rows = this.page.locator('table.follow-up tbody tr');
    const out: Array<{ what: string; row: string }> = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      out.push({ what: await row.locator('th').innerText(), row: (await row.innerText()).replace(/\s+/g, ' ').trim() });
    }
    return out;
  }

  /** Ticks an action item off (or on again) on the Opfølgning page and waits until it is written into its referat. */
  async setFollowUpDone(what: string, done: boolean): Promise<void> {
    await this.followUpCheckbox(what).setChecked(done);
    const said = done ? `»${what}« er markeret som udført i referatet.` : `»${what}« er markeret som ikke udført i referatet.`;
    await this.page.getByRole('status').filter({ hasText: said }).waitFor();
  }

  /** The checkbox that ticks an action item off on the Opfølgning page. */
  followUpCheckbox(what: string): Locator {
    return this.page.getByRole('checkbox', { name: `Udført: ${what}` });
  }

  /** The agenda items of the minutes text, in document order. */
  get agendaItems(): Locator {
    return this.editor.locator('section.agenda-item');
  }

  /** The agenda item whose own title contains `title`. */
  agendaItem(title: string): Locator {
    return this.agendaItems.filter({ has: this.page.locator(':scope > .agenda-item-content > h2.agenda-title', { hasText: title }) });
  }

  /** The decisions (role note) of the minutes text, in document order. */
  get decisions(): Locator {
    return this.editor.locator('.decision');
  }

  /** The action items of the minutes text, in document order. */
  get actionItems(): Locator {
    return this.editor.locator('.action-item');
  }

  /** The "/" menu of the editor. */
  get slashMenu(): Locator {
    return this.page.getByRole('listbox', { name: 'Indsæt' });
  }

  /**
   * The agenda titles as the reader sees them, each with its number. The number is a CSS counter in ::before,
   * which no DOM API returns, so it is read from Chromium's layout tree.
   */
  async agendaHeadings(): Promise<string[]> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const snap = await cdp.send('DOMSnapshot.captureSnapshot', { computedStyles: [] });
      const doc = snap.documents[0];
      if (!doc) return [];
      const str = (i: number | undefined) => (i !== undefined && i >= 0 ? (snap.strings[i] ?? '') : '');
      const { nodes, layout } = doc;
      const rendered = new Map<number, string>();
      layout.nodeIndex.forEach((node, i) => {
        const text = str(layout.text[i]);
        if (text) rendered.set(node, (rendered.get(node) ?? '') + text);
      });
      const numbers: string[] = [];
      const pseudo = nodes.pseudoType ?? { index: [], value: [] };
      pseudo.index.forEach((node, i) => {
        const parent = nodes.parentIndex?.[node] ?? -1;
        const attrs = (nodes.attributes?.[parent] ?? []).map((a) => str(a));
        const classIndex = attrs.indexOf('class');
        const isTitle = str(nodes.nodeName?.[parent]) === 'H2' && classIndex >= 0 && (attrs[classIndex + 1] ?? '').split(' ').includes('agenda-title');
        if (isTitle && str(pseudo.value[i]) === 'before') numbers.push(rendered.get(node) ?? '');
      });
      const titles = await this.editor.locator('h2.agenda-title').allTextContents();
      return titles.map((t, i) => `${numbers[i] ?? '?'}${t}`);
    } finally {
      await cdp.detach();
    }
  }

  /** Pastes HTML (and its plain-text version) at the caret, as a paste from another program would. */
  async pasteHtml(html: string, plain: string): Promise<void> {
    await this.editor.evaluate(
      (el, data) => {
        const dt = new DataTransfer();
        dt.setData('text/html', data.html);
        dt.setData('text/plain', data.plain);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      },
      { html, plain },
    );
  }

  /** Puts the caret in the empty paragraph right below the title of the agenda item `title` (as seeded). */
  async caretBelowTitle(title: string): Promise<void> {
    await this.typeAfter(title, '');
    await this.page.keyboard.press('ArrowDown');
  }

  /** The agenda titles' accessible names as Chromium gives them to screen readers (numbers included). */
  async agendaHeadingNames(): Promise<string[]> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const handle = await cdp.send('Runtime.evaluate', { expression: 'document.querySelector(".minutes-text")' });
      const objectId = handle.result.objectId;
      if (!objectId) return [];
      const { nodes } = await cdp.send('Accessibility.queryAXTree', { objectId, role: 'heading' });
      return nodes.filter((n) => !n.ignored).map((n) => String(n.name?.value ?? ''));
    } finally {
      await cdp.detach();
    }
  }

  /** Approves the open referat ("Godkend referatet", then the confirmation); returns the hash the dialog showed. */
  async approve(): Promise<string> {
    await this.page.getByRole('button', { name: 'Godkend referatet' }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Godkend referatet?' });
    const hash = (await dialog.getByTestId('approval-confirm-hash').innerText()).replace(/\s+/g, '');
    await dialog.getByRole('button', { name: 'Godkend og underskriv' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Du har godkendt referatet.' }).waitFor();
    return hash;
  }

  /** The approvals listed on the referat page, one line each. */
  async approvals(): Promise<string[]> {
    const items = await this.page.getByRole('list', { name: 'Godkendelser af referatet' }).getByRole('listitem').allInnerTexts();
    return items.map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** The referat's derived status line in the approvals panel, e.g. "Status: Godkendt." */
  approvalStatus(): Promise<string> {
    return this.page.getByTestId('approval-status').innerText();
  }

  /** Clicks a button that saves a `.referat` copy and returns the downloaded file. */
  async downloadCopy(button = 'Eksportér kopi'): Promise<{ name: string; bytes: Buffer }> {
    const [d] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button, exact: true }).click()]);
    const path = await d.path();
    const { readFile } = await import('node:fs/promises');
    return { name: d.suggestedFilename(), bytes: await readFile(path) };
  }

  /** Imports a `.referat` file through the file input `label`, confirms its signer if asked, and returns the result line. */
  async importCopyFile(label: string, file: { name: string; bytes: Buffer }): Promise<string> {
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

  /** The open referat's export menu ("Eksportér som dokument": HTML, Markdown, Word, print). */
  get exportMenu(): Locator {
    return this.page.getByRole('group', { name: 'Eksportér som dokument' });
  }

  /** Exports the open referat through its export menu and returns the downloaded file. */
  async exportDocument(format: 'HTML' | 'Markdown' | 'Word (DOCX)'): Promise<{ name: string; bytes: Buffer }> {
    const [d] = await Promise.all([this.page.waitForEvent('download'), this.exportMenu.getByRole('button', { name: format, exact: true }).click()]);
    const { readFile } = await import('node:fs/promises');
    return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
  }

  /** Builds an aktindsigt package on the Aktindsigt page with these filters; returns the downloaded ZIP. */
  async buildAktindsigtPackage(
    filter: { party?: string; from?: string; to?: string; text?: string; status?: string; fullHistory?: boolean } = {},
  ): Promise<{ name: string; bytes: Buffer; count: string }> {
    await this.navTo('Aktindsigt');
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
    const [download] = await Promise.all([this.page.waitForEvent('download'), build.click()]);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(await download.path());
    await this.page.getByTestId('package-status').filter({ hasText: 'Pakken er bygget' }).waitFor();
    return { name: download.suggestedFilename(), bytes, count };
  }

  /** Settings → Sikkerhedskopi: saves a backup of the whole library and returns the downloaded ZIP. */
  async saveBackup(): Promise<{ name: string; bytes: Buffer }> {
    await this.navTo('Indstillinger');
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Gem sikkerhedskopi' }).click()]);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(await download.path());
    await this.page.getByTestId('backup-status').filter({ hasText: 'Sikkerhedskopien er gemt' }).waitFor();
    return { name: download.suggestedFilename(), bytes };
  }

  /** Settings → Sikkerhedskopi: restores from a ZIP; returns the summary (or the error) once it is done. */
  async restoreBackup(name: string, bytes: Buffer): Promise<string> {
    await this.navTo('Indstillinger');
    await this.page.getByLabel('Gendan fra sikkerhedskopi').setInputFiles({ name, mimeType: 'application/zip', buffer: bytes });
    const done = this.page.getByTestId('restore-status').filter({ hasText: /^Gendannelsen er færdig/ }).or(this.page.getByRole('alert'));
    await done.first().waitFor({ timeout: 60_000 });
    return done.first().innerText();
  }
}
