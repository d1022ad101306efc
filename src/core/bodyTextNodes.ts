// Every Y.XmlText of a referat's body in reading order: the text an exemption can be anchored in.
import * as Y from 'yjs';
import { bodyFragment } from './referatDoc';

export function bodyTextNodes(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(bodyFragment(doc));
  return out;
}

/** A text node's characters as the index counts them: an embed is one U+FFFC. */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '\uFFFC')).join('');
}
