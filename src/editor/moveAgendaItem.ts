// Moves an agenda item one place up or down among its siblings, keeping the caret where it was inside it.
// Numbers follow by themselves: they are a CSS counter, never stored.
import type { ResolvedPos } from '@tiptap/pm/model';
import { NodeSelection, Selection, TextSelection, type Transaction } from '@tiptap/pm/state';
import { AGENDA_ITEM } from '../core/bodyNodes';

export type Direction = -1 | 1;

/** The position right before the agenda item that holds `$pos`, or null. */
export function agendaItemAround($pos: ResolvedPos): number | null {
  for (let d = $pos.depth; d >= 1; d--) if ($pos.node(d).type.name === AGENDA_ITEM) return $pos.before(d);
  const after = $pos.nodeAfter;
  return after && after.type.name === AGENDA_ITEM ? $pos.pos : null;
}

/**
 * Moves the agenda item starting at `itemPos` and returns where it starts now; null if it is already first (or
 * last) or is no agenda item. Without `dispatch` it only checks, and returns `itemPos`.
 */
export function moveAgendaItemAt(tr: Transaction, itemPos: number, dir: Direction, dispatch: boolean): number | null {
  const $item = tr.doc.resolve(itemPos);
  const item = $item.nodeAfter;
  if (!item || item.type.name !== AGENDA_ITEM) return null;
  const parent = $item.parent;
  const index = $item.index();
  const target = index + dir;
  if (target < 0 || target >= parent.childCount) return null;
  if (!dispatch) return itemPos;
  const sibling = parent.child(target);
  const end = itemPos + item.nodeSize;
  const sel = tr.selection;
  const inside = sel.from >= itemPos && sel.to <= end;
  const anchor = sel.anchor - itemPos;
  const head = sel.head - itemPos;
  const wasNode = sel instanceof NodeSelection && sel.from === itemPos;
  let newPos: number;
  if (dir === -1) {
    newPos = itemPos - sibling.nodeSize;
    tr.delete(itemPos, end).insert(newPos, item);
  } else {
    newPos = itemPos + sibling.nodeSize;
    tr.insert(end + sibling.nodeSize, item).delete(itemPos, end);
  }
  if (wasNode) tr.setSelection(NodeSelection.create(tr.doc, newPos));
  else if (inside && sel instanceof TextSelection) tr.setSelection(TextSelection.create(tr.doc, newPos + anchor, newPos + head));
  else if (inside) tr.setSelection(Selection.near(tr.doc.resolve(newPos + head)));
  tr.scrollIntoView();
  return newPos;
}

/** Moves the agenda item holding the selection. */
export function moveSelectedAgendaItem(tr: Transaction, dir: Direction, dispatch: boolean): boolean {
  const itemPos = agendaItemAround(tr.selection.$from);
  return itemPos !== null && moveAgendaItemAt(tr, itemPos, dir, dispatch) !== null;
}

/**
 * Moves the agenda item starting at `itemPos` so it stands before its parent's child number `targetIndex` (its
 * parent's child count: last). Returns where it starts now, or null when that leaves it where it is.
 */
export function moveAgendaItemToIndex(tr: Transaction, itemPos: number, targetIndex: number): number | null {
  const $item = tr.doc.resolve(itemPos);
  const item = $item.nodeAfter;
  if (!item || item.type.name !== AGENDA_ITEM) return null;
  const index = $item.index();
  if (targetIndex < 0 || targetIndex > $item.parent.childCount || targetIndex === index || targetIndex === index + 1) return null;
  const insertAt = $item.posAtIndex(targetIndex);
  tr.delete(itemPos, itemPos + item.nodeSize);
  const newPos = tr.mapping.map(insertAt);
  tr.insert(newPos, item);
  tr.setSelection(NodeSelection.create(tr.doc, newPos)).scrollIntoView();
  return newPos;
}
