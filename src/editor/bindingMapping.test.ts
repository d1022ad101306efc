// The reverse lookup answers only when exactly one Yjs type holds the node now.
import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BindingMapping } from './bindingMapping';
import { referatExtensions } from './referatExtensions';

const schema = getSchema(referatExtensions(new Y.Doc().getXmlFragment('body')));

describe('BindingMapping', () => {
  const doc = new Y.Doc();
  const [a, b] = [new Y.XmlElement('paragraph'), new Y.XmlElement('paragraph')];
  doc.getXmlFragment('body').insert(0, [a, b]);
  const p = schema.nodes.paragraph!.create(null, schema.text('a'));
  const q = schema.nodes.paragraph!.create(null, schema.text('b'));

  it('finds the type a node was written in, and forgets it when the type gets another node', () => {
    const m = BindingMapping.from([[a, p]]);
    expect(m.typeOf(p)).toBe(a);
    m.set(a, q);
    expect(m.typeOf(p)).toBeNull();
    expect(m.typeOf(q)).toBe(a);
  });

  it('gives no answer for a node two types were written with, nor after clear', () => {
    const m = new BindingMapping();
    m.set(a, p).set(b, p);
    expect(m.typeOf(p)).toBeNull();
    m.set(b, q);
    expect(m.typeOf(q)).toBe(b);
    m.clear();
    expect(m.typeOf(q)).toBeNull();
    expect(m.size).toBe(0);
  });
});
