import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { body, paragraph, peer, textAt } from '../testSupport/yBody';
import { keyItems } from './yjsInternals';
import { diffVersions, snapshotCovered, tallyByAuthor, type DiffAuthors, type ElementDiff, type TextDiff } from './versionDiff';

const NAMES: Record<number, string> = { 1: 'Mette (Aarhus Kommune)', 2: 'Bo (Systemhuset A/S)', 3: 'Lars (Medialogic A/S)' };
/** Authors by client id; deletions are credited through a map filled as each peer deletes (as PermanentUserData records). */
function authorsFor(deletedBy: Map<string, number>): DiffAuthors {
  return {
    inserter: (client) => NAMES[client] ?? `klient ${client}`,
    deleter: (id) => NAMES[deletedBy.get(`${id.client}:${id.clock}`) ?? 0] ?? 'ukendt',
  };
}


/** Each run as `[change by] text`, per text node, in document order. */
function runs(diff: ReadonlyArray<ElementDiff | TextDiff>): string[] {
  const out: string[] = [];
  const walk = (nodes: ReadonlyArray<ElementDiff | TextDiff>) => {
    for (const n of nodes) {
      if (n.kind === 'text') out.push(n.runs.map((r) => (r.change === 'same' ? r.text : `[${r.change} ${r.by}]${r.text}`)).join(''));
      else walk(n.children);
    }
  };
  walk(diff);
  return out;
}

