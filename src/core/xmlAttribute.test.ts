import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFragment, newReferatDoc } from './referatDoc';
import { setXmlAttribute, xmlAttribute } from './xmlAttribute';

describe('xmlAttribute', () => {
  it('keeps a boolean or number attribute with its own type, also in a copy', () => {
    const doc = newReferatDoc();
    const el = new Y.XmlElement('heading');
    bodyFragment(doc).insert(0, [el]);
    setXmlAttribute(el, 'level', 2);
    setXmlAttribute(el, 'done', false);
    const copy = newReferatDoc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const read = bodyFragment(copy).get(0) as Y.XmlElement;
    expect([xmlAttribute(read, 'level'), xmlAttribute(read, 'done'), xmlAttribute(read, 'missing')]).toEqual([2, false, undefined]);
  });
});
