// The shortcut to Yjs positions lands every ProseMirror position where y-prosemirror's full walk lands it.
import { getSchema } from '@tiptap/core';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, ProsemirrorBinding, relativePositionToAbsolutePosition, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { randomBodyEdit } from '../testSupport/randomBodyEdit';
import { seededRandom } from '../testSupport/seededRandom';
import { referatExtensions } from './referatExtensions';
import { BindingMapping } from './bindingMapping';
import { relativePosition, relativeSelection } from './relativeSelection';

const schema: Schema = getSchema(referatExtensions(new Y.Doc().getXmlFragment('body')));
const n = schema.nodes;
const para = (s: string) => n.paragraph!.create(null, s ? schema.text(s) : null);
const item = (id: string, title: string, ...blocks: PMNode[]) =>
  n.agendaItem!.create({ id }, [n.agendaTitle!.create(null, title ? schema.text(title) : null), ...blocks]);

function bound(doc: PMNode) {
  const ydoc = new Y.Doc({ gc: false });
  const fragment = ydoc.getXmlFragment('body');
  const binding = new ProsemirrorBinding(fragment, new BindingMapping());
  updateYFragment(ydoc, fragment, doc, binding);
  return { ydoc, fragment, binding };
}

/** Every position of `doc`, resolved back through Yjs, by both routes. */
function resolvedBoth(doc: PMNode, b: ReturnType<typeof bound>) {
  const ours: (number | null)[] = [];
  const theirs: (number | null)[] = [];
  for (let pos = 0; pos <= doc.content.size; pos++) {
    ours.push(relativePositionToAbsolutePosition(b.ydoc, b.fragment, relativePosition(pos, b.binding, doc), b.binding.mapping));
    theirs.push(relativePositionToAbsolutePosition(b.ydoc, b.fragment, absolutePositionToRelativePosition(pos, b.fragment, b.binding.mapping), b.binding.mapping));
  }
  return { ours, theirs };
}

const sample = () =>
  n.doc!.create(null, [
    n.heading!.create({ level: 2 }, schema.text('Møde')),
    para('Indledning'),
    para(''),
    item('a', 'Budget', para('Første'), n.decision!.create(null, para('Besluttet')), n.actionItem!.create({ id: 'x', owner: 'Åse' }, para('Gør det'))),
    item('b', '', para('')),
    n.bulletList!.create(null, [n.listItem!.create(null, para('punkt')), n.listItem!.create(null, para(''))]),
    para('Slut'),
  ]);

describe('relativePosition', () => {
  it('resolves every position of a structured referat to the same place as the full walk', () => {
    const doc = sample();
    const b = bound(doc);
    const { ours, theirs } = resolvedBoth(doc, b);
    expect(ours).toEqual(theirs);
    expect(ours.filter((p) => p === null)).toEqual([]);
  });

  it('still agrees after random edits that leave deleted blocks in the history', () => {
    const random = seededRandom(7);
    let doc = sample();
    const b = bound(doc);
    for (let round = 0; round < 40; round++) {
      doc = randomBodyEdit(schema, doc, random, round);
      updateYFragment(b.ydoc, b.fragment, doc, b.binding);
      const { ours, theirs } = resolvedBoth(doc, b);
      expect(ours).toEqual(theirs);
    }
  });

  it('anchors a position in its own block when blocks before it were removed in Yjs', () => {
    const doc = sample();
    const b = bound(doc);
    const removed = doc.child(0).nodeSize + doc.child(1).nodeSize;
    const pos = doc.content.size - 3;
    const rel = relativePosition(pos, b.binding, doc);
    b.fragment.delete(0, 2);
    expect(relativePositionToAbsolutePosition(b.ydoc, b.fragment, rel, b.binding.mapping)).toBe(pos - removed);
  });

  it('finds blocks by walking Yjs when the mapping cannot answer the other way round', () => {
    const doc = sample();
    const ydoc = new Y.Doc({ gc: false });
    const fragment = ydoc.getXmlFragment('body');
    const binding = new ProsemirrorBinding(fragment);
    updateYFragment(ydoc, fragment, doc, binding);
    const { ours, theirs } = resolvedBoth(doc, { ydoc, fragment, binding });
    expect(ours).toEqual(theirs);
  });

  it('gives the selection as y-prosemirror stores it, positions included', () => {
    const doc = sample();
    const b = bound(doc);
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, 20, 30) });
    const sel = relativeSelection(b.binding, state);
    expect(sel).toMatchObject({ type: 'text', absAnchor: 20, absHead: 30 });
    expect(relativePositionToAbsolutePosition(b.ydoc, b.fragment, sel.anchor, b.binding.mapping)).toBe(20);
    expect(relativePositionToAbsolutePosition(b.ydoc, b.fragment, sel.head, b.binding.mapping)).toBe(30);
  });
});
