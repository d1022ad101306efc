// The Yjs internals core, sync and the editor rely on, named in one place and checked once before first use (see README.md).
import * as Y from 'yjs';
import { fenceError, fenceRequire, type LibraryFence } from './libraryFence';

/** The yjs version these internals were read from; `yjsInternals.test.ts` fails when the installed one differs. */
export const YJS_FENCED_VERSION = '13.6.33';

export const YJS_FENCE: LibraryFence = { library: 'yjs', version: YJS_FENCED_VERSION, file: 'src/core/yjsInternals.ts' };

type Listener = (...args: never[]) => unknown;

/** `doc._observers` (lib0's ObservableV2, which Y.Doc extends): the listeners registered with `doc.on(event, …)`. */
export function observersOf<L extends Listener = Listener>(doc: Y.Doc, event: string): L[] {
  const observers: unknown = (doc as { _observers?: unknown })._observers;
  if (!(observers instanceof Map)) throw fenceError(YJS_FENCE, 'Doc._observers', 'is not a Map of listener sets');
  const set: unknown = observers.get(event);
  if (set === undefined) return [];
  if (!(set instanceof Set)) throw fenceError(YJS_FENCE, 'Doc._observers', `holds no Set for "${event}"`);
  return [...(set as Set<L>)];
}

/** `type._dEH.l`: the listeners registered with `type.observeDeep(…)`. */
export function deepObserversOf<T>(type: Y.AbstractType<T>): Listener[] {
  const handler: unknown = (type as { _dEH?: unknown })._dEH;
  const list: unknown = handler && typeof handler === 'object' ? (handler as { l?: unknown }).l : undefined;
  if (!Array.isArray(list)) throw fenceError(YJS_FENCE, 'AbstractType._dEH.l', 'is not the array of deep observers');
  return [...(list as Listener[])];
}

/** `type._start`: the first item of a type's list (deleted ones included); follow `item.right`. Read on hot paths, checked at start-up. */
export function firstItem<T>(type: Y.AbstractType<T>): Y.Item | null {
  return type._start;
}

/** `type._item`: the item a nested type is stored in; null for a top-level type. Checked at start-up. */
export function typeItem<T>(type: Y.AbstractType<T>): Y.Item | null {
  return type._item;
}

/** `type._map` (a Y.Map's entries, an XML element's attributes): per key, the newest item written under it (earlier ones follow `item.left`). Checked at start-up. */
export function keyItems<T>(type: Y.AbstractType<T>): Map<string, Y.Item> {
  return type._map;
}

/** `doc.store.clients`: per client, the structs (items and gc'd ranges) the document holds. Checked at start-up. */
export function storeClients(doc: Y.Doc): Map<number, Array<Y.GC | Y.Item>> {
  return doc.store.clients;
}

/** `doc._transaction`: the transaction running on the document, or null outside one. Read on hot paths, checked at start-up. */
export function currentTransaction(doc: Y.Doc): Y.Transaction | null {
  return doc._transaction;
}

/** `doc.store.pendingStructs.missing`: per client, the clock Yjs waits for before it integrates what it holds back. */
export function pendingMissing(doc: Y.Doc): Map<number, number> {
  const store = doc.store as { pendingStructs?: unknown };
  if (!('pendingStructs' in store)) throw fenceError(YJS_FENCE, 'StructStore.pendingStructs', 'is missing');
  const pending = store.pendingStructs as { missing?: unknown } | null;
  if (pending === null) return new Map();
  if (!(pending?.missing instanceof Map)) throw fenceError(YJS_FENCE, 'StructStore.pendingStructs.missing', 'is not a Map');
  return pending.missing as Map<number, number>;
}

/** What a probe of the installed Yjs holds, for `checkYjsInternals` (tests remove fields from it). */
export interface YjsProbe {
  doc: Y.Doc;
  listener: () => void;
  deepListener: () => void;
  array: Y.Array<Y.Map<unknown>>;
  map: Y.Map<unknown>;
  undoManager: Y.UndoManager;
  /** Was given client 1's third change without its first two. */
  gap: Y.Doc;
  /** Was given client 2's change, which inserts after client 1's first, without client 1's. */
  orphan: Y.Doc;
}

