// Exports read Yjs directly, so content the editor only shows as a placeholder (an unknown mark, node or attribute,
// an embed) still has its text in every export.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFragment, newReferatDoc } from '../../../src/core/referatDoc';
import { readReferatView, type Inline, type ViewBlock } from '../../../src/export/referatView';
import { trustState } from './trustFixture';

/** Plain text of inline content, a line break as a space. */
const inlineText = (inlines: Inline[]): string => inlines.map((i) => ('lineBreak' in i ? ' ' : i.text)).join('');

const para = (text: string) => {
  const el = new Y.XmlElement('paragraph');
  el.insert(0, [new Y.XmlText(text)]);
  return el;
};

/** The text of every paragraph and heading of the view, one a line. */
function lines(blocks: ViewBlock[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.kind === 'paragraph' || b.kind === 'heading') return [inlineText(b.inlines)];
    if (b.kind === 'list') return b.items.flatMap(lines);
    if (b.kind === 'blockquote' || b.kind === 'agendaItem' || b.kind === 'decision') return lines(b.blocks);
    return [];
  });
}

describe('exports of content this version does not know', () => {
  it('keep the text of an unknown mark, node, attribute and the text around an embed', () => {
    const doc = newReferatDoc();
    const body = bodyFragment(doc);
    const poll = new Y.XmlElement('poll');
    poll.setAttribute('question', 'Frokost?');
    poll.insert(0, [para('Afstemning om frokost')]);
    const aligned = para('Centreret tekst');
    aligned.setAttribute('textAlign', 'center');
    body.insert(0, [para('Hemmelig plan'), poll, para('Billede her: '), aligned]);
    ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 1, { x: true });
    ((body.get(2) as Y.XmlElement).get(0) as Y.XmlText).insertEmbed(13, { image: 'https://example.org/x.png' });
    expect(lines(readReferatView(doc, trustState()).blocks).slice(0, 4)).toEqual(['Hemmelig plan', 'Afstemning om frokost', 'Billede her: ', 'Centreret tekst']);
  });
});
