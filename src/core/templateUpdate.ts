// Seeds a template as a deterministic Yjs update: every peer that seeds the same template makes identical
// items (same client id, same clocks, same ids), so two fresh copies merge into one agenda, never two.
import * as Y from 'yjs';
import { AGENDA_ITEM, AGENDA_TITLE, PARAGRAPH } from './bodyNodes';
import { BODY } from './docLayout';
import type { Template } from './templates';

/** Client id reserved for template content; real clients are random 32-bit ids and may collide only by chance. */
export const TEMPLATE_CLIENT_ID = 0x5eed;

export function agendaItemElement(id: string, title: string): Y.XmlElement {
  const item = new Y.XmlElement(AGENDA_ITEM);
  item.setAttribute('id', id);
  item.setAttribute('caseNumber', '');
  item.setAttribute('kleCode', '');
  const heading = new Y.XmlElement(AGENDA_TITLE);
  heading.insert(0, [new Y.XmlText(title)]);
  item.insert(0, [heading, new Y.XmlElement(PARAGRAPH)]);
  return item;
}

export function templateUpdate(template: Template): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  doc.clientID = TEMPLATE_CLIENT_ID;
  const body = doc.getXmlFragment(BODY);
  doc.transact(() => {
    const nodes = template.agenda.map((title, i) => agendaItemElement(`${template.id}-${template.version}-${i + 1}`, title));
    body.insert(0, nodes.length > 0 ? nodes : [new Y.XmlElement(PARAGRAPH)]);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Applies the template's body to `doc`; applying it again, here or on a peer, changes nothing. */
export function seedTemplate(doc: Y.Doc, template: Template): void {
  Y.applyUpdate(doc, templateUpdate(template));
}
