import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFragment, newReferatDoc } from '../../core/referatDoc';
import type { ElementDiff, TextDiff } from '../../core/versionDiff';
import { versionChanges, versionContent } from './useVersionsCompare';

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}
const textAt = (doc: Y.Doc, i: number) => (bodyFragment(doc).get(i) as Y.XmlElement).get(0) as Y.XmlText;
const runs = (nodes: ReadonlyArray<ElementDiff | TextDiff> | null): string[] =>
  (nodes ?? []).flatMap((n) => (n.kind === 'text' ? [n.runs.map((r) => (r.change === 'same' ? r.text : `[${r.change}]${r.text}`)).join('')] : runs(n.children)));

describe('showing versions', () => {
  it('shows a version as it was and the changes since, writing nothing to the document', () => {
    const doc = newReferatDoc();
    bodyFragment(doc).insert(0, [paragraph('Budgettet godkendes.')]);
    const v1 = Y.snapshot(doc);
    textAt(doc, 0).delete(0, 10);
    textAt(doc, 0).insert(0, 'Driften ');
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const state = Y.encodeStateAsUpdate(doc);
    const vector = Y.encodeStateVector(doc);

    expect(runs(versionContent(doc, v1))).toEqual(['Budgettet godkendes.']);
    expect(runs(versionChanges(doc, new Map(), v1, Y.snapshot(doc)))).toEqual(['[deleted]Budgettet [inserted]Driften godkendes.']);
    expect(updates).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(vector);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('shows nothing of a version this copy does not fully hold', () => {
    const full = newReferatDoc();
    bodyFragment(full).insert(0, [paragraph('Første udkast')]);
    const partial = newReferatDoc();
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(full));
    textAt(full, 0).insert(0, 'Andet ');
    const later = Y.snapshot(full);
    expect(versionContent(partial, later)).toBeNull();
    expect(versionChanges(partial, new Map(), Y.snapshot(partial), later)).toBeNull();
    expect(runs(versionContent(partial, Y.snapshot(partial)))).toEqual(['Første udkast']);
  });
});
