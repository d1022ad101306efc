// The order of Opfølgning: items due soonest first, items without a due date last, ties by newest referat.
/** One collator for every comparison: localeCompare builds one per call (sorting ~20,000 items). */
export const byDanish: (a: string, b: string) => number = new Intl.Collator('da').compare;

const NO_DUE = '9999-99-99';

/** What the order reads of a row (core/followUpRows.ts). */
export interface OrderedRow {
  docDate: string;
  item: { due: string; text: string };
}

/** Items with a due date first, soonest first; then items without one; ties by newest referat, then by text. */
export function compareFollowUpRows(a: OrderedRow, b: OrderedRow): number {
  const da = a.item.due || NO_DUE;
  const db = b.item.due || NO_DUE;
  if (da !== db) return da < db ? -1 : 1;
  if (a.docDate !== b.docDate) return a.docDate < b.docDate ? 1 : -1;
  return byDanish(a.item.text, b.item.text);
}
