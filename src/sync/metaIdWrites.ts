// The values a Yjs update writes to meta.id, found by following each item to the map entry it continues.
import * as Y from 'yjs';
import { META } from '../core/docLayout';
import type { Struct, UpdateOutline } from './updateOutline';

const ID_KEY = 'id';

/** The struct holding `id` in one client's clock-ordered structs, or undefined. */
function structAt(list: Struct[] | undefined, clock: number): Struct | undefined {
  if (list === undefined) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid] as Struct;
    if (s.id.clock + s.length <= clock) lo = mid + 1;
    else if (s.id.clock > clock) hi = mid - 1;
    else return s;
  }
  return undefined;
}

/** What a map entry's item holds: `[value]` for a plain value, `[]` for a deleted one, `[item]` for anything else. */
function valuesOf(item: Y.Item): unknown[] {
  if (item.content instanceof Y.ContentDeleted) return [];
  if (item.content instanceof Y.ContentAny) return item.content.arr;
  return [item];
}

/**
 * Values the update writes to meta.id. Yjs gives an item without parent information the parent and key of its left
 * neighbour (else its right one), and none when either is garbage-collected; this follows the same rule within the
 * update. An item continuing one the update does not hold is not followed (see README: the copy is not decoded).
 */
export function metaIdWrites(update: UpdateOutline): unknown[] {
  const find = (id: Y.ID | null): Struct | undefined => (id === null ? undefined : structAt(update.structs.get(id.client), id.clock));
  const known = new Map<Y.Item, boolean>();
  const isMetaIdEntry = (start: Y.Item): boolean => {
    const path = new Set<Y.Item>();
    let item: Y.Item | undefined = start;
    let result = false;
    while (item !== undefined && !path.has(item)) {
      const cached = known.get(item);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      path.add(item);
      if (item.origin === null && item.rightOrigin === null) {
        result = (item.parent as unknown) === META && item.parentSub === ID_KEY;
        break;
      }
      const left = find(item.origin);
      const right = find(item.rightOrigin);
      if (left instanceof Y.GC || right instanceof Y.GC) break;
      if (item.origin !== null) item = left instanceof Y.Item ? left : undefined;
      else item = right instanceof Y.Item ? right : undefined;
    }
    for (const p of path) known.set(p, result);
    return result;
  };
  const values: unknown[] = [];
  for (const list of update.structs.values()) {
    for (const s of list) if (s instanceof Y.Item && isMetaIdEntry(s)) values.push(...valuesOf(s));
  }
  return values;
}
