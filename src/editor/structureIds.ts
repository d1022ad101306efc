// Keeps the ids of agenda items, decisions and action items present and unique within one referat.
// Pasted items keep their id unless this referat already has it; a split or id-less item gets a new one.
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform';
import { ACTION_ITEM, AGENDA_ITEM, DECISION } from '../core/bodyNodes';
import { isSyncChange } from './yTiptapInternals';

export const STRUCTURED_NODES: ReadonlySet<string> = new Set([AGENDA_ITEM, DECISION, ACTION_ITEM]);

export function newStructureId(): string {
  return globalThis.crypto.randomUUID();
}

function idOf(node: PMNode): string {
  const id: unknown = node.attrs.id;
  return typeof id === 'string' ? id : '';
}

/** Every structured node's id in `doc`. */
export function structureIdsIn(doc: PMNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (STRUCTURED_NODES.has(node.type.name) && idOf(node)) ids.add(idOf(node));
    return !node.isTextblock;
  });
  return ids;
}

/** `fragment` with a fresh id on each structured node whose id is empty or in `taken`; adds the ids it keeps to `taken`. */
export function withFreshIds(fragment: Fragment, taken: Set<string>): Fragment {
  let changed = false;
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    let next = node;
    if (STRUCTURED_NODES.has(node.type.name)) {
      const id = idOf(node);
      if (!id || taken.has(id)) next = node.type.create({ ...node.attrs, id: newStructureId() }, node.content, node.marks);
      taken.add(idOf(next));
    }
    if (!next.isTextblock && next.childCount > 0) {
      const content = withFreshIds(next.content, taken);
      if (content !== next.content) next = next.copy(content);
    }
    if (next !== node) changed = true;
    nodes.push(next);
  });
  return changed ? Fragment.fromArray(nodes) : fragment;
}

/** Whether every step only edits text inside one textblock (typing, deleting characters, marks): no id can change. */
function textOnly(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
    if (!(step instanceof ReplaceStep)) return false;
    const doc = tr.docs[i];
    if (!doc) return false;
    const $from = doc.resolve(step.from);
    let inline = true;
    step.slice.content.forEach((node) => {
      inline &&= node.isInline;
    });
    return inline && step.slice.openStart === 0 && step.slice.openEnd === 0 && $from.parent.isTextblock && step.to <= $from.end();
  });
}

function isRemote(tr: Transaction): boolean {
  return isSyncChange(tr);
}

const key = new PluginKey('referatStructureIds');

export const StructureIds = Extension.create({
  name: 'structureIds',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        props: {
          // Paste and drop: an item copied within this referat gets a new id; one moved by dragging keeps its own.
          transformPasted(slice, view) {
            if (view.dragging?.move) return slice;
            const content = withFreshIds(slice.content, structureIdsIn(view.state.doc));
            return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd);
          },
        },
        // Local edits only: a remote change is the peer's to fix, and fixing it here too would fight it.
        appendTransaction(transactions, _old, state) {
          if (!transactions.some((tr) => tr.docChanged) || transactions.some(isRemote) || transactions.every(textOnly)) return null;
          const seen = new Set<string>();
          const fix: Array<{ pos: number; node: PMNode }> = [];
          state.doc.descendants((node, pos) => {
            if (STRUCTURED_NODES.has(node.type.name)) {
              const id = idOf(node);
              if (!id || seen.has(id)) fix.push({ pos, node });
              else seen.add(id);
            }
            return !node.isTextblock;
          });
          if (fix.length === 0) return null;
          const tr = state.tr;
          for (const { pos, node } of fix) tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: newStructureId() });
          return tr;
        },
      }),
    ];
  },
});
