// The filters of Opfølgning (owner, organisation, series, status, due date), their choices and which rows they let through.
import { byDanish } from './followUpOrder';
import type { FollowUpItemRow } from './followUpRows';

export type FollowUpStatusFilter = 'open' | 'done' | 'all';
export type FollowUpDueFilter = 'all' | 'overdue' | 'week' | 'none';

export interface FollowUpFilters {
  /** '' for any. */
  owner: string;
  organisation: string;
  series: string;
  status: FollowUpStatusFilter;
  due: FollowUpDueFilter;
}

export const DEFAULT_FOLLOW_UP_FILTERS: FollowUpFilters = { owner: '', organisation: '', series: '', status: 'open', due: 'all' };

/** The choices each filter offers, sorted the Danish way: series as [id, name] (the referat's title when unnamed). */
export interface FollowUpFilterChoices {
  owners: string[];
  organisations: string[];
  series: Array<[string, string]>;
}

export function followUpFilterChoices(rows: readonly FollowUpItemRow[]): FollowUpFilterChoices {
  const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].toSorted(byDanish);
  const names = new Map<string, string>();
  for (const r of rows) if (r.seriesId) names.set(r.seriesId, r.seriesName.trim() || r.docTitle);
  return {
    owners: distinct(rows.map((r) => r.item.owner.trim())),
    organisations: distinct(rows.map((r) => r.item.ownerOrganisation.trim())),
    series: [...names].toSorted((a, b) => byDanish(a[1], b[1])),
  };
}

/** The dates the due filters compare with, as YYYY-MM-DD in the user's time zone. */
export interface FollowUpDates {
  today: string;
  /** Seven days after today: the end of "due this week". */
  weekEnd: string;
}

/** An item not done whose due date has passed. */
export function isOverdue(row: FollowUpItemRow, done: boolean, dates: FollowUpDates): boolean {
  return !done && row.item.due !== '' && row.item.due < dates.today;
}

/**
 * Whether `filters` let `row` through. `done` is what the row shows (core/followUpTicks.ts); a row `touched` on the
 * page stays whatever its status, so a tick can be undone.
 */
export function followUpRowShown(row: FollowUpItemRow, filters: FollowUpFilters, state: { done: boolean; touched: boolean }, dates: FollowUpDates): boolean {
  const { item } = row;
  if (filters.owner && item.owner.trim() !== filters.owner) return false;
  if (filters.organisation && item.ownerOrganisation.trim() !== filters.organisation) return false;
  if (filters.series && row.seriesId !== filters.series) return false;
  if (!state.touched) {
    if (filters.status === 'open' && state.done) return false;
    if (filters.status === 'done' && !state.done) return false;
  }
  if (filters.due === 'overdue' && !isOverdue(row, state.done, dates)) return false;
  if (filters.due === 'week' && !(item.due !== '' && item.due >= dates.today && item.due <= dates.weekEnd)) return false;
  if (filters.due === 'none' && item.due !== '') return false;
  return true;
}
