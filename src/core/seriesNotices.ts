// Which referater of a series other devices announce that this device does not hold: one notice per referat,
// from a proven announcer first, newest meeting first, and only a few.
import type { SeriesReferat } from './seriesAnnouncement';

/** One lobby peer's announcement, with what it says about itself and whether it proved its key. */
export interface SeriesAnnouncer {
  clientId: number;
  name: string;
  organisation: string;
  proven: boolean;
  referater: readonly SeriesReferat[];
}

export interface SeriesNotice extends SeriesReferat {
  by: { name: string; organisation: string; proven: boolean };
  /** Its date lies after every meeting of the series this device holds: the next meeting, as far as anyone says. */
  next: boolean;
}

/** Notices shown at most at once. */
export const MAX_SERIES_NOTICES = 3;

/** `held`: ids this device holds (or is still looking up); `newestHeld`: the latest date of the series it holds. */
export function seriesNotices(announcers: readonly SeriesAnnouncer[], held: ReadonlySet<string>, newestHeld = ''): SeriesNotice[] {
  const byDoc = new Map<string, SeriesNotice>();
  // Proven announcers first, so a proven one names a referat even when an unproven one announced it too.
  const ordered = announcers.toSorted((a, b) => Number(b.proven) - Number(a.proven) || a.clientId - b.clientId);
  for (const a of ordered) {
    for (const r of a.referater) {
      if (held.has(r.docId) || byDoc.has(r.docId)) continue;
      byDoc.set(r.docId, { ...r, by: { name: a.name, organisation: a.organisation, proven: a.proven }, next: r.date !== '' && r.date > newestHeld });
    }
  }
  // Proven first here too: an unproven announcer's many later dates cannot push a proven one's notice out of the cap.
  return [...byDoc.values()]
    .toSorted((a, b) => Number(b.by.proven) - Number(a.by.proven) || b.date.localeCompare(a.date) || a.docId.localeCompare(b.docId))
    .slice(0, MAX_SERIES_NOTICES);
}
