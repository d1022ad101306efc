// Writes an editor change into the Y.XmlFragment by descending to the one block that changed (see README.md).
import type { Node as PMNode } from '@tiptap/pm/model';
import { updateYFragment, type ProsemirrorBinding } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { boundChild } from './boundChild';

/** The one child of `next` that differs from `prev` (by identity, as ProseMirror shares unchanged nodes), if exactly one does. */
function onlyChangedChild(prev: PMNode, next: PMNode): number | null {
  // The child arrays themselves: Fragment.child(i) checks its bounds on every call, thousands of times per keystroke.
  const a = prev.content.content;
  const b = next.content.content;
  if (a.length !== b.length) return null;
  const count = b.length;
  let start = 0;
  while (start < count && a[start] === b[start]) start++;
  if (start === count) return null;
  let end = count;
  while (end > start + 1 && a[end - 1] === b[end - 1]) end--;
  return end === start + 1 ? start : null;
}

/**
 * y-prosemirror's `updateYFragment(doc, type, next, binding)`, with the same result: where `next` differs from the
 * node last written to `type` in exactly one child of unchanged markup, it recurses into that child alone, instead of
 * comparing every block of the referat on every keystroke.
 */
export function updateChangedBlocks(y: Y.Doc, type: Y.XmlFragment | Y.XmlElement, next: PMNode, binding: ProsemirrorBinding): void {
  const mapped = binding.mapping.get(type);
  if (mapped === next) return;
  const prev = mapped === undefined || Array.isArray(mapped) ? null : mapped;
  const sameMarkup = prev !== null && (type instanceof Y.XmlElement ? prev.sameMarkup(next) : prev.type === next.type);
  const index = prev && sameMarkup && !next.isTextblock ? onlyChangedChild(prev, next) : null;
  const yChild = prev && index !== null ? boundChild(type, index, prev.child(index), binding.mapping) : null;
  if (index === null || yChild === null || yChild.nodeName !== next.child(index).type.name) {
    updateYFragment(y, type, next, binding);
    return;
  }
  binding.mapping.set(type, next);
  updateChangedBlocks(y, yChild, next.child(index), binding);
}
