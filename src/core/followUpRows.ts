// The rows of Opfølgning: one per action item of the referater in the library, in the list's order.
import { compareFollowUpRows } from './followUpOrder';
import type { LibraryEntry } from './libraryEntry';
import type { ActionItemInfo } from './structure';

/** What Opfølgning reads of one index row (storage keeps this slice apart from the search text). */
export type FollowUpSource = Pick<LibraryEntry, 'id' | 'title' | 'date' | 'seriesId' | 'seriesName' | 'actionItems'> & {
  /** Local time the row was last projected. */
  indexedAt: number;
};

/** One action item with the referat it is in. */
export interface FollowUpItemRow {
  /** `docId/itemId`: unique across the library. */
  key: string;
  docId: string;
  /** The referat's title, or the `untitled` text when it has none. */
  docTitle: string;
  docDate: string;
  seriesId: string;
  seriesName: string;
  indexedAt: number;
  item: ActionItemInfo;
}

/** Every action item of `sources`, ordered by compareFollowUpRows. */
export function followUpItemRows(sources: readonly FollowUpSource[], untitled: string): FollowUpItemRow[] {
  const out: FollowUpItemRow[] = [];
  for (const e of sources) {
    const docTitle = e.title.trim() || untitled;
    for (const item of e.actionItems) {
      out.push({
        key: `${e.id}/${item.id}`,
        docId: e.id,
        docTitle,
        docDate: e.date,
        seriesId: e.seriesId,
        seriesName: e.seriesName,
        indexedAt: e.indexedAt,
        item,
      });
    }
  }
  return out.toSorted(compareFollowUpRows);
}