function syncAll(docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('version diff', () => {
  it('names the right author for text typed concurrently by three peers, exchanged live (update by update)', () => {
    const [a, b, c] = [peer(1), peer(2), peer(3)];
    body(a).insert(0, [paragraph('Budgettet godkendes.')]);
    syncAll([a, b, c]);
    const before = Y.snapshot(a);
    // Each peer types into the same sentence before it sees the others; the updates then travel one by one, in an
    // order that differs per receiver, as a live room delivers them.
    const held: Array<[Y.Doc, Uint8Array]> = [];
    for (const d of [a, b, c]) d.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'live') held.push([d, u]); });
    textAt(a, 0).insert(0, 'Samlet: ');
    textAt(b, 0).insert(20, ' Med forbehold.');
    textAt(c, 0).delete(0, 10);
    textAt(c, 0).insert(0, 'Driften ');
    for (const [from, u] of held) for (const to of [a, b, c]) if (to !== from) Y.applyUpdate(to, u, 'live');
    for (const d of [a, b, c]) expect(body(d).toString()).toBe(body(a).toString());
    // Lars (client 3) deleted "Budgettet " (Mette's characters at clocks 2–11 of client 1: two items made the paragraph).
    const deletedBy = new Map<string, number>();
    for (let clock = 0; clock < 40; clock++) deletedBy.set(`1:${clock}`, 3);
    for (const d of [a, b, c]) {
      const diff = diffVersions(body(d), before, Y.snapshot(d), authorsFor(deletedBy));
      const [line] = runs(diff);
      expect(line).toContain('[inserted Mette (Aarhus Kommune)]Samlet: ');
      expect(line).toContain('[inserted Lars (Medialogic A/S)]Driften ');
      expect(line).toContain('[deleted Lars (Medialogic A/S)]Budgettet ');
      expect(line).toContain('godkendes.[inserted Bo (Systemhuset A/S)] Med forbehold.');
      expect(runs(diff)).toEqual(runs(diffVersions(body(a), before, Y.snapshot(a), authorsFor(deletedBy))));
      expect(tallyByAuthor(diff).map((t) => [t.by, t.changes, t.inserted, t.deleted])).toEqual([
        ['Lars (Medialogic A/S)', 2, 8, 10],
        ['Bo (Systemhuset A/S)', 1, 15, 0],
        ['Mette (Aarhus Kommune)', 1, 8, 0],
      ]);
    }
  });

  it('gives the same diff when the changes arrive through files (whole updates, any order)', () => {
    const [a, b, c] = [peer(1), peer(2), peer(3)];
    body(a).insert(0, [paragraph('Punkt 1'), paragraph('Punkt 2')]);
    syncAll([a, b, c]);
    const base = Y.snapshot(a);
    textAt(a, 0).insert(7, ' (kommunen)');
    body(b).insert(2, [paragraph('Punkt 3 fra leverandøren')]);
    body(c).delete(1, 1);
    // Files: each sends its whole state; the receivers merge in different orders.
    const files = [a, b, c].map((d) => Y.encodeStateAsUpdate(d));
    const x = peer(7);
    const y = peer(8);
    Y.applyUpdate(x, Y.encodeStateAsUpdate(a));
    for (const f of files) Y.applyUpdate(x, f);
    for (const f of files.toReversed()) Y.applyUpdate(y, f);
    Y.applyUpdate(y, Y.encodeStateAsUpdate(a));
    // Lars deleted the second paragraph (its element and its text, all written by Mette, client 1).
    const deletedBy = new Map<string, number>();
    for (let clock = 0; clock < 40; clock++) deletedBy.set(`1:${clock}`, 3);
    const shape = (d: Y.Doc) => diffVersions(body(d), base, Y.snapshot(d), authorsFor(deletedBy)).map((n) => `${n.kind === 'element' ? n.nodeName : 'text'} ${n.change} ${n.by ?? ''}`.trim());
    expect(shape(x)).toEqual(['paragraph same', 'paragraph deleted Lars (Medialogic A/S)', 'paragraph inserted Bo (Systemhuset A/S)']);
    expect(shape(y)).toEqual(shape(x));
    expect(runs(diffVersions(body(y), base, Y.snapshot(y), authorsFor(deletedBy)))).toEqual([
      'Punkt 1[inserted Mette (Aarhus Kommune)] (kommunen)',
      '[deleted Lars (Medialogic A/S)]Punkt 2',
      '[inserted Bo (Systemhuset A/S)]Punkt 3 fra leverandøren',
    ]);
    // A block added or removed whole counts as one change, however long its text.
    expect(tallyByAuthor(diffVersions(body(y), base, Y.snapshot(y), authorsFor(deletedBy))).map((t) => [t.by, t.changes, t.blocksInserted, t.blocksDeleted])).toEqual([
      ['Bo (Systemhuset A/S)', 1, 1, 0],
      ['Mette (Aarhus Kommune)', 1, 0, 0],
      ['Lars (Medialogic A/S)', 1, 0, 1],
    ]);
  });

  it('shows a changed field of a structured node (an action item\'s due date and owner) with who changed it', () => {
    const [a, b] = [peer(1), peer(2)];
    const item = new Y.XmlElement('actionItem');
    item.setAttribute('owner', 'Bo Lund');
    item.setAttribute('due', '2026-03-15');
    item.insert(0, [new Y.XmlText('Send logfiler')]);
    body(a).insert(0, [item]);
    syncAll([a, b]);
    const before = Y.snapshot(b);
    const there = body(b).get(0) as Y.XmlElement;
    there.setAttribute('due', '2026-04-01');
    there.removeAttribute('owner');
    const deletedBy = new Map<string, number>([[`1:${keyItems(item).get('owner')!.id.clock}`, 2]]);
    const [node] = diffVersions(body(b), before, Y.snapshot(b), authorsFor(deletedBy)) as ElementDiff[];
    expect(node?.change).toBe('same');
    expect(node?.attributeChanges).toEqual([
      { name: 'due', before: '2026-03-15', after: '2026-04-01', by: 'Bo (Systemhuset A/S)' },
      { name: 'owner', before: 'Bo Lund', after: undefined, by: 'Bo (Systemhuset A/S)' },
    ]);
    expect(tallyByAuthor([node!])).toEqual([{ by: 'Bo (Systemhuset A/S)', changes: 2, inserted: 0, deleted: 0, blocksInserted: 0, blocksDeleted: 0, fieldsChanged: 2 }]);
  });

  it('writes nothing to the document, and reports a snapshot this copy does not hold', () => {
    const [a, b] = [peer(1), peer(2)];
    body(a).insert(0, [paragraph('Første udkast')]);
    syncAll([a, b]);
    const v1 = Y.snapshot(a);
    textAt(a, 0).insert(0, 'Andet ');
    const v2 = Y.snapshot(a);
    // b lacks a's latest change: v2 refers to it.
    expect(snapshotCovered(b, v1)).toBe(true);
    expect(snapshotCovered(b, v2)).toBe(false);
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updates.push(u));
    const state = Y.encodeStateAsUpdate(a);
    diffVersions(body(a), v1, v2, authorsFor(new Map()));
    diffVersions(body(a), v2, v1, authorsFor(new Map()));
    expect(updates).toEqual([]);
    expect(Y.encodeStateAsUpdate(a)).toEqual(state);
  });

  it('refuses a document that does not keep its history', () => {
    const doc = new Y.Doc();
    expect(() => diffVersions(body(doc), Y.snapshot(doc), Y.snapshot(doc), authorsFor(new Map()))).toThrow(/gc off/);
  });
});
