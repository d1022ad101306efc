import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from './bodyText';
import { bodyFragment, newReferatDoc } from './referatDoc';

describe('bodyText', () => {
  it('gives one line per block, without formatting marks, including nested list items', () => {
    const doc = newReferatDoc();
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    p.insert(0, [t]);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const ip = new Y.XmlElement('paragraph');
    ip.insert(0, [new Y.XmlText('Punkt ét')]);
    item.insert(0, [ip]);
    list.insert(0, [item]);
    bodyFragment(doc).insert(0, [p, list]);
    t.insert(0, 'Fed tekst og kursiv', {});
    t.format(0, 3, { bold: true });
    expect(bodyText(doc)).toBe('Fed tekst og kursiv\nPunkt ét');
  });

  it('stops after maxLines lines', () => {
    const doc = newReferatDoc();
    const blocks = Array.from({ length: 50 }, (_, i) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`Linje ${i + 1}`)]);
      return p;
    });
    bodyFragment(doc).insert(0, blocks);
    expect(bodyText(doc, 3)).toBe('Linje 1\nLinje 2\nLinje 3');
    expect(bodyText(doc).split('\n')).toHaveLength(50);
  });
});
