// Page model of the participants list on a referat's page: its rows, the questions about rows that may be one
// person twice ("Flet", "Er … den samme som rækken …?"), and the result line.
import type { Locator, Page } from 'playwright-core';

export interface ParticipantRow {
  name: string;
  organisation: string;
  role: string;
  present: boolean;
  /** The key note under the name ("Nøgle: 90FA …"), or null for a row without a key. */
  key: string | null;
}

export class ParticipantsList {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Deltagere', exact: true });
  }

  get rows(): Locator {
    return this.section.locator('li.participant-row');
  }

  /** Every row as it reads, in order. */
  async read(): Promise<ParticipantRow[]> {
    return this.rows.evaluateAll((items) =>
      items.map((li) => {
        const inputs = [...li.querySelectorAll('input:not([type=checkbox])')] as HTMLInputElement[];
        const box = li.querySelector('input[type=checkbox]') as HTMLInputElement | null;
        const key = li.querySelector('[data-testid=participant-key]');
        return { name: inputs[0]?.value ?? '', organisation: inputs[1]?.value ?? '', role: inputs[2]?.value ?? '', present: box?.checked ?? false, key: key ? (key.textContent ?? '') : null };
      }),
    );
  }

  /** "name / organisation / key or -" per row, short for assertions. */
  async summary(): Promise<string[]> {
    return (await this.read()).map((r) => `${r.name} / ${r.organisation} / ${r.key === null ? '-' : 'nøgle'}`);
  }

  get questions(): Locator {
    return this.section.locator('.participant-questions > li');
  }

  get result(): Locator {
    return this.section.getByRole('status');
  }

  /** Answers the question about `name` ("Ja" merges, "Nej" keeps the rows apart). */
  async answer(question: RegExp, answer: 'Ja' | 'Nej'): Promise<void> {
    await this.section.getByRole('group', { name: question }).getByRole('button', { name: answer, exact: true }).click();
  }

  async merge(name: string): Promise<void> {
    await this.section.getByRole('button', { name: `Flet ${name}`, exact: true }).click();
  }

  removeButton(label: string): Locator {
    return this.section.getByRole('button', { name: `Fjern ${label}`, exact: true });
  }
}
