// One entry of a referat's `updates` store: a Yjs update and, from its shape, its encoding (docs/FORMAT.md,
// "Storage on the device"). A bare Uint8Array is a V1 update: each change as Yjs emits it (and all of layout 1: older
// Referat versions, stock y-indexeddb). `{ v2: Uint8Array }` is a V2 update: the merged log after a compaction.
import * as Y from 'yjs';

/** The storage layout this version writes; raised when a new entry shape is introduced. */
export const STORAGE_LAYOUT = 2;

export type StoredUpdate = Uint8Array | { v2: Uint8Array };

/** The entry that stores a V1 update (one change). */
export function storedV1(update: Uint8Array): StoredUpdate {
  return update;
}

/** The entry that stores a V2 update (a merged log). */
export function storedV2(update: Uint8Array): StoredUpdate {
  return { v2: update };
}

/** Whether an entry holds a V1 update. */
export function isStoredV1(entry: unknown): entry is Uint8Array {
  return entry instanceof Uint8Array;
}

/** Applies one entry to `doc`; throws on a shape this version does not know (a newer layout), so nothing is misread. */
export function applyStoredUpdate(doc: Y.Doc, entry: unknown): void {
  if (isStoredV1(entry)) Y.applyUpdate(doc, entry);
  else if (isStoredV2(entry)) Y.applyUpdateV2(doc, entry.v2);
  else throw new Error(`A stored update has an encoding this version of Referat does not know (storage layout > ${STORAGE_LAYOUT}?)`);
}

export function isStoredV2(entry: unknown): entry is { v2: Uint8Array } {
  return typeof entry === 'object' && entry !== null && (entry as { v2?: unknown }).v2 instanceof Uint8Array;
}
