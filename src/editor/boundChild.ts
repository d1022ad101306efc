// The Yjs element a block of the editor is written in, found without Yjs's index walk (it copies every item's content).
import type { Node as PMNode } from '@tiptap/pm/model';
import type { ProsemirrorBinding } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { firstItem, typeItem } from '../core/yjsInternals';
import { BindingMapping } from './bindingMapping';

/** The live element of `parent` at `index` that is bound to `node`, or null when there is none. */
export function boundChild(parent: Y.XmlFragment | Y.XmlElement, index: number, node: PMNode, mapping: ProsemirrorBinding['mapping']): Y.XmlElement | null {
  const known = mapping instanceof BindingMapping ? mapping.typeOf(node) : null;
  const knownItem = known instanceof Y.XmlElement ? typeItem(known) : null;
  if (known instanceof Y.XmlElement && known.parent === parent && knownItem !== null && !knownItem.deleted) return known;
  let left = index;
  for (let item = firstItem(parent); item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (left === 0) {
      const type = item.content instanceof Y.ContentType ? item.content.type : null;
      return type instanceof Y.XmlElement && mapping.get(type) === node ? type : null;
    }
    left -= 1;
  }
  return null;
}
