// The state of Opfølgning: the item rows live from the index, the filters, how many rows are shown, and ticks.
import { useMemo, useState } from 'react';
import { DEFAULT_FOLLOW_UP_FILTERS, followUpFilterChoices, followUpRowShown, isOverdue, type FollowUpFilterChoices, type FollowUpFilters } from '../../core/followUpFilters';
import { followUpItemRows, type FollowUpItemRow } from '../../core/followUpRows';
import { isRowDone } from '../../core/followUpTicks';
import { useI18n } from '../i18n/I18nContext';
import { todayIsoDate } from '../todayIsoDate';
import { useApp } from './AppContext';
import { useFollowUpRows } from './useFollowUpRows';
import { useFollowUpTicks } from './useFollowUpTicks';

/** Rows shown at first and added by "Vis flere", so thousands of items stay quick to show. */
const PAGE = 200;

/** The date `days` after today, in the user's time zone, as YYYY-MM-DD. */
function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return todayIsoDate(d);
}

export interface FollowUpView {
  /** False until the index has answered. */
  loaded: boolean;
  /** Every item, in the list's order. */
  rows: FollowUpItemRow[];
  /** The items the filters let through. */
  visible: FollowUpItemRow[];
  choices: FollowUpFilterChoices;
  filters: FollowUpFilters;
  setFilter(patch: Partial<FollowUpFilters>): void;
  /** How many of `visible` to show. */
  shown: number;
  showMore(): void;
  isDone(row: FollowUpItemRow): boolean;
  isOverdue(row: FollowUpItemRow): boolean;
  toggle(row: FollowUpItemRow, done: boolean): Promise<void>;
  error: string | null;
  notice: string;
}

export function useFollowUp(): FollowUpView {
  const { db } = useApp();
  const { t } = useI18n();
  const entries = useFollowUpRows(db);
  const ticks = useFollowUpTicks();
  const [filters, setFilters] = useState<FollowUpFilters>(DEFAULT_FOLLOW_UP_FILTERS);
  const [shown, setShown] = useState(PAGE);

  const rows = useMemo(() => followUpItemRows(entries ?? [], t('library.untitled')), [entries, t]);
  const choices = useMemo(() => followUpFilterChoices(rows), [rows]);

  const dates = { today: todayIsoDate(), weekEnd: daysFromToday(7) };
  const isDone = (r: FollowUpItemRow) => isRowDone(r, ticks.pending);
  const visible = rows.filter((r) => followUpRowShown(r, filters, { done: isDone(r), touched: ticks.touched.has(r.key) }, dates));

  return {
    loaded: entries !== undefined,
    rows,
    visible,
    choices,
    filters,
    setFilter: (patch) => {
      setFilters((f) => ({ ...f, ...patch }));
      ticks.forgetTouched();
      setShown(PAGE);
    },
    shown,
    showMore: () => setShown((n) => n + PAGE),
    isDone,
    isOverdue: (r) => isOverdue(r, isDone(r), dates),
    toggle: ticks.toggle,
    error: ticks.error,
    notice: ticks.notice,
  };
}
