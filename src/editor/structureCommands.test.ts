// Inserting and moving structured blocks, and keeping their ids unique, on plain EditorStates (no DOM).
import { getSchema } from '@tiptap/core';
import { Fragment, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { EditorState, NodeSelection, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertBlock } from './insertBlock';
import { moveAgendaItemAt, moveAgendaItemToIndex, moveSelectedAgendaItem } from './moveAgendaItem';
import { referatExtensions } from './referatExtensions';
import { structureIdsIn, withFreshIds } from './structureIds';

const schema: Schema = getSchema(referatExtensions(new Y.Doc().getXmlFragment('body')));
const n = schema.nodes;
const text = (s: string) => schema.text(s);
const para = (s?: string) => n.paragraph!.create(null, s ? text(s) : null);
const item = (id: string, title: string, ...blocks: PMNode[]) =>
  n.agendaItem!.create({ id }, [n.agendaTitle!.create(null, title ? text(title) : null), ...(blocks.length ? blocks : [para()])]);

function stateAt(doc: PMNode, pos: number): EditorState {
  return EditorState.create({ doc, selection: TextSelection.create(doc, pos) });
}

/** Position inside the first textblock whose text is `s`, at its end. */
function endOf(doc: PMNode, s: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isTextblock && node.textContent === s) found = pos + 1 + node.content.size;
    return found < 0;
  });
  if (found < 0) throw new Error(`no block "${s}"`);
  return found;
}

const titles = (doc: PMNode) => {
  const out: string[] = [];
  doc.forEach((c) => out.push(c.type.name === 'agendaItem' ? c.firstChild!.textContent : `(${c.type.name})`));
  return out;
};

