import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { divergentClient, structsByClient } from './divergentClient';

const structs = (d: Y.Doc) => structsByClient(Y.decodeUpdate(Y.encodeStateAsUpdate(d)).structs);

function doc(clientID: number): Y.Doc {
  const d = new Y.Doc({ gc: false });
  d.clientID = clientID;
  return d;
}

describe('divergentClient', () => {
  it('finds no divergence between honest copies whose items are split differently, emoji included', () => {
    const a = doc(1);
    a.getText('t').insert(0, 'Hej 👍 verden');
    a.getMap('m').set('k', 'x');
    a.getMap('m').set('k', 'y');
    const b = doc(2);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // b splits a's items: inserts inside them, deletes part of them.
    b.getText('t').insert(5, '!');
    b.getText('t').delete(1, 2);
    expect(divergentClient(structs(a), structs(b))).toBeNull();
    expect(divergentClient(structs(b), structs(a))).toBeNull();
  });

  it('finds the client under which two copies hold different changes at the same clocks', () => {
    const a = doc(1);
    a.getText('t').insert(0, 'Hej');
    const forged = doc(3);
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(a));
    forged.clientID = 1;
    forged.getText('t').insert(3, ' aflyst');
    a.getText('t').insert(3, ' verden');
    expect(divergentClient(structs(forged), structs(a))).toBe(1);
    // A file with only what the other lacks (no shared clocks) cannot show it: nothing overlaps.
    expect(divergentClient(structsByClient(Y.decodeUpdate(Y.encodeStateAsUpdate(forged, Y.encodeStateVector(a))).structs), structs(a))).toBeNull();
  });
});
