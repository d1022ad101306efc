// The Yjs fence: it passes on the installed Yjs, and names the internal and the upgrade to re-check when one is gone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  checkYjsInternals,
  currentTransaction,
  deepObserversOf,
  firstItem,
  keyItems,
  observersOf,
  pendingMissing,
  storeClients,
  typeItem,
  YJS_FENCED_VERSION,
  yjsProbe,
  type YjsProbe,
} from './yjsInternals';

/** The fence's error for `field`: library, field, the version it was written for, and the file to re-check. */
const naming = (field: string) =>
  new RegExp(`^yjs internal \`${field.replace(/[.$]/g, '\\$&')}\` .*\\(fenced for yjs 13\\.6\\.33\\): re-check src/core/yjsInternals\\.ts after upgrading yjs\\.$`);

const drop = (target: object, field: string) => {
  delete (target as Record<string, unknown>)[field];
};
const rename = (target: object, from: string, to: string) => {
  const t = target as Record<string, unknown>;
  t[to] = t[from];
  delete t[from];
};

describe('the Yjs fence', () => {
  it('was written for the installed yjs', () => {
    const installed = (JSON.parse(readFileSync('node_modules/yjs/package.json', 'utf8')) as { version: string }).version;
    expect(installed, `yjs is now ${installed}: re-check src/core/yjsInternals.ts and sync/predictIntegration.ts, then update YJS_FENCED_VERSION`).toBe(
      YJS_FENCED_VERSION,
    );
  });

  it('passes on the installed yjs, whose internals hold what the accessors return', () => {
    const probe = yjsProbe();
    expect(checkYjsInternals(probe)).toBeUndefined();
    expect(observersOf(probe.doc, 'afterTransaction')).toContain(probe.listener);
    expect(observersOf(probe.doc, 'nothing')).toEqual([]);
    expect(deepObserversOf(probe.array)).toEqual([probe.deepListener]);
    const first = firstItem(probe.array);
    expect(first?.content).toBeInstanceOf(Y.ContentType);
    expect(typeItem(probe.array.get(0))).toBe(first);
    expect(typeItem(probe.array)).toBeNull();
    expect([...keyItems(probe.map).keys()]).toEqual(['k']);
    const element = new Y.XmlElement('p');
    probe.doc.getXmlFragment('xml').push([element]);
    element.setAttribute('level', '1');
    expect([...keyItems(element).keys()]).toEqual(['level']);
    expect([...storeClients(probe.doc).keys()]).toEqual([probe.doc.clientID]);
    expect(storeClients(new Y.Doc()).size).toBe(0);
    expect(currentTransaction(probe.doc)).toBeNull();
    let inside: unknown = null;
    probe.doc.transact((tr) => {
      inside = currentTransaction(probe.doc) === tr && tr instanceof Y.Transaction;
    });
    expect(inside).toBe(true);
    expect(pendingMissing(probe.gap)).toEqual(new Map([[1, 1]]));
    expect(pendingMissing(probe.orphan)).toEqual(new Map([[1, 0]]));
    expect(pendingMissing(probe.doc)).toEqual(new Map());
  });

  const removals: Array<[string, string, (p: YjsProbe) => void]> = [
    ['Doc._observers removed', 'Doc._observers', (p) => drop(p.doc, '_observers')],
    ['Doc._observers renamed', 'Doc._observers', (p) => rename(p.doc, '_observers', '_listeners')],
    ['Doc._transaction removed', 'Doc._transaction', (p) => drop(p.doc, '_transaction')],
    ['Doc._transaction renamed', 'Doc._transaction', (p) => rename(p.doc, '_transaction', '_current')],
    ['AbstractType._dEH removed', 'AbstractType._dEH.l', (p) => drop(p.array, '_dEH')],
    ['AbstractType._start removed', 'AbstractType._start', (p) => drop(p.array, '_start')],
    ['AbstractType._start renamed', 'AbstractType._start', (p) => rename(p.array, '_start', '_head')],
    ['AbstractType._item removed from a nested type', 'AbstractType._item', (p) => drop(p.array.get(0), '_item')],
    ['AbstractType._item removed from a top-level type', 'AbstractType._item', (p) => drop(p.array, '_item')],
    ['AbstractType._map removed', 'AbstractType._map', (p) => drop(p.map, '_map')],
    ['StructStore.clients removed', 'StructStore.clients', (p) => drop(p.doc.store, 'clients')],
    ['StructStore.clients renamed', 'StructStore.clients', (p) => rename(p.doc.store, 'clients', 'structs')],
    ['UndoManager.lastChange removed', 'UndoManager.lastChange/captureTimeout', (p) => drop(p.undoManager, 'lastChange')],
    ['StructStore.pendingStructs removed', 'StructStore.pendingStructs', (p) => drop(p.gap.store, 'pendingStructs')],
    ['pendingStructs.missing renamed', 'StructStore.pendingStructs.missing', (p) => rename(p.gap.store.pendingStructs as object, 'missing', 'waiting')],
    ['a gap integrated instead of held back', 'integrateStructs', (p) => (p.gap.store.pendingStructs = null)],
    ['a missing origin waited for at another clock', 'integrateStructs', (p) => p.orphan.store.pendingStructs?.missing.set(1, 5)],
  ];

  it.each(removals)('fails naming the internal when %s', (_, field, simulate) => {
    const probe = yjsProbe();
    simulate(probe);
    expect(() => checkYjsInternals(probe)).toThrow(naming(field));
  });

  it("fails when Item's prototype no longer has a getter the item walks read", () => {
    const kept = Object.getOwnPropertyDescriptor(Y.Item.prototype, 'countable') as PropertyDescriptor;
    expect(kept.get).toBeTypeOf('function');
    drop(Y.Item.prototype, 'countable');
    try {
      expect(() => checkYjsInternals()).toThrow(naming('Item.right/deleted/countable/content'));
    } finally {
      Object.defineProperty(Y.Item.prototype, 'countable', kept);
    }
    expect(checkYjsInternals()).toBeUndefined();
  });

  it('makes the accessors throw, not return nothing, when their field is gone', () => {
    const doc = new Y.Doc();
    drop(doc, '_observers');
    expect(() => observersOf(doc, 'afterTransaction')).toThrow(naming('Doc._observers'));
    const array = new Y.Doc().getArray('a');
    drop(array, '_dEH');
    expect(() => deepObserversOf(array)).toThrow(naming('AbstractType._dEH.l'));
  });
});
