import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordAuthorship } from './authorship';
import { deletionAuthor, deletionIndex } from './deletionAuthor';
import { firstItem } from './yjsInternals';

const METTE = 'a'.repeat(64);

describe('deletion author', () => {
  it('names the key whose own recorded deletions include an item, and no one for a record it does not own', async () => {
    const doc = new Y.Doc({ gc: false });
    doc.clientID = 11;
    recordAuthorship(doc, METTE);
    const text = doc.getText('t');
    text.insert(0, 'Kommunens tekst');
    const first = firstItem(text)!.id;
    text.delete(10, 5);
    await new Promise((r) => setTimeout(r, 10)); // PermanentUserData records deletions in a timeout after the transaction.
    const deleted = { client: 11, clock: first.clock + 12 } as Y.ID;
    const kept = { client: 11, clock: first.clock + 2 } as Y.ID;
    const owner = (client: number) => (client === 11 ? METTE : null);
    expect(deletionAuthor(doc, deleted, owner)).toBe(METTE);
    expect(deletionAuthor(doc, kept, owner)).toBeNull();
    // A record written by a client no verified claim binds to that key proves nothing.
    expect(deletionAuthor(doc, deleted, () => null)).toBeNull();
  });

  it('answers as deletionAuthor does for every id, with several authors whose deletions overlap and interleave', async () => {
    const doc = new Y.Doc({ gc: false });
    doc.clientID = 11;
    recordAuthorship(doc, METTE);
    const BO = 'b'.repeat(64);
    const other = new Y.Doc({ gc: false });
    other.clientID = 22;
    const text = doc.getText('t');
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    text.insert(0, 'x'.repeat(400));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    recordAuthorship(other, BO);
    const otherText = other.getText('t');
    for (let i = 0; i < 60; i++) {
      const t = i % 2 === 0 ? text : otherText;
      if (t.length > 10) t.delete(next(t.length - 5), 1 + next(4));
      t.insert(next(t.length), 'ab');
      await new Promise((r) => setTimeout(r, 0)); // each edit its own recorded deletion
    }
    await new Promise((r) => setTimeout(r, 10));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
    const owner = (client: number) => (client === 11 ? METTE : client === 22 ? BO : null);
    const index = deletionIndex(doc, owner);
    let credited = 0;
    for (const client of [11, 22]) {
      for (let clock = 0; clock < 700; clock++) {
        const id = { client, clock } as Y.ID;
        const expected = deletionAuthor(doc, id, owner);
        if (expected !== null) credited++;
        expect(index(id)).toBe(expected);
      }
    }
    expect(credited).toBeGreaterThan(50);
  });
});
