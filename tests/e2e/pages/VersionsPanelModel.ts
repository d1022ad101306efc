// Page model of the "Versioner" panel on a referat's page: the versions listed, saving a named version, opening one,
// comparing two (the marks and the legend by their accessible names), restoring and undoing a restore; and the
// referat's stored Yjs state, to check that looking at versions writes nothing.
import type { Locator, Page } from 'playwright-core';
import * as Y from 'yjs';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export class VersionsPanelModel {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Versioner', exact: true });
  }

  get list(): Locator {
    return this.panel.getByRole('list', { name: 'Versioner af referatet' });
  }

  /** Each version listed, newest first, as its name line and the line under it ("Gemt af …"). */
  async entries(): Promise<string[]> {
    const items = this.list.locator(':scope > li');
    const out: string[] = [];
    for (const item of await items.all()) {
      const lines = await item.locator('p').allInnerTexts();
      out.push(lines.slice(0, 2).map(squash).join(' | '));
    }
    return out;
  }

  /** Saves a named version with the "Gem version" form and waits until it is said to be saved. */
  async save(label: string): Promise<void> {
    await this.panel.getByRole('textbox', { name: 'Navn på versionen' }).fill(label);
    await this.panel.getByRole('button', { name: 'Gem version', exact: true }).click();
    await this.panel.getByRole('status').filter({ hasText: `Versionen »${label}« er gemt.` }).waitFor();
  }

  /** Opens a version read-only by its name as listed (e.g. "»Udkast«"). */
  async open(name: string): Promise<Locator> {
    await this.panel.getByRole('button', { name: `Vis versionen ${name}` }).click();
    await this.view.waitFor();
    return this.view;
  }

  /** The version shown read-only. */
  get view(): Locator {
    return this.panel.getByTestId('version-view');
  }

  /** The text of the version shown, one block a line. */
  async viewText(): Promise<string> {
    return squashLines(await this.view.getByTestId('version-text').innerText());
  }

  async compareWithCurrent(name: string): Promise<Locator> {
    await this.panel.getByRole('button', { name: `Sammenlign ${name} med nuværende tekst` }).click();
    await this.comparison.getByRole('heading').first().waitFor();
    return this.comparison;
  }

  /** Compares any two versions chosen by their option text in "Fra" and "Til". */
  async compare(from: string | RegExp, to: string | RegExp): Promise<Locator> {
    const pick = async (label: string, option: string | RegExp) => {
      const select = this.panel.getByRole('combobox', { name: label, exact: true });
      const texts = await select.locator('option').allInnerTexts();
      const value = texts.find((t) => (typeof option === 'string' ? t === option : option.test(t)));
      if (value === undefined) throw new Error(`no option ${String(option)} in ${label}: ${texts.join(' / ')}`);
      await select.selectOption({ label: value });
    };
    await pick('Fra', from);
    await pick('Til', to);
    await this.panel.getByRole('button', { name: 'Sammenlign', exact: true }).click();
    await this.comparison.getByRole('heading').first().waitFor();
    return this.comparison;
  }

  get comparison(): Locator {
    return this.panel.getByTestId('version-compare');
  }

  /**
   * The insertions (role insertion) a screen reader announces as `name` ("indsat af Mette Holm, Aarhus Kommune"): their
   * visible text, trimmed. ARIA gives insertions no name of their own; what is read is their text, which starts so.
   */
  async insertions(name: string): Promise<string[]> {
    return this.marks('insertion', name);
  }

  async deletions(name: string): Promise<string[]> {
    return this.marks('deletion', name);
  }

  private async marks(role: 'insertion' | 'deletion', name: string): Promise<string[]> {
    const marks = this.comparison.getByRole(role).filter({ hasText: `[${name}: ` });
    // The visible text only: the hidden "[indsat af …: " and "]" are for screen readers.
    return marks.evaluateAll((els) => els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
      return (copy.textContent ?? '').trim();
    }));
  }

  /** The comparison's legend, one author a line ("Mette Holm, Aarhus Kommune: 12 tegn indsat, …"). */
  async legend(): Promise<string[]> {
    return (await this.comparison.getByRole('list', { name: 'Forfattere i sammenligningen' }).getByRole('listitem').allInnerTexts()).map(squash);
  }

  /** The field changes of structured blocks shown in the comparison ("Frist: 15. mar. 2026 → 1. apr. 2026 (ændret af …)"). */
  async fieldChanges(): Promise<string[]> {
    return (await this.comparison.getByTestId('version-field-change').allInnerTexts()).map(squash);
  }

  /** Restores the version shown, confirming in the page's dialog, and waits until it is said to be restored. */
  async restoreShown(): Promise<void> {
    await this.view.getByRole('button', { name: 'Gendan denne version' }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Gendan versionen?' });
    await dialog.getByRole('button', { name: 'Gendan', exact: true }).click();
    await this.panel.getByRole('status').filter({ hasText: 'er gendannet.' }).waitFor();
  }

  async undoRestore(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Fortryd gendannelse' }).click();
    await this.panel.getByRole('status').filter({ hasText: 'Gendannelsen er fortrudt' }).waitFor();
  }

  /** What the referat's own database holds: how many stored updates, and the Yjs state vector they add up to. */
  async storedState(referatId: string): Promise<{ entries: number; stateVector: number[] }> {
    const entries = await this.page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      try {
        const request = db.transaction('updates', 'readonly').objectStore('updates').getAll();
        const all = await new Promise<unknown[]>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        // A bare Uint8Array is a V1 update, `{ v2 }` a merged V2 one (src/storage/storedUpdate.ts).
        return all.map((e) => (e instanceof Uint8Array ? { v1: true, bytes: Array.from(e) } : { v1: false, bytes: Array.from((e as { v2: Uint8Array }).v2) }));
      } finally {
        db.close();
      }
    }, `referat-doc-${referatId}`);
    const v2 = entries.map((e) => (e.v1 ? Y.convertUpdateFormatV1ToV2(new Uint8Array(e.bytes)) : new Uint8Array(e.bytes)));
    const merged = v2.length === 0 ? new Uint8Array() : Y.mergeUpdatesV2(v2);
    return { entries: entries.length, stateVector: v2.length === 0 ? [] : Array.from(Y.encodeStateVectorFromUpdateV2(merged)) };
  }
}

function squashLines(text: string): string {
  return text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '').join('\n');
}