export function yjsProbe(): YjsProbe {
  const doc = new Y.Doc();
  const listener = (): void => undefined;
  const deepListener = (): void => undefined;
  doc.on('afterTransaction', listener);
  const array = doc.getArray<Y.Map<unknown>>('array');
  array.observeDeep(deepListener);
  array.push([new Y.Map()]);
  const map = doc.getMap('map');
  map.set('k', 1);
  map.set('k', 2);
  const undoManager = new Y.UndoManager(map);
  undoManager.destroy();

  // One source writes as client 1, then (a clientID is only a field) as client 2.
  const source = new Y.Doc();
  source.clientID = 1;
  const text = source.getText('t');
  text.insert(0, 'ab');
  let known = Y.encodeStateVector(source);
  text.insert(2, 'c');
  const gap = new Y.Doc();
  Y.applyUpdate(gap, Y.encodeStateAsUpdate(source, known));
  source.clientID = 2;
  known = Y.encodeStateVector(source);
  text.insert(1, 'x');
  const orphan = new Y.Doc();
  Y.applyUpdate(orphan, Y.encodeStateAsUpdate(source, known));
  return { doc, listener, deepListener, array, map, undoManager, gap, orphan };
}

const sameEntries = (a: Map<number, number>, b: Array<[number, number]>) => a.size === b.length && b.every(([k, v]) => a.get(k) === v);

/** Throws a fence error naming the first internal that is missing or no longer behaves as the code here expects. */
export function checkYjsInternals(probe: YjsProbe = yjsProbe()): void {
  const { doc, array, map } = probe;
  fenceRequire(YJS_FENCE, observersOf(doc, 'afterTransaction').includes(probe.listener), 'Doc._observers', 'does not hold the listeners of doc.on');
  fenceRequire(YJS_FENCE, deepObserversOf(array).includes(probe.deepListener), 'AbstractType._dEH.l', 'does not hold the listeners of observeDeep');

  const start: unknown = (array as { _start?: unknown })._start;
  fenceRequire(YJS_FENCE, start instanceof Y.Item, 'AbstractType._start', 'is not the first Item of the list');
  const first = start as Y.Item;
  fenceRequire(
    YJS_FENCE,
    first.right === null && first.deleted === false && first.countable === true && first.content instanceof Y.ContentType && first.content.type === array.get(0),
    'Item.right/deleted/countable/content',
    'do not describe the list as before',
  );
  fenceRequire(YJS_FENCE, (array as { _item?: unknown })._item === null, 'AbstractType._item', 'is not null for a top-level type');
  fenceRequire(YJS_FENCE, (array.get(0) as { _item?: unknown })._item === first, 'AbstractType._item', 'is not the Item a nested type is stored in');

  const keys: unknown = (map as { _map?: unknown })._map;
  fenceRequire(YJS_FENCE, keys instanceof Map, 'AbstractType._map', 'is not a Map of the newest Item per key');
  const newest: unknown = (keys as Map<string, unknown>).get('k');
  const older = newest instanceof Y.Item ? newest.left : null;
  fenceRequire(
    YJS_FENCE,
    newest instanceof Y.Item && newest.parentSub === 'k' && older instanceof Y.Item && older.parentSub === 'k' && older.deleted,
    'AbstractType._map',
    "no longer links a key's earlier values through Item.left",
  );

  fenceRequire(YJS_FENCE, doc.store.clients instanceof Map && doc.store.clients.has(doc.clientID), 'StructStore.clients', 'is not a Map of each client’s structs');

  // After the store check: a transaction reads the store.
  const outside: unknown = (doc as { _transaction?: unknown })._transaction;
  let inside = false;
  doc.transact((tr) => {
    inside = tr instanceof Y.Transaction && (doc as { _transaction?: unknown })._transaction === tr;
  });
  fenceRequire(YJS_FENCE, outside === null && inside, 'Doc._transaction', 'is not null outside a transaction and the running Transaction inside one');

  const timing = probe.undoManager as { lastChange?: unknown; captureTimeout?: unknown };
  fenceRequire(
    YJS_FENCE,
    typeof timing.lastChange === 'number' && typeof timing.captureTimeout === 'number',
    'UndoManager.lastChange/captureTimeout',
    'are not numbers',
  );

  // What sync/predictIntegration.ts mirrors of `integrateStructs`: a gap waits for the clock before it; an item
  // whose origin is missing waits for that client's next clock.
  fenceRequire(YJS_FENCE, sameEntries(pendingMissing(probe.gap), [[1, 1]]), 'integrateStructs', 'no longer waits for the clock before a gap');
  fenceRequire(YJS_FENCE, sameEntries(pendingMissing(probe.orphan), [[1, 0]]), 'integrateStructs', 'no longer waits for a missing origin');
}

let checked = false;

/** `checkYjsInternals` once per page or worker, where Yjs internals are first used; throws every time until it passes. */
export function ensureYjsInternals(): void {
  if (checked) return;
  checkYjsInternals();
  checked = true;
}
