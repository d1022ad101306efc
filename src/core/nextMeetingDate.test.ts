import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initReferat } from './initReferat';
import { nextMeetingDate } from './nextMeetingDate';
import { bodyFragment, newReferatDoc } from './referatDoc';
import { STANDARD_TEMPLATE } from './templates';
import { AGENDA_ITEM, AGENDA_TITLE, PARAGRAPH } from './bodyNodes';

const creator = { name: 'Mette Sørensen', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };

function referat(date: string): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id: 'r1', title: 'Styregruppemøde 11', date, createdAt: '2026-12-06T10:00:00Z', template: STANDARD_TEMPLATE, creator });
  return doc;
}

function block(name: string, text: string): Y.XmlElement {
  const el = new Y.XmlElement(name);
  const t = new Y.XmlText();
  el.insert(0, [t]);
  t.insert(0, text);
  return el;
}

/** Writes `lines` as paragraphs into the agenda item titled `title` (the template's "Næste møde"). */
function writeUnder(doc: Y.Doc, title: string, lines: string[]): void {
  const item = bodyFragment(doc)
    .toArray()
    .find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === AGENDA_ITEM && c.toArray().some((t) => t instanceof Y.XmlElement && t.nodeName === AGENDA_TITLE && t.toString().includes(title)));
  if (!item) throw new Error(`No agenda item ${title}`);
  item.push(lines.map((l) => block(PARAGRAPH, l)));
}

describe('the date written for the next meeting', () => {
  it.each([
    ['Tirsdag den 12. januar 2027 kl. 10-12 hos Medialogic'],
    ['12/1-2027'],
    ['Aftalt: 2027-01-12'],
    ['Næste gang: 12. jan. (kl. 9.30)'],
  ])('reads %s under "Næste møde"', (text) => {
    const doc = referat('2026-12-06');
    writeUnder(doc, 'Næste møde', [text]);
    expect(nextMeetingDate(doc, '2026-12-06')).toBe('2027-01-12');
  });

  it('reads a line that starts with the words, skips earlier dates, and stops at the next agenda item', () => {
    const doc = referat('2026-12-06');
    writeUnder(doc, 'Status', ['Leverancen 1. marts 2027 er forsinket.', 'Næste møde: Aarhus, efter aftale den 1/12-2026 flyttet til 3. februar 2027']);
    expect(nextMeetingDate(doc, '2026-12-06')).toBe('2027-02-03');
    const other = referat('2026-12-06');
    writeUnder(other, 'Næste møde', ['Aftales senere.']);
    writeUnder(other, 'Eventuelt', ['Julefrokost 18. december 2026']);
    expect(nextMeetingDate(other, '2026-12-07')).toBe('2026-12-07');
  });

  it('falls back to today when nothing is written', () => {
    expect(nextMeetingDate(referat('2026-12-06'), '2026-12-08')).toBe('2026-12-08');
  });
});
