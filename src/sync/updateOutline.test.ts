import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { coversDeletion, mergeRanges, readUpdateOutline } from './updateOutline';

/** A v1 update of garbage-collected structs, one block per entry: [client, first clock, lengths]. */
function gcUpdate(blocks: Array<[number, number, number[]]>): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoder.writeLen(blocks.length);
  for (const [client, clock, lengths] of blocks) {
    encoder.writeLen(lengths.length);
    encoder.writeClient(client);
    encoder.writeLen(clock);
    let at = clock;
    for (const len of lengths) {
      new Y.GC(Y.createID(client, at), len).write(encoder, 0);
      at += len;
    }
  }
  encoder.writeLen(0); // no deletions
  return encoder.toUint8Array();
}

describe('readUpdateOutline', () => {
  it('reads structs per client in clock order, and the delete set', () => {
    const doc = new Y.Doc({ gc: false });
    doc.getText('t').insert(0, 'abc');
    doc.getText('t').delete(1, 1);
    const outline = readUpdateOutline(Y.encodeStateAsUpdate(doc));
    expect([...outline.structs.keys()]).toEqual([doc.clientID]);
    expect(outline.structs.get(doc.clientID)?.map((s) => [s.id.clock, s.length])).toEqual([[0, 1], [1, 1], [2, 1]]);
    expect(outline.deletes).toEqual(new Map([[doc.clientID, [{ clock: 1, len: 1 }]]]));
  });

  it('refuses a client in two blocks, which Yjs would read as its last block only', () => {
    const split = gcUpdate([[1, 0, [1]], [2, 0, [1]], [1, 1, [1]]]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, split);
    expect(doc.store.pendingStructs?.missing).toEqual(new Map([[1, 0]]));
    expect(() => readUpdateOutline(split)).toThrow(/more than one block/);
    expect(() => readUpdateOutline(gcUpdate([[1, 0, [1]], [1, 1, [1]]]))).toThrow(/empty or repeated/);
    expect(() => readUpdateOutline(gcUpdate([[1, 0, [1]], [2, 0, []]]))).toThrow(/empty or repeated/);
    expect(readUpdateOutline(gcUpdate([[1, 0, [1, 2]], [2, 0, [1]]])).structs.get(1)?.length).toBe(2);
  });
});

describe('mergeRanges and coversDeletion', () => {
  it('joins touching ranges and answers whether a range is wholly deleted', () => {
    const merged = mergeRanges([{ clock: 5, len: 2 }, { clock: 0, len: 3 }, { clock: 3, len: 1 }, { clock: 9, len: 0 }, { clock: 6, len: 4 }]);
    expect(merged).toEqual([{ clock: 0, len: 4 }, { clock: 5, len: 5 }]);
    expect(coversDeletion(merged, 0, 4)).toBe(true);
    expect(coversDeletion(merged, 3, 2)).toBe(false);
    expect(coversDeletion(merged, 6, 4)).toBe(true);
    expect(coversDeletion(merged, 9, 2)).toBe(false);
    expect(coversDeletion(merged, 20, 0)).toBe(true);
    expect(coversDeletion([], 0, 1)).toBe(false);
  });
});
