// Ticks made on Opfølgning, shown at once while they are written into their referat, until the index row catches up.
import type { FollowUpItemRow } from './followUpRows';

/** How long a written tick may be shown from the page itself before only the index row counts again. */
export const PENDING_TICK_MS = 2000;

export interface PendingTick {
  done: boolean;
  /** The index row's indexedAt once the tick is written into the referat; null while it is being written. */
  writtenAt: number | null;
  /** Which tick this is, so a later tick of the same item is not undone by an earlier one finishing. */
  tick: number;
}

/** Whether a row shows as done: the page's own tick until the index row that holds it (or a later one) arrives. */
export function isRowDone(row: FollowUpItemRow, pending: ReadonlyMap<string, PendingTick>): boolean {
  const p = pending.get(row.key);
  return p && (p.writtenAt === null || row.indexedAt < p.writtenAt) ? p.done : row.item.done;
}

/** `pending` with tick `tick` of `key` set to `next`; unchanged when a later tick of the key has replaced it. */
export function updateTick(pending: ReadonlyMap<string, PendingTick>, key: string, tick: number, next: PendingTick | null): ReadonlyMap<string, PendingTick> {
  if (pending.get(key)?.tick !== tick) return pending;
  const out = new Map(pending);
  if (next) out.set(key, next);
  else out.delete(key);
  return out;
}
