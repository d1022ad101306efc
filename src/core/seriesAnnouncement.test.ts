import { describe, expect, it } from 'vitest';
import { MAX_SERIES_REFERATER, MAX_SERIES_TITLE, parseSeriesAnnouncement, seriesAnnouncement } from './seriesAnnouncement';

const ID1 = '0b7c2f7e-3d4b-4f43-9a51-5a6f2c1d9e10';
const ID2 = '6f1c2b1e-0000-4000-8000-000000000001';
const id = (n: number) => `6f1c2b1e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ok = { docId: ID1, title: 'Styregruppemøde 12', date: '2027-01-10' };
const parse = (series: unknown) => parseSeriesAnnouncement({ series });

describe('lobby announcements', () => {
  it('reads a well-formed announcement', () => {
    expect(parse([ok, { docId: ID2, title: '', date: '' }])).toEqual([ok, { docId: ID2, title: '', date: '' }]);
  });

  it.each([
    ['no state', undefined],
    ['a string', 'Styregruppemøde'],
    ['an object instead of a list', { [ID1]: ok }],
    ['an empty list', []],
    ['only entries that are not objects', [null, 1, 'x', [ok]]],
  ])('ignores %s', (_what, series) => {
    expect(parse(series)).toBeNull();
  });

  it('ignores a whole announcement with more entries than the cap, however valid they are', () => {
    const many = Array.from({ length: MAX_SERIES_REFERATER + 1 }, (_, i) => ({ docId: id(i), title: `Møde ${i}`, date: '2027-01-10' }));
    expect(parse(many)).toBeNull();
    expect(parse(many.slice(0, MAX_SERIES_REFERATER))).toHaveLength(MAX_SERIES_REFERATER);
  });

  it.each([
    ['a referat id that is a path', { ...ok, docId: '../../join#doc=x' }],
    ['a referat id with an invitation in it', { ...ok, docId: `${ID1}&room=abcdefghijklmnop&key=x` }],
    ['an id that is a number', { ...ok, docId: 42 }],
    ['a title over the limit', { ...ok, title: 'x'.repeat(MAX_SERIES_TITLE + 1) }],
    ['a title that is not text', { ...ok, title: { toString: 'Styregruppemøde' } }],
    ['a title with a right-to-left override', { ...ok, title: 'Styregruppe\u202Eetøm' }],
    ['a title with a line break', { ...ok, title: 'Styregruppemøde\n(delt af Borgmesteren)' }],
    ['a date that does not exist', { ...ok, date: '2027-02-30' }],
    ['a date in another form', { ...ok, date: '10/01/2027' }],
    ['a date as a number', { ...ok, date: 1_800_000_000_000 }],
    ['a missing date', { docId: ID1, title: 'Styregruppemøde 12' }],
  ])('leaves out an entry with %s, keeping the others', (_what, bad) => {
    expect(parse([bad, { ...ok, docId: ID2 }])).toEqual([{ ...ok, docId: ID2 }]);
  });

  it('keeps the first entry of an id announced twice, and ignores extra fields and prototype tricks', () => {
    const twice = [ok, { ...ok, title: 'Falsk titel' }];
    expect(parse(twice)).toEqual([ok]);
    const crafted = JSON.parse(`[{"docId":"${ID1}","title":"A","date":"","__proto__":{"polluted":true},"extra":"x"}]`) as unknown;
    const read = parse(crafted);
    expect(read).toEqual([{ docId: ID1, title: 'A', date: '' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('builds this device’s own announcement newest first, made safe, within the cap', () => {
    const mine = seriesAnnouncement([
      { docId: ID1, title: 'Møde 1', date: '2026-12-06' },
      { docId: ID2, title: '  Møde\u202E 2\n', date: '2027-01-10' },
      { docId: ID2, title: 'dublet', date: '2027-01-10' },
      { docId: 'not-an-id', title: 'x', date: '' },
    ]);
    expect(mine).toEqual([
      { docId: ID2, title: 'Møde  2', date: '2027-01-10' },
      { docId: ID1, title: 'Møde 1', date: '2026-12-06' },
    ]);
    expect(parse(mine)).toEqual(mine);
    const lots = Array.from({ length: 40 }, (_, i) => ({ docId: id(i), title: 'x'.repeat(500), date: '2027-01-10' }));
    const capped = seriesAnnouncement(lots);
    expect(capped).toHaveLength(MAX_SERIES_REFERATER);
    expect(parse(capped)).toHaveLength(MAX_SERIES_REFERATER);
  });
});
