import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidMetaValueError, isValidMetaValue, readMeta, setMetaField, setTitle, titleText } from './meta';
import { metaMap, newReferatDoc } from './referatDoc';

describe('meta', () => {
  it('reads a blank document as empty strings, draft and version 0', () => {
    const m = readMeta(newReferatDoc());
    expect(m.title).toBe('');
    expect(m.status).toBe('draft');
    expect(m.formatVersion).toBe(0);
  });

  it('ignores values of the wrong type written by a faulty peer', () => {
    const doc = newReferatDoc();
    metaMap(doc).set('date', 42);
    metaMap(doc).set('status', 'hacked');
    expect(readMeta(doc).date).toBe('');
    expect(readMeta(doc).status).toBe('draft');
  });

  it('validates dates and times and rejects bad values without changing anything', () => {
    const doc = newReferatDoc();
    setMetaField(doc, 'date', '2026-02-28');
    setMetaField(doc, 'startTime', '09:30');
    expect(() => setMetaField(doc, 'date', '2026-13-01')).toThrow(InvalidMetaValueError);
    expect(() => setMetaField(doc, 'startTime', '25:00')).toThrow(InvalidMetaValueError);
    expect(() => setMetaField(doc, 'location', 'x'.repeat(501))).toThrow(InvalidMetaValueError);
    expect(readMeta(doc).date).toBe('2026-02-28');
    expect(readMeta(doc).startTime).toBe('09:30');
    expect(isValidMetaValue('endTime', '')).toBe(true);
    expect(isValidMetaValue('location', 'Rådhuset, lokale 3')).toBe(true);
  });

  it('merges concurrent typing in the title from two peers', () => {
    const a = newReferatDoc();
    titleText(a).insert(0, 'Møde');
    const b = newReferatDoc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setTitle(a, 'Driftsmøde');
    setTitle(b, 'Møde om drift');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readMeta(a).title).toBe(readMeta(b).title);
    expect(readMeta(a).title).toBe('Driftsmøde om drift');
  });

  it('turns a title field change into the smallest edit', () => {
    const doc = newReferatDoc();
    setTitle(doc, 'Styregruppemøde');
    const t = titleText(doc);
    let delta: unknown = null;
    t.observe((e) => { delta = e.delta; });
    setTitle(doc, 'Styregruppemøde 2');
    expect(delta).toEqual([{ retain: 15 }, { insert: ' 2' }]);
  });

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
  ])('changes the title from %j to %j, also in a copy', (from, to) => {
    const doc = newReferatDoc();
    setTitle(doc, from);
    setTitle(doc, to);
    expect(readMeta(doc).title).toBe(to);
    const copy = newReferatDoc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readMeta(copy).title).toBe(to);
  });
});
