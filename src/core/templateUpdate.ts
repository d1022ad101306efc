// Seeds a template as a deterministic Yjs update: every peer that seeds the same template makes identical
// items (same client id, same clocks), so two fresh copies merge into one agenda, never two.
import * as Y from 'yjs';
import { BODY } from './docLayout';
import type { Template } from './templates';

/** Client id reserved for template content; real clients are random 32-bit ids and may collide only by chance. */
export const TEMPLATE_CLIENT_ID = 0x5eed;

export function templateUpdate(template: Template): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  doc.clientID = TEMPLATE_CLIENT_ID;
  const body = doc.getXmlFragment(BODY);
  doc.transact(() => {
    const nodes: Y.XmlElement[] = [];
    for (const item of template.agenda) {
      // y-prosemirror stores node attributes with their JSON types: the heading level is a number.
      const heading = new Y.XmlElement<{ level: number }>('heading');
      heading.setAttribute('level', 2);
      heading.insert(0, [new Y.XmlText(item)]);
      nodes.push(heading as unknown as Y.XmlElement, new Y.XmlElement('paragraph'));
    }
    body.insert(0, nodes);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Applies the template's body to `doc`; applying it again, here or on a peer, changes nothing. */
export function seedTemplate(doc: Y.Doc, template: Template): void {
  Y.applyUpdate(doc, templateUpdate(template));
}
