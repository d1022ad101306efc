// Page model of the minutes editor on the referat page: its text, typing, pasting, and the structured blocks
// (agenda items with their numbered titles, decisions, action items) and the "/" menu.
import type { Locator, Page } from 'playwright-core';
import { DA } from './appLabels';

/** The editor's text blocks: they never nest, so the one holding a text is the innermost block holding it. */
const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, .action-item-text';

export class MinutesEditor {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The editor itself (the "Referattekst" text box). */
  get textbox(): Locator {
    return this.page.getByRole('textbox', { name: DA.editor });
  }

  /**
   * The minutes text as the editor holds it, one text block a line (paragraph, heading, agenda title, action item
   * text), without other people's caret labels or the form controls of agenda and action items.
   */
  async text(): Promise<string> {
    return this.textbox.evaluate((el, selector) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const extra of copy.querySelectorAll('.collaboration-carets__caret, .ProseMirror-yjs-cursor, [contenteditable="false"]')) extra.remove();
      return Array.from(copy.querySelectorAll(selector)).map((c) => (c.textContent ?? '')).join('\n');
    }, TEXT_BLOCKS);
  }

  /** Places the caret at the end of the innermost text block holding `text` (e.g. an agenda item's title), and types. */
  async typeAfter(text: string, typed: string): Promise<void> {
    const block = this.textbox.locator(TEXT_BLOCKS, { hasText: text }).first();
    await block.click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.type(typed);
  }

  /**
   * Puts the caret at the end of the text block holding `text` without clicking it (an agenda item's own fields
   * may lie over its title where a click would land).
   */
  async caretAtEndOf(text: string): Promise<void> {
    await this.textbox.locator(TEXT_BLOCKS, { hasText: text }).first().evaluate((block) => {
      (block.closest('[contenteditable=true]') as HTMLElement).focus();
      const range = document.createRange();
      range.selectNodeContents(block);
      range.collapse(false);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
  }

  async typeAtEnd(typed: string): Promise<void> {
    await this.textbox.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(typed);
  }

  /** Puts the caret in the empty paragraph right below the title of the agenda item `title` (as seeded). */
  async caretBelowTitle(title: string): Promise<void> {
    await this.typeAfter(title, '');
    await this.page.keyboard.press('ArrowDown');
  }

  /** Whether keyboard focus is in the minutes editor. */
  async hasFocus(): Promise<boolean> {
    return this.textbox.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
  }

  /** Pastes HTML (and its plain-text version) at the caret, as a paste from another program would. */
  async pasteHtml(html: string, plain: string): Promise<void> {
    await this.textbox.evaluate(
      (el, data) => {
        const dt = new DataTransfer();
        dt.setData('text/html', data.html);
        dt.setData('text/plain', data.plain);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      },
      { html, plain },
    );
  }

  /** The agenda items of the minutes text, in document order. */
  get agendaItems(): Locator {
    return this.textbox.locator('section.agenda-item');
  }

  /** The agenda item whose own title contains `title`. */
  agendaItem(title: string): Locator {
    return this.agendaItems.filter({ has: this.page.locator(':scope > .agenda-item-content > h2.agenda-title', { hasText: title }) });
  }

  /** The decisions (role note) of the minutes text, in document order. */
  get decisions(): Locator {
    return this.textbox.locator('.decision');
  }

  /** The action items of the minutes text, in document order. */
  get actionItems(): Locator {
    return this.textbox.locator('.action-item');
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
      const titles = await this.textbox.locator('h2.agenda-title').allTextContents();
      return titles.map((t, i) => `${numbers[i] ?? '?'}${t}`);
    } finally {
      await cdp.detach();
    }
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
}
