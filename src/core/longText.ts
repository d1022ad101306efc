// When a referat's text counts as long: the page then paints a preview of it first, before building the editor.
import type * as Y from 'yjs';
import { bodyText } from './bodyText';
import { bodyFragment } from './referatDoc';

/** Above this many top-level blocks (about 15 pages) building the editor starts to show. */
export const LONG_TEXT_BLOCKS = 300;

export function isLongText(doc: Y.Doc): boolean {
  return bodyFragment(doc).length > LONG_TEXT_BLOCKS;
}

/** About two screens of text: what a long referat shows before its editor is ready, and keeps for its next open. */
const PREVIEW_LINES = 60;

export function previewLines(doc: Y.Doc): string[] {
  return bodyText(doc, PREVIEW_LINES).split('\n');
}
