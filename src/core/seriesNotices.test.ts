import { describe, expect, it } from 'vitest';
import { MAX_SERIES_NOTICES, seriesNotices, type SeriesAnnouncer } from './seriesNotices';

const id = (n: number) => `6f1c2b1e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const clerk: SeriesAnnouncer = {
  clientId: 7,
  name: 'Mette Holm',
  organisation: 'Aarhus Kommune',
  proven: true,
  referater: [
    { docId: id(2), title: 'Styregruppemøde 12', date: '2027-01-10' },
    { docId: id(1), title: 'Styregruppemøde 11', date: '2026-12-06' },
  ],
};

describe('series notices', () => {
  it('names only the referater this device does not hold, the later one as the next meeting', () => {
    expect(seriesNotices([clerk], new Set([id(1)]), '2026-12-06')).toEqual([
      { docId: id(2), title: 'Styregruppemøde 12', date: '2027-01-10', next: true, by: { name: 'Mette Holm', organisation: 'Aarhus Kommune', proven: true } },
    ]);
    expect(seriesNotices([clerk], new Set([id(1), id(2)]), '2027-01-10')).toEqual([]);
  });

  it('lets a proven announcer name a referat over an unproven one that announced it first, and caps the notices', () => {
    const eve: SeriesAnnouncer = {
      clientId: 1,
      name: 'Borgmesteren',
      organisation: 'Aarhus Kommune',
      proven: false,
      referater: [{ docId: id(2), title: 'Ekstraordinært møde: klik her', date: '2030-01-01' }, ...Array.from({ length: 10 }, (_, i) => ({ docId: id(100 + i), title: 'spam', date: '2029-01-01' }))],
    };
    const notices = seriesNotices([eve, clerk], new Set([id(1)]), '2026-12-06');
    expect(notices).toHaveLength(MAX_SERIES_NOTICES);
    const week = notices.find((n) => n.docId === id(2));
    // The clerk's title stands; the unproven announcer's version of the same referat is not shown.
    expect(week?.title).toBe('Styregruppemøde 12');
    expect(week?.by.proven).toBe(true);
    expect(notices.filter((n) => n.docId !== id(2)).every((n) => !n.by.proven && n.by.name === 'Borgmesteren')).toBe(true);
  });

  it('calls an earlier or undated meeting "another" meeting, not the next', () => {
    const past: SeriesAnnouncer = { ...clerk, referater: [{ docId: id(0), title: 'Styregruppemøde 10', date: '2026-11-01' }, { docId: id(9), title: 'Udateret', date: '' }] };
    expect(seriesNotices([past], new Set(), '2026-12-06').map((n) => n.next)).toEqual([false, false]);
  });
});
