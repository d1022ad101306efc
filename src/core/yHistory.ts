// Reads what the kept history (gc off) still holds: array entries that were deleted, and earlier values of a map key.
// Walks Yjs Item lists (`right`, `left`, `content.type`, `id.client`) from the fenced `_start` and `_map` (yjsInternals.ts).
import * as Y from 'yjs';
import { firstItem, keyItems } from './yjsInternals';

/** One entry of a Y.Array as it ever was: the Y.Map it held, whether it was deleted, and the client that wrote it. */
export interface HistoricEntry {
  map: Y.Map<unknown>;
  deleted: boolean;
  client: number;
}

/** Every Y.Map ever pushed into `array`, deleted ones included (their content is kept while gc is off). */
export function historicMapEntries<T>(array: Y.Array<T>): HistoricEntry[] {
  const out: HistoricEntry[] = [];
  for (let item = firstItem(array); item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentType)) continue;
    const type = item.content.type;
    if (type instanceof Y.Map) out.push({ map: type as Y.Map<unknown>, deleted: item.deleted, client: item.id.client });
  }
  return out;
}

/** One value a map key held, newest last, with the client that wrote it. */
export interface HistoricValue {
  value: unknown;
  client: number;
  /** False for the value the key holds now. */
  overwritten: boolean;
}

/** Every value `key` has held in `map`, oldest first. Works on deleted maps too (their items stay in the store). */
export function historicValues(map: Y.Map<unknown>, key: string): HistoricValue[] {
  const out: HistoricValue[] = [];
  const newest = keyItems(map).get(key);
  for (let item = newest ?? null; item !== null; item = item.left) {
    if (item.parentSub !== key) break;
    const content = item.content;
    let value: unknown;
    if (content instanceof Y.ContentAny) value = content.arr.at(-1);
    else if (content instanceof Y.ContentString) value = content.str;
    else if (content instanceof Y.ContentType) value = content.type;
    else continue;
    out.push({ value, client: item.id.client, overwritten: item !== newest || item.deleted });
  }
  return out.toReversed();
}

/** The current (or, for a deleted map, last) value of `key`, read through the history. */
export function lastValue(map: Y.Map<unknown>, key: string): unknown {
  return historicValues(map, key).at(-1)?.value;
}
