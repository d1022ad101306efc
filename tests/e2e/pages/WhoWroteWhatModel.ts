// Page model of "Hvem skrev hvad" on the referat page: the toggle, the coloured runs and their names, the caret line
// and the list of authors.
import type { Locator, Page } from 'playwright-core';

export class WhoWroteWhatModel {
  readonly toggle: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByRole('button', { name: 'Hvem skrev hvad' });
  }

  /** Focuses the toggle and presses Space: no mouse. */
  async toggleByKeyboard(): Promise<void> {
    await this.toggle.focus();
    await this.page.keyboard.press('Space');
  }

  async pressed(): Promise<boolean> {
    return (await this.toggle.getAttribute('aria-pressed')) === 'true';
  }

  /** Every coloured run's title ("Skrevet af …"), in document order. */
  coloured(): Promise<string[]> {
    return this.page.locator('.minutes-text .author-run').evaluateAll((spans) => spans.map((s) => s.getAttribute('title') ?? ''));
  }

  /** The text of the runs credited to `who`, consecutive spans joined. */
  textBy(who: string): Promise<string[]> {
    return this.textFrom(`Skrevet af ${who}`);
  }

  /** The text of the runs whose title is `title`, consecutive spans joined. */
  textFrom(runTitle: string): Promise<string[]> {
    return this.page.locator('.minutes-text .author-run').evaluateAll((spans, title) => {
      const out: string[] = [];
      let prev: Element | null = null;
      for (const s of spans) {
        if (s.getAttribute('title') !== title) continue;
        const joined = prev !== null && prev.nextSibling === s;
        if (joined) out[out.length - 1] += s.textContent ?? '';
        else out.push(s.textContent ?? '');
        prev = s;
      }
      return out;
    }, runTitle);
  }

  /** The authors list, one line each. */
  authors(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Forfattere i teksten nu' }).getByRole('listitem').allInnerTexts();
  }

  /** The underline style (solid, dashed, …) of the first run credited to `who`. */
  underlineOf(who: string): Promise<string> {
    return this.page.locator(`.minutes-text .author-run[title="Skrevet af ${who}"]`).first().evaluate((s) => getComputedStyle(s).textDecorationStyle);
  }

  atCaret(): Promise<string> {
    return this.page.locator('.who-wrote-caret').innerText();
  }
}
