// Plain text of a referat's body, one line per block, for the library index and search.
import * as Y from 'yjs';
import { bodyFragment } from './referatDoc';

function plain(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
}

function collect(node: Y.XmlElement | Y.XmlFragment, lines: string[], max: number): void {
  let inline = '';
  for (const child of node.toArray()) {
    if (lines.length >= max) return;
    if (child instanceof Y.XmlText) inline += plain(child);
    else if (child instanceof Y.XmlElement) {
      if (inline) lines.push(inline);
      inline = '';
      collect(child, lines, max);
    }
  }
  if (inline) lines.push(inline);
}

/** The body's text, one line per block; with `maxLines`, only the first lines (read no further). */
export function bodyText(doc: Y.Doc, maxLines = Number.POSITIVE_INFINITY): string {
  const lines: string[] = [];
  collect(bodyFragment(doc), lines, maxLines);
  return lines.slice(0, maxLines).join('\n');
}
