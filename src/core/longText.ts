// When a referat's text counts as long: the page then paints a preview of it first, before building the editor.
import * as Y from 'yjs';
import { bodyText } from './bodyText';
import { bodyFragment } from './referatDoc';

/** Above this many top-level blocks (about 15 pages) building the editor starts to show. */
export const LONG_TEXT_BLOCKS = 300;
/** Above this many characters (about 15 pages of minutes) laying the text out starts to show, even in few blocks. */
export const LONG_TEXT_CHARACTERS = 40_000;

/** The characters of `node`'s text, counted until they pass `limit` (a long text is not read to its end). */
function characters(node: Y.XmlFragment | Y.XmlElement, limit: number): number {
  let n = 0;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) n += child.length;
    else if (child instanceof Y.XmlElement) n += characters(child, limit - n);
    if (n > limit) break;
  }
  return n;
}

export function isLongText(doc: Y.Doc): boolean {
  const body = bodyFragment(doc);
  return body.length > LONG_TEXT_BLOCKS || characters(body, LONG_TEXT_CHARACTERS) > LONG_TEXT_CHARACTERS;
}

/** About two screens of text: what a long referat shows before its editor is ready, and keeps for its next open. */
const PREVIEW_LINES = 60;
/** The same in characters, for a text whose blocks are very long. */
const PREVIEW_CHARACTERS = 8_000;

export function previewLines(doc: Y.Doc): string[] {
  const lines: string[] = [];
  let left = PREVIEW_CHARACTERS;
  for (const line of bodyText(doc, PREVIEW_LINES).split('\n')) {
    if (left <= 0) break;
    lines.push(line.length > left ? `${line.slice(0, left)}…` : line);
    left -= line.length;
  }
  return lines;
}
