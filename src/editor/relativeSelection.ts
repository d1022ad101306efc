// ProseMirror positions as Yjs relative positions without walking every block before them (see README.md).
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, getRelativeSelection, type ProsemirrorBinding } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { typeItem } from '../core/yjsInternals';
import { boundChild } from './boundChild';

type RelativeSelection = ReturnType<typeof getRelativeSelection>;
type Mapping = ProsemirrorBinding['mapping'];

/** Before the child `item` of `parent`, as y-prosemirror writes it. */
function beforeItem(parent: Y.XmlFragment | Y.XmlElement, item: Y.Item): Y.RelativePosition {
  const parentItem = typeItem(parent);
  if (parentItem === null) return new Y.RelativePosition(null, Y.findRootTypeKey(parent), item.id);
  return new Y.RelativePosition(Y.createID(parentItem.id.client, parentItem.id.clock), null, item.id);
}

/**
 * `pos` inside the content of `node`, which is bound to `type`: descends through the blocks by index (ProseMirror
 * and Yjs both keep the children in order) and leaves only the last block to y-prosemirror's walk.
 * Null when the two trees disagree here (Yjs changed and the editor has not caught up), for the caller to fall back.
 */
function within(pos: number, type: Y.XmlFragment | Y.XmlElement, node: PMNode, mapping: Mapping): Y.RelativePosition | null {
  if (node.isTextblock || pos <= 0 || pos >= node.content.size) return null;
  // The child holding pos, and where it starts (ProseMirror's own Fragment.findIndex is not public).
  let index = 0;
  let offset = 0;
  for (; index < node.childCount; index++) {
    const end = offset + node.child(index).nodeSize;
    if (end > pos) break;
    offset = end;
  }
  const child = node.maybeChild(index);
  const yChild = child ? boundChild(type, index, child, mapping) : null;
  const childItem = yChild ? typeItem(yChild) : null;
  if (!child || !yChild || childItem === null) return null;
  const inner = pos - offset;
  if (inner === 0) return beforeItem(type, childItem);
  if (!child.isTextblock) {
    const deeper = within(inner - 1, yChild, child, mapping);
    if (deeper) return deeper;
  }
  // y-prosemirror's own walk, from the start of this block only.
  return inner - 1 === 0 ? Y.createRelativePositionFromTypeIndex(yChild, 0, -1) : absolutePositionToRelativePosition(inner - 1, yChild, mapping);
}

/** The same position y-prosemirror's `absolutePositionToRelativePosition(pos, binding.type, binding.mapping)` resolves to. */
export function relativePosition(pos: number, binding: ProsemirrorBinding, doc: PMNode): Y.RelativePosition {
  return within(pos, binding.type, doc, binding.mapping) ?? absolutePositionToRelativePosition(pos, binding.type, binding.mapping);
}

/** y-prosemirror's `getRelativeSelection`, with positions found by `relativePosition`. */
export function relativeSelection(binding: ProsemirrorBinding, state: EditorState): RelativeSelection {
  const selection = state.selection as EditorState['selection'] & { jsonID?: string; depth?: number };
  const type = selection.jsonID;
  const anchor = relativePosition(selection.anchor, binding, state.doc);
  return {
    type,
    depth: type === 'nodeRange' ? selection.depth : undefined,
    anchor,
    head: selection.head === selection.anchor ? anchor : relativePosition(selection.head, binding, state.doc),
    absAnchor: selection.anchor,
    absHead: selection.head,
  };
}
