// Puts a new block next to the selection: in place of an empty paragraph, else after the nearest block
// whose parent accepts it. Then places the caret `caretOffset` positions into the new block.
import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';
import { NodeSelection, TextSelection, type Transaction } from '@tiptap/pm/state';

function insertionPoint($from: ResolvedPos, node: PMNode, topLevel: boolean): { from: number; to: number } | null {
  const minDepth = topLevel ? Math.min($from.depth, 1) : 0;
  // In place of an empty paragraph the caret is in, when its parent takes the new block there.
  const para = $from.parent;
  if (para.type.name === 'paragraph' && para.content.size === 0 && $from.depth >= 1 && (!topLevel || $from.depth === 1)) {
    const parent = $from.node($from.depth - 1);
    const index = $from.index($from.depth - 1);
    if (parent.canReplaceWith(index, index + 1, node.type)) return { from: $from.before(), to: $from.after() };
  }
  // Between blocks (gap cursor, node selection): right here if allowed.
  if (!para.isTextblock && (!topLevel || $from.depth === 0)) {
    if (para.canReplaceWith($from.index(), $from.index(), node.type)) return { from: $from.pos, to: $from.pos };
  }
  const start = topLevel ? minDepth : $from.depth;
  for (let d = start; d >= 1; d--) {
    const parent = $from.node(d - 1);
    const index = $from.indexAfter(d - 1);
    if (parent.canReplaceWith(index, index, node.type)) {
      const pos = $from.after(d);
      return { from: pos, to: pos };
    }
  }
  return null;
}

/** Inserts `node` near the selection of `tr`; returns false (changing nothing) if it fits nowhere. */
export function insertBlock(tr: Transaction, node: PMNode, caretOffset: number, options: { topLevel?: boolean; dispatch: boolean }): boolean {
  const sel = tr.selection;
  const $from = sel instanceof NodeSelection ? tr.doc.resolve(sel.to) : sel.$from;
  const at = insertionPoint($from, node, options.topLevel === true);
  if (!at) return false;
  if (!options.dispatch) return true;
  tr.replaceWith(at.from, at.to, node);
  tr.setSelection(TextSelection.create(tr.doc, at.from + caretOffset)).scrollIntoView();
  return true;
}
