import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { copiesDiverge, copyState } from './divergence';
import { initReferat } from './initReferat';
import { setTitle } from './meta';
import { bodyFragment, newReferatDoc } from './referatDoc';
import { STANDARD_TEMPLATE } from './templates';

function created(): Y.Doc {
  const doc = newReferatDoc();
  doc.clientID = 1;
  initReferat(doc, {
    id: '6f1c2b1e-0000-4000-8000-000000000001',
    title: 'Styregruppemøde',
    date: '2026-03-04',
    createdAt: '2026-03-04T10:00:00Z',
    template: STANDARD_TEMPLATE,
    creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' },
  });
  return doc;
}

function copyOf(doc: Y.Doc, clientId: number): Y.Doc {
  const copy = newReferatDoc();
  copy.clientID = clientId;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function appendParagraph(doc: Y.Doc, text: string): Y.XmlText {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  bodyFragment(doc).push([p]);
  t.insert(0, text);
  return t;
}

describe('copiesDiverge', () => {
  it('is false for two copies holding the same changes, however the updates travelled', () => {
    const a = created();
    const text = appendParagraph(a, 'Status: alt kører');
    text.delete(0, 8);
    text.delete(2, 3);
    // B receives the changes one at a time, merged differently from how A made them.
    const b = newReferatDoc();
    b.clientID = 2;
    const steps: Uint8Array[] = [];
    const c = created();
    c.on('update', (u: Uint8Array) => steps.push(u));
    const t2 = appendParagraph(c, 'Status: alt kører');
    t2.delete(0, 8);
    t2.delete(2, 3);
    for (const u of steps.toReversed()) Y.applyUpdate(b, u);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(c));
    expect(copiesDiverge(copyState(c), copyState(b))).toBe(false);
    expect(copyState(c)).toEqual(copyState(b));
    expect(copyState(a)).toEqual(copyState(c));
  });

  it('is false while a deletion is still on its way (the state vectors are equal, the deletions are not)', () => {
    const a = created();
    const text = appendParagraph(a, 'Eventuelt: intet');
    const b = copyOf(a, 2);
    setTitle(a, 'Styregruppemøde juni');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // A deletes a word; B has not received it yet.
    text.delete(10, 6);
    const mine = copyState(a);
    const theirs = copyState(b);
    expect(mine.stateVector).toBe(theirs.stateVector);
    expect(mine.contentHash).not.toBe(theirs.contentHash);
    expect(copiesDiverge(mine, theirs)).toBe(false);
  });

  it('is true when items were written under the same client id with different content', () => {
    const a = created();
    const b = copyOf(a, 2);
    b.clientID = 1;
    // A forged file or peer writes under the client id A uses: both hold "client 1, clock n", with other text.
    appendParagraph(a, 'Kommunen betaler');
    appendParagraph(b, 'Firmaet betaler!'); // as long as A's text, so the clocks match
    const mine = copyState(a);
    const theirs = copyState(b);
    expect(mine.stateVector).toBe(theirs.stateVector);
    expect(copiesDiverge(mine, theirs)).toBe(true);
    expect(copiesDiverge(theirs, mine)).toBe(true);
  });

  it('is false when the other side holds other changes, or announced no hash or a malformed state vector', () => {
    const a = created();
    const b = copyOf(a, 2);
    appendParagraph(b, 'Ny tekst');
    expect(copiesDiverge(copyState(a), copyState(b))).toBe(false);
    const mine = copyState(a);
    expect(copiesDiverge(mine, { ...mine, contentHash: '' })).toBe(false);
    expect(copiesDiverge(mine, { ...mine, deleteSetHash: '' })).toBe(false);
    expect(copiesDiverge(mine, { ...mine, stateVector: '!!', contentHash: 'f'.repeat(64) })).toBe(false);
    expect(copiesDiverge(mine, { ...mine, stateVector: 'AAAA', contentHash: 'f'.repeat(64) })).toBe(false);
  });
});
