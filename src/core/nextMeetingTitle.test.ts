import { describe, expect, it } from 'vitest';
import { findDanishDates } from './danishDate';
import { nextMeetingTitle } from './nextMeetingTitle';

describe('the next meeting’s title', () => {
  it.each([
    ['Styregruppemøde 11', 'Styregruppemøde 12'],
    ['Styregruppemøde nr. 9', 'Styregruppemøde nr. 10'],
    ['11. styregruppemøde', '12. styregruppemøde'],
    ['Møde #4 om ESDH', 'Møde #5 om ESDH'],
    ['Driftsmøde 12. december 2026', 'Driftsmøde 12. januar 2027'],
    ['Driftsmøde 2026-12-12', 'Driftsmøde 2027-01-12'],
    ['Driftsmøde 12/12-2026 (Medialogic)', 'Driftsmøde 12/1-2027 (Medialogic)'],
    ['Driftsmøde 12. dec.', 'Driftsmøde 12. januar'],
    ['Driftsmøde december', 'Driftsmøde januar'],
    ['Driftsmøde December 2026', 'Driftsmøde Januar 2027'],
    ['Driftsmøde Systemhuset', 'Driftsmøde Systemhuset 12. januar 2027'],
    ['Budget 2026', 'Budget 2026 12. januar 2027'],
    ['  ', ''],
  ])('%s → %s', (title, next) => {
    expect(nextMeetingTitle(title, '2026-12-12', '2027-01-12')).toBe(next);
  });
});

describe('Danish dates in text', () => {
  it('reads the ways minutes write a date, and no times or numbers', () => {
    const found = (text: string) => findDanishDates(text, '2026-12-06').map((d) => d.iso);
    expect(found('tirsdag den 12. januar 2027 kl. 10.00')).toEqual(['2027-01-12']);
    expect(found('12. jan. 2027, 12/1-2027, 12.01.2027, 2027-01-12 og 12/1/27')).toEqual(Array(5).fill('2027-01-12'));
    // Without a year: the first such day after the reference.
    expect(found('d. 3. marts')).toEqual(['2027-03-03']);
    expect(found('den 20/12')).toEqual(['2026-12-20']);
    expect(found('kl. 9.05-10.30, punkt 3.2, 31. februar 2027, 14/13-2027, sag 2026-123')).toEqual([]);
  });
});
