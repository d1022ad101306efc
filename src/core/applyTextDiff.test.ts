import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextDiff } from './applyTextDiff';

describe('applyTextDiff', () => {
  it.each([
    ['', 'abc'],
    ['abc', ''],
    ['Møde', 'Mødet'],
    ['aaa', 'aa'],
    ['Referat af mødet', 'Referat af det gode møde'],
    ['æøå', 'æå'],
    ['😀😁', '😁'],
    ['a😀', 'a😁'],
    ['😀', '😀😀'],
    ['x👍🏽y', 'x👍🏿y'],
  ])('turns %j into %j', (from, to) => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, from);
    applyTextDiff(text, to);
    expect(text.toString()).toBe(to);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getText('t').toString()).toBe(to);
  });
});
