// When a referat's text counts as long: the page then paints a preview of it first, before building the editor.
import type * as Y from 'yjs';
import { bodyFragment } from './referatDoc';

/** Above this many top-level blocks (about 15 pages) building the editor starts to show. */
export const LONG_TEXT_BLOCKS = 300;

export function isLongText(doc: Y.Doc): boolean {
  return bodyFragment(doc).length > LONG_TEXT_BLOCKS;
}
