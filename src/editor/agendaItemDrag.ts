// Drag and drop of agenda items by their handle: the mouse path beside the "Flyt op/ned" buttons (the keyboard
// path). It moves the item among its siblings in one transaction and never nests it inside another item.
import type { EditorView } from '@tiptap/pm/view';
import { AGENDA_ITEM } from '../core/bodyNodes';
import { moveAgendaItemToIndex } from './moveAgendaItem';

/** The drag data type, so drops of other things (text, files) are left to the editor. */
export const AGENDA_DRAG_TYPE = 'application/x-referat-agenda-item';

/** The agenda item being dragged in this page, by id; ids are unique within a referat. */
let dragged: { view: EditorView; id: string } | null = null;

export function isAgendaDrag(event: Event): boolean {
  return event instanceof DragEvent && dragged !== null && (event.dataTransfer?.types.includes(AGENDA_DRAG_TYPE) ?? false);
}

export function startAgendaDrag(event: DragEvent, view: EditorView, id: string, image: HTMLElement): void {
  if (!event.dataTransfer || id === '') return;
  dragged = { view, id };
  event.dataTransfer.setData(AGENDA_DRAG_TYPE, id);
  event.dataTransfer.effectAllowed = 'move';
  event.dataTransfer.setDragImage(image, 16, 16);
}

export function endAgendaDrag(): void {
  dragged = null;
}

/** Where the agenda item with `id` starts, searching the item's possible parents from the top. */
function findAgendaItem(view: EditorView, id: string): number | null {
  let found: number | null = null;
  view.state.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === AGENDA_ITEM && node.attrs.id === id) found = pos;
    return node.type.name !== AGENDA_ITEM;
  });
  return found;
}

/** Drops the dragged item before (or after) the agenda item at `targetPos`; true when it moved. */
export function dropAgendaItem(view: EditorView, targetPos: number, after: boolean): boolean {
  const source = dragged;
  dragged = null;
  if (!source || source.view !== view || !view.editable) return false;
  const from = findAgendaItem(view, source.id);
  if (from === null) return false;
  const $target = view.state.doc.resolve(targetPos);
  const $from = view.state.doc.resolve(from);
  // Only among the same siblings: a drop on an item elsewhere would nest it.
  if ($target.parent !== $from.parent) return false;
  const tr = view.state.tr;
  if (moveAgendaItemToIndex(tr, from, $target.index() + (after ? 1 : 0)) === null) return false;
  view.dispatch(tr);
  view.focus();
  return true;
}
