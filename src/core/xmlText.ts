// Plain text of a Y.XmlElement or Y.XmlText subtree, without formatting.
import * as Y from 'yjs';

export function xmlPlainText(node: Y.XmlElement | Y.XmlText | Y.XmlFragment): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
  }
  return node
    .toArray()
    .map((c) => (c instanceof Y.XmlText || c instanceof Y.XmlElement ? xmlPlainText(c) : ''))
    .join(node instanceof Y.XmlElement && node.nodeName !== 'paragraph' ? ' ' : '')
    .trim();
}
