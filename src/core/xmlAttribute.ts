// Typed access to body element attributes that are not strings: y-prosemirror stores a node's attributes with their
// JSON types (an action item's `done: true`, a heading's `level: 2`), while Yjs types XML attributes as strings.
import type * as Y from 'yjs';

/** The attribute values the editor's schema writes. */
export type XmlAttributeValue = string | number | boolean;

/** An attribute as stored, of whatever type: readers check it, since any peer may have written anything. */
export function xmlAttribute(el: Y.XmlElement, key: string): unknown {
  return el.getAttribute(key);
}

/** Writes an attribute with its own type, as the editor does. */
export function setXmlAttribute(el: Y.XmlElement, key: string, value: XmlAttributeValue): void {
  (el as Y.XmlElement<Record<string, XmlAttributeValue>>).setAttribute(key, value);
}
