// Writing only the changed block leaves Yjs exactly as y-prosemirror's whole-document diff does.
import { getSchema } from '@tiptap/core';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { ProsemirrorBinding, updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { randomBodyEdit } from '../testSupport/randomBodyEdit';
import { seededRandom } from '../testSupport/seededRandom';
import { referatExtensions } from './referatExtensions';
import { BindingMapping } from './bindingMapping';
import { updateChangedBlocks } from './updateChangedBlocks';

const schema: Schema = getSchema(referatExtensions(new Y.Doc().getXmlFragment('body')));
const n = schema.nodes;
const para = (s: string) => n.paragraph!.create(null, s ? schema.text(s) : null);
const start = () =>
  n.doc!.create(null, [
    para('Indledning'),
    n.agendaItem!.create({ id: 'a' }, [n.agendaTitle!.create(null, schema.text('Budget')), para('Første'), n.decision!.create(null, para('Besluttet'))]),
    n.agendaItem!.create({ id: 'b' }, [n.agendaTitle!.create(null), para('')]),
    para('Slut'),
  ]);

function replica(client: number, mapping: ProsemirrorBinding['mapping'] = new BindingMapping()) {
  const ydoc = new Y.Doc({ gc: false });
  ydoc.clientID = client;
  const fragment = ydoc.getXmlFragment('body');
  return { ydoc, fragment, binding: new ProsemirrorBinding(fragment, mapping) };
}

describe('updateChangedBlocks', () => {
  it.each([
    ['a reverse mapping', () => new BindingMapping()],
    ['a plain mapping (found by walking the items)', () => new Map()],
  ])('writes the same Yjs updates as the whole-document diff, edit after edit, with %s', (_name, mapping) => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const ours = replica(1, mapping());
      const theirs = replica(1, new Map());
      let doc: PMNode = start();
      updateChangedBlocks(ours.ydoc, ours.fragment, doc, ours.binding);
      updateYFragment(theirs.ydoc, theirs.fragment, doc, theirs.binding);
      for (let round = 0; round < 60; round++) {
        doc = randomBodyEdit(schema, doc, random, round);
        ours.ydoc.transact(() => updateChangedBlocks(ours.ydoc, ours.fragment, doc, ours.binding));
        theirs.ydoc.transact(() => updateYFragment(theirs.ydoc, theirs.fragment, doc, theirs.binding));
        expect(yXmlFragmentToProsemirrorJSON(ours.fragment)).toEqual(doc.toJSON());
        expect(Y.encodeStateAsUpdate(ours.ydoc)).toEqual(Y.encodeStateAsUpdate(theirs.ydoc));
      }
    }
  });

  it('falls back to the whole diff when Yjs no longer matches what was written', () => {
    const r = replica(1);
    let doc: PMNode = start();
    updateChangedBlocks(r.ydoc, r.fragment, doc, r.binding);
    // A peer's change the editor has not seen: the mapping no longer describes the fragment.
    r.binding.mapping.clear();
    doc = randomBodyEdit(schema, doc, seededRandom(4), 0);
    updateChangedBlocks(r.ydoc, r.fragment, doc, r.binding);
    expect(yXmlFragmentToProsemirrorJSON(r.fragment)).toEqual(doc.toJSON());
  });
});
