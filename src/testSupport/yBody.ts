// For unit tests of the body's history: Yjs peers that keep their history, and paragraphs of plain text.
import * as Y from 'yjs';

export function peer(client: number): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.clientID = client;
  return doc;
}

export const body = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment('body');

export function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** The text of the body's `i`-th paragraph. */
export const textAt = (doc: Y.Doc, i: number): Y.XmlText => (body(doc).get(i) as Y.XmlElement).get(0) as Y.XmlText;
