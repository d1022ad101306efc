// Builds an action item as a Y.XmlElement in the body layout (docs/FORMAT.md), for carrying items forward.
import * as Y from 'yjs';
import { ACTION_ITEM, type ActionItemAttrs } from './bodyNodes';
import { setXmlAttribute } from './xmlAttribute';

export function actionItemElement(attrs: ActionItemAttrs, text: string): Y.XmlElement {
  const el = new Y.XmlElement(ACTION_ITEM);
  el.setAttribute('id', attrs.id);
  el.setAttribute('owner', attrs.owner);
  el.setAttribute('ownerOrganisation', attrs.ownerOrganisation);
  el.setAttribute('due', attrs.due);
  setXmlAttribute(el, 'done', attrs.done);
  el.setAttribute('originDoc', attrs.originDoc);
  el.setAttribute('originItem', attrs.originItem);
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}
