import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../testSupport/seededRandom';
import { predictIntegration } from './predictIntegration';
import { readUpdateOutline } from './updateOutline';

/** Three peers editing a text, a map and an array, syncing now and then; every state along the way is kept. */
function history(seed: number) {
  const rnd = seededRandom(seed);
  const peers = [1, 2, 3].map((client) => {
    const doc = new Y.Doc({ gc: false });
    doc.clientID = client * 1000 + seed;
    return doc;
  });
  const states: Uint8Array[] = [Y.encodeStateAsUpdate(new Y.Doc())];
  for (let step = 0; step < 60; step++) {
    const doc = peers[Math.floor(rnd() * peers.length)] as Y.Doc;
    const text = doc.getText('t');
    const op = rnd();
    if (op < 0.45) text.insert(Math.floor(rnd() * (text.length + 1)), 'abcdefg'.slice(0, 1 + Math.floor(rnd() * 6)));
    else if (op < 0.6 && text.length > 0) text.delete(Math.floor(rnd() * text.length), 1 + Math.floor(rnd() * 3));
    else if (op < 0.75) doc.getMap('m').set(`k${Math.floor(rnd() * 3)}`, step);
    else if (op < 0.85) doc.getArray<Y.Map<number>>('a').insert(0, [new Y.Map([['n', step]])]);
    else {
      const other = peers[Math.floor(rnd() * peers.length)] as Y.Doc;
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
    }
    states.push(Y.encodeStateAsUpdate(doc));
  }
  return { rnd, peers, states };
}

const stateOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('predictIntegration', () => {
  it('agrees with Y.applyUpdate on what a copy integrates and what it is left waiting for', () => {
    let waited = 0;
    let integrated = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const { rnd, peers, states } = history(seed);
      for (let trial = 0; trial < 40; trial++) {
        const pick = () => states[Math.floor(rnd() * states.length)] as Uint8Array;
        const source = new Y.Doc({ gc: false });
        Y.applyUpdate(source, rnd() < 0.3 ? Y.encodeStateAsUpdate(peers[trial % 3] as Y.Doc) : pick());
        const base = Y.encodeStateVectorFromUpdate(pick());
        const update = Y.encodeStateAsUpdate(source, rnd() < 0.3 ? new Uint8Array([0]) : base);
        const copyState = pick();

        const copy = new Y.Doc({ gc: false });
        Y.applyUpdate(copy, copyState);
        const before = stateOf(copy);
        Y.applyUpdate(copy, update);

        const outline = readUpdateOutline(Y.diffUpdate(update, Y.encodeStateVector(before)));
        const forecast = predictIntegration(outline.structs, before);
        expect(forecast.state).toEqual(stateOf(copy));
        expect(forecast.missing).toEqual(copy.store.pendingStructs?.missing ?? new Map());
        if (forecast.missing.size > 0) waited++;
        if ([...forecast.state].some(([client, clock]) => clock > (before.get(client) ?? 0))) integrated++;
      }
    }
    // Both outcomes occur often enough for the comparison to mean something.
    expect(waited).toBeGreaterThan(30);
    expect(integrated).toBeGreaterThan(100);
  });

  it('throws, as applying does, for an item whose origin comes after it in its own client', () => {
    const encoder = new Y.UpdateEncoderV1();
    encoder.writeLen(1); // one client block
    encoder.writeLen(1); // of one struct
    encoder.writeClient(7);
    encoder.writeLen(0); // from clock 0
    new Y.Item(Y.createID(7, 0), null, Y.createID(7, 5), null, null, null, null, new Y.ContentAny(['x'])).write(encoder, 0);
    encoder.writeLen(0); // no deletions
    const update = encoder.toUint8Array();
    expect(() => Y.applyUpdate(new Y.Doc(), update)).toThrow(TypeError);
    expect(() => predictIntegration(readUpdateOutline(update).structs, new Map())).toThrow(/comes after it/);
  });
});
