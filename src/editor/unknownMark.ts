// The marker mark for text the schema cannot show: an unknown format attribute, or an embed inside a Y.XmlText.
// It only ever exists while Yjs is read (tolerantSchema.ts): the block holding such text becomes an unknownBlock.
import { Mark } from '@tiptap/core';
import { UNKNOWN_MARK } from './unknownContent';

export const UnknownMark = Mark.create({
  name: UNKNOWN_MARK,
  // Never typed, pasted or kept: no parse rules, and it never reaches the view (its block is a placeholder).
  inclusive: false,
  excludes: '',
  parseHTML() {
    return [];
  },
  renderHTML() {
    return ['span', { class: 'unknown-content-inline' }, 0];
  },
});
