// Which top-level map entry each item of a Yjs update writes, traced the way Yjs resolves an item's parent.
import * as Y from 'yjs';
import { keyItems } from '../core/yjsInternals';
import type { Struct, UpdateOutline } from './updateOutline';

/** A receiver item that is an entry of a top-level map, as a clock range, so update items continuing it are traced. */
export interface ReceiverEntry {
  client: number;
  clock: number;
  len: number;
  /** The top-level map's name, e.g. `meta`. */
  parent: string;
  key: string;
}

export interface EntryWrite {
  parent: string;
  key: string;
  item: Y.Item;
}

interface Place {
  parent: string;
  key: string;
}

/** The struct holding `clock` in clock-ordered ranges, or undefined. */
function rangeAt<T extends { clock: number; len: number }>(list: readonly T[] | undefined, clock: number): T | undefined {
  if (list === undefined) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid] as T;
    if (s.clock + s.len <= clock) lo = mid + 1;
    else if (s.clock > clock) hi = mid - 1;
    else return s;
  }
  return undefined;
}

/** What a map entry's item holds: `[value]` for a plain value, `[]` for a deleted one, `[item]` for anything else. */
export function valuesOf(item: Y.Item): unknown[] {
  if (item.content instanceof Y.ContentDeleted) return [];
  if (item.content instanceof Y.ContentAny) return item.content.arr;
  return [item];
}

/**
 * Every item of the update that writes an entry of a top-level map. Yjs gives an item without parent information
 * the parent and key of its left neighbour (else its right one), and none when either is garbage-collected; this
 * follows the same rule through the update, and into `receiver`: the receiver's own entries of the maps that matter
 * (an overwrite of an entry the receiver holds names only its origin).
 */
export function mapEntryWrites(update: UpdateOutline, receiver: readonly ReceiverEntry[] = []): EntryWrite[] {
  const ranges = new Map<number, Array<{ clock: number; len: number; struct: Struct }>>();
  for (const [client, list] of update.structs) ranges.set(client, list.map((s) => ({ clock: s.id.clock, len: s.length, struct: s })));
  const held = new Map<number, ReceiverEntry[]>();
  for (const e of receiver) {
    const list = held.get(e.client) ?? [];
    list.push(e);
    held.set(e.client, list);
  }
  for (const list of held.values()) list.sort((a, b) => a.clock - b.clock);

  const known = new Map<Y.Item, Place | null>();
  const placeOf = (start: Y.Item): Place | null => {
    const path = new Set<Y.Item>();
    let item: Y.Item | undefined = start;
    let result: Place | null = null;
    while (item !== undefined && !path.has(item)) {
      const cached = known.get(item);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      path.add(item);
      if (item.origin === null && item.rightOrigin === null) {
        const parent = item.parent as unknown;
        result = typeof parent === 'string' && typeof item.parentSub === 'string' ? { parent, key: item.parentSub } : null;
        break;
      }
      const next: Y.ID = (item.origin ?? item.rightOrigin) as Y.ID;
      const leftStruct: Struct | undefined = item.origin === null ? undefined : rangeAt(ranges.get(item.origin.client), item.origin.clock)?.struct;
      const rightStruct: Struct | undefined = item.rightOrigin === null ? undefined : rangeAt(ranges.get(item.rightOrigin.client), item.rightOrigin.clock)?.struct;
      if (leftStruct instanceof Y.GC || rightStruct instanceof Y.GC) break;
      const inUpdate: Struct | undefined = item.origin !== null ? leftStruct : rightStruct;
      if (inUpdate !== undefined) {
        item = inUpdate instanceof Y.Item ? inUpdate : undefined;
        continue;
      }
      // Not in the update: the receiver holds it (or the update waits for it, and is refused as incomplete).
      const entry = rangeAt(held.get(next.client), next.clock);
      result = entry === undefined ? null : { parent: entry.parent, key: entry.key };
      break;
    }
    for (const p of path) known.set(p, result);
    return result;
  };
  const writes: EntryWrite[] = [];
  for (const list of update.structs.values()) {
    for (const s of list) {
      if (!(s instanceof Y.Item)) continue;
      const place = placeOf(s);
      if (place !== null) writes.push({ ...place, item: s });
    }
  }
  return writes;
}

/** The receiver's items under the given keys of top-level maps (every value ever written: the history is kept). */
export function receiverEntries(doc: Y.Doc, maps: ReadonlyArray<{ parent: string; key?: string }>): ReceiverEntry[] {
  const out: ReceiverEntry[] = [];
  for (const { parent, key } of maps) {
    const map = doc.getMap(parent);
    for (const [k, last] of keyItems(map)) {
      if (key !== undefined && k !== key) continue;
      for (let item: Y.Item | null = last; item !== null; item = item.left) {
        out.push({ client: item.id.client, clock: item.id.clock, len: item.length, parent, key: k });
      }
    }
  }
  return out;
}
