// A referat is long by its blocks or by its characters, and its preview stays about two screens either way.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isLongText, LONG_TEXT_BLOCKS, LONG_TEXT_CHARACTERS, previewLines } from './longText';
import { bodyFragment, newReferatDoc } from './referatDoc';

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

function referatWith(blocks: Y.XmlElement[]): Y.Doc {
  const doc = newReferatDoc();
  bodyFragment(doc).insert(0, blocks);
  return doc;
}

/** An agenda item holding its title and one paragraph, as the editor nests them. */
function agendaItem(title: string, text: string): Y.XmlElement {
  const item = new Y.XmlElement('agendaItem');
  const heading = new Y.XmlElement('agendaTitle');
  heading.insert(0, [new Y.XmlText(title)]);
  item.insert(0, [heading, paragraph(text)]);
  return item;
}

describe('longText', () => {
  it('counts a referat as long by its blocks', () => {
    expect(isLongText(referatWith(Array.from({ length: LONG_TEXT_BLOCKS }, (_, i) => paragraph(`Punkt ${i}`))))).toBe(false);
    expect(isLongText(referatWith(Array.from({ length: LONG_TEXT_BLOCKS + 1 }, (_, i) => paragraph(`Punkt ${i}`))))).toBe(true);
  });

  it('counts a referat as long by its characters, nested ones included', () => {
    expect(isLongText(referatWith([paragraph('x'.repeat(LONG_TEXT_CHARACTERS))]))).toBe(false);
    expect(isLongText(referatWith([paragraph('x'.repeat(LONG_TEXT_CHARACTERS + 1))]))).toBe(true);
    const half = 'y'.repeat(LONG_TEXT_CHARACTERS / 2);
    expect(isLongText(referatWith([agendaItem('Status', half), agendaItem('Drift', `${half}z`)]))).toBe(true);
    expect(isLongText(referatWith([]))).toBe(false);
  });

  it('keeps the preview to about two screens, also of one very long paragraph', () => {
    const [line, ...rest] = previewLines(referatWith([paragraph(`Indledning ${'ord '.repeat(15_000)}`), paragraph('Næste afsnit')]));
    expect(rest).toEqual([]);
    expect(line?.startsWith('Indledning ord ord')).toBe(true);
    expect(line?.endsWith('…')).toBe(true);
    expect(line?.length).toBe(8_001);
    const short = previewLines(referatWith([agendaItem('Status', 'Alt kører'), paragraph('Eventuelt')]));
    expect(short).toEqual(['Status', 'Alt kører', 'Eventuelt']);
  });
});
