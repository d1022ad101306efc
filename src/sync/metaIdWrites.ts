// The values a Yjs update writes to meta.id, found by following each item to the map entry it continues.
import { META } from '../core/docLayout';
import { mapEntryWrites, valuesOf, type ReceiverEntry } from './mapEntryWrites';
import type { UpdateOutline } from './updateOutline';

const ID_KEY = 'id';

/**
 * Values the update writes to meta.id, traced through the update and through the receiver's own meta.id entries
 * (`receiver`, from receiverEntries), so an overwrite of the id of a copy the receiver holds is found too.
 */
export function metaIdWrites(update: UpdateOutline, receiver: readonly ReceiverEntry[] = []): unknown[] {
  const values: unknown[] = [];
  for (const w of mapEntryWrites(update, receiver)) if (w.parent === META && w.key === ID_KEY) values.push(...valuesOf(w.item));
  return values;
}
