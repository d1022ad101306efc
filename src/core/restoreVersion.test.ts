import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, paragraph, peer, textAt } from '../testSupport/yBody';
import { restoreVersion } from './restoreVersion';
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('restore a version', () => {
  it('brings back the text, blocks, formatting and fields of the version as a new edit, keeping the history', () => {
    const doc = peer(1);
    const item = new Y.XmlElement('actionItem');
    item.setAttribute('owner', 'Bo Lund');
    item.setAttribute('due', '2026-03-15');
    item.insert(0, [new Y.XmlText('Send logfiler')]);
    body(doc).insert(0, [paragraph('Budgettet godkendes.'), paragraph('Punkt to'), item]);
    textAt(doc, 0).format(0, 9, { bold: true });
    const version = Y.snapshot(doc);
    const atVersion = body(doc).toString();
    // Later edits: text changed, a block deleted, a block added, a field changed, formatting removed.
    textAt(doc, 0).delete(0, 10);
    textAt(doc, 0).insert(0, 'Intet ');
    body(doc).delete(1, 1);
    body(doc).insert(1, [paragraph('Nyt afsnit')]);
    (body(doc).get(2) as Y.XmlElement).setAttribute('due', '2026-04-01');
    (body(doc).get(2) as Y.XmlElement).removeAttribute('owner');
    const before = Y.encodeStateVector(doc);
    restoreVersion(body(doc), version);
    expect(body(doc).toString()).toBe(atVersion);
    // An edit on top: the state moved on, and the later text is still in the history.
    expect(Y.encodeStateVector(doc)).not.toEqual(before);
    const later = Y.createDocFromSnapshot(doc, Y.snapshot(doc));
    expect(later.getXmlFragment('body').toString()).toBe(atVersion);
  });

  it('merges with an edit made concurrently on another copy', () => {
    const a = peer(1);
    const b = peer(2);
    body(a).insert(0, [paragraph('Første udkast'), paragraph('Andet afsnit')]);
    sync(a, b);
    const version = Y.snapshot(a);
    textAt(a, 0).insert(0, 'Rettet: ');
    sync(a, b);
    // a restores the version while b, unaware, adds to the second paragraph.
    restoreVersion(body(a), version);
    textAt(b, 1).insert(12, ' med tilføjelse');
    sync(a, b);
    expect(body(a).toString()).toBe(body(b).toString());
    const text = body(a).toString();
    expect(text).toContain('Første udkast');
    expect(text).not.toContain('Rettet: ');
    expect(text).toContain('Andet afsnit med tilføjelse');
  });

  it('restores again to undo a restore', () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Version A')]);
    const a = Y.snapshot(doc);
    textAt(doc, 0).insert(9, ' og B');
    const b = Y.snapshot(doc);
    restoreVersion(body(doc), a);
    expect(body(doc).toString()).toBe('<paragraph>Version A</paragraph>');
    restoreVersion(body(doc), b);
    expect(body(doc).toString()).toBe('<paragraph>Version A og B</paragraph>');
  });
});
