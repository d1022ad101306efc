// What a device announces in a series' lobby: the referater of the series it holds (id, title, date), and the strict
// check of what another device announces. Announcements are untrusted: bounded, validated, never acted on alone.
import { isReferatId } from './referatId';

export interface SeriesReferat {
  docId: string;
  title: string;
  /** The meeting's date (`YYYY-MM-DD`), or '' when the referat has none. */
  date: string;
}

/** The awareness field a lobby announcement sits in. */
export const SERIES_FIELD = 'series';
/** An announcement with more entries than this is ignored as a whole. */
export const MAX_SERIES_REFERATER = 24;
export const MAX_SERIES_TITLE = 200;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Control characters and bidirectional overrides, which could make a title read as something else.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function isIsoDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function entryOf(raw: unknown): SeriesReferat | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const v = raw as Record<string, unknown>;
  const { docId, title, date } = v;
  if (typeof docId !== 'string' || !isReferatId(docId)) return null;
  if (typeof title !== 'string' || title.length > MAX_SERIES_TITLE || UNSAFE.test(title)) return null;
  if (typeof date !== 'string' || (date !== '' && !isIsoDate(date))) return null;
  return { docId, title: title.trim(), date };
}

/** Reads the announcement in an awareness state: valid entries only, the first of each id; null if none or too many. */
export function parseSeriesAnnouncement(state: unknown): SeriesReferat[] | null {
  if (typeof state !== 'object' || state === null) return null;
  const raw = (state as Record<string, unknown>)[SERIES_FIELD];
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_SERIES_REFERATER) return null;
  const seen = new Set<string>();
  const out: SeriesReferat[] = [];
  for (const item of raw as unknown[]) {
    const entry = entryOf(item);
    if (!entry || seen.has(entry.docId)) continue;
    seen.add(entry.docId);
    out.push(entry);
  }
  return out.length > 0 ? out : null;
}

/** This device's own announcement: newest meeting first, titles cut to size and made safe, at most the cap. */
export function seriesAnnouncement(referater: readonly SeriesReferat[]): SeriesReferat[] {
  const seen = new Set<string>();
  return referater
    .filter((r) => isReferatId(r.docId) && !seen.has(r.docId) && seen.add(r.docId))
    .map((r) => ({ docId: r.docId, title: r.title.replace(new RegExp(UNSAFE.source, 'g'), ' ').trim().slice(0, MAX_SERIES_TITLE), date: isIsoDate(r.date) ? r.date : '' }))
    .toSorted((a, b) => b.date.localeCompare(a.date))
    .slice(0, MAX_SERIES_REFERATER);
}