describe('structured block commands', () => {
  const doc = n.doc!.create(null, [item('a', 'Et', para('tekst')), item('b', 'To'), item('c', 'Tre')]);

  it('inserts an agenda item after the top-level block, caret in its empty title', () => {
    const state = stateAt(doc, endOf(doc, 'tekst'));
    const tr = state.tr;
    expect(insertBlock(tr, item('new', ''), 2, { topLevel: true, dispatch: true })).toBe(true);
    expect(titles(tr.doc)).toEqual(['Et', '', 'To', 'Tre']);
    expect(tr.selection.$from.parent.type.name).toBe('agendaTitle');
    expect(tr.doc.child(1).attrs.id).toBe('new');
  });

  it('replaces an empty paragraph with a decision, and puts one after a title otherwise', () => {
    const empty = n.doc!.create(null, [para('før'), para()]);
    const tr1 = stateAt(empty, endOf(empty, 'før') + 2).tr;
    insertBlock(tr1, n.decision!.create({ id: 'd' }, para()), 2, { dispatch: true });
    expect(tr1.doc.toJSON().content.map((c: { type: string }) => c.type)).toEqual(['paragraph', 'decision']);
    expect(tr1.selection.$from.node(1).type.name).toBe('decision');

    const tr2 = stateAt(doc, endOf(doc, 'To')).tr;
    insertBlock(tr2, n.actionItem!.create({ id: 'h' }), 1, { dispatch: true });
    const second = tr2.doc.child(1);
    expect([...Array(second.childCount).keys()].map((i) => second.child(i).type.name)).toEqual(['agendaTitle', 'actionItem', 'paragraph']);
    expect(tr2.selection.$from.parent.type.name).toBe('actionItem');
  });

  it('puts a decision typed inside a decision after it, not inside', () => {
    const d = n.doc!.create(null, [n.decision!.create({ id: 'd' }, para('x'))]);
    const tr = stateAt(d, endOf(d, 'x')).tr;
    insertBlock(tr, n.decision!.create({ id: 'e' }, para()), 2, { dispatch: true });
    expect(tr.doc.childCount).toBe(2);
    expect(tr.doc.child(1).attrs.id).toBe('e');
  });

  it('moves an agenda item up and down with the caret, and not past the ends', () => {
    const state = stateAt(doc, endOf(doc, 'To'));
    const down = state.tr;
    expect(moveSelectedAgendaItem(down, 1, true)).toBe(true);
    expect(titles(down.doc)).toEqual(['Et', 'Tre', 'To']);
    expect(down.selection.$from.parent.textContent).toBe('To');
    expect(down.selection.$from.parentOffset).toBe(2);
    expect(moveSelectedAgendaItem(down, 1, true)).toBe(false);
    const up = stateAt(doc, endOf(doc, 'To')).tr;
    expect(moveSelectedAgendaItem(up, -1, true)).toBe(true);
    expect(titles(up.doc)).toEqual(['To', 'Et', 'Tre']);
    expect(moveSelectedAgendaItem(up, -1, true)).toBe(false);
    expect(up.doc.child(0).attrs.id).toBe('b');
  });

  it('moves the item a button belongs to, keeping a node selection on it', () => {
    const state = EditorState.create({ doc, selection: NodeSelection.create(doc, 0) });
    const tr = state.tr;
    const newPos = moveAgendaItemAt(tr, 0, 1, true);
    expect(titles(tr.doc)).toEqual(['To', 'Et', 'Tre']);
    expect(newPos).toBe(doc.child(1).nodeSize);
    expect((tr.selection as NodeSelection).node.attrs.id).toBe('a');
    expect(moveAgendaItemAt(state.tr, 0, -1, true)).toBeNull();
  });

  it('gives pasted items a new id only when the referat already has theirs', () => {
    const taken = structureIdsIn(doc);
    expect([...taken].toSorted()).toEqual(['a', 'b', 'c']);
    const pasted = Fragment.fromArray([item('b', 'kopi', n.actionItem!.create({ id: 'h-9', owner: 'Bo' })), item('z', 'fremmed'), n.actionItem!.create({ id: '' })]);
    const fresh = withFreshIds(pasted, new Set(taken));
    const first = fresh.child(0);
    expect(first.attrs.id).not.toBe('b');
    expect(first.attrs.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.child(1).attrs).toMatchObject({ id: 'h-9', owner: 'Bo' });
    expect(fresh.child(1).attrs.id).toBe('z');
    expect(fresh.child(2).attrs.id).toMatch(/^[0-9a-f-]{36}$/);
    const untouched = Fragment.from(para('bare tekst'));
    expect(withFreshIds(untouched, new Set(taken))).toBe(untouched);
  });

  it('moves an agenda item to any place among its siblings (drag and drop), keeping its content', () => {
    const start = n.doc!.create(null, [item('a', 'A'), item('b', 'B', para('inde i B')), item('c', 'C'), para('efter')]);
    const posOf = (d: PMNode, id: string) => {
      let at = -1;
      d.forEach((c, offset) => { if (c.attrs.id === id) at = offset; });
      return at;
    };
    const moved = (id: string, target: number) => {
      const tr = EditorState.create({ doc: start }).tr;
      const to = moveAgendaItemToIndex(tr, posOf(start, id), target);
      return { to, doc: tr.doc, selected: tr.selection instanceof NodeSelection ? tr.selection.node.attrs.id : null };
    };
    expect(titles(moved('b', 0).doc)).toEqual(['B', 'A', 'C', '(paragraph)']);
    expect(titles(moved('a', 3).doc)).toEqual(['B', 'C', 'A', '(paragraph)']);
    expect(titles(moved('a', 4).doc)).toEqual(['B', 'C', '(paragraph)', 'A']);
    const toFirst = moved('c', 0);
    expect(toFirst.to).toBe(0);
    expect(toFirst.selected).toBe('c');
    expect(toFirst.doc.child(2).textContent).toBe('Binde i B');
    // Dropping on its own place, or just after itself, or out of range changes nothing.
    for (const target of [1, 2, -1, 5]) expect(moved('b', target).to).toBeNull();
  });
});

