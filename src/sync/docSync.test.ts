import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attachDocSync } from './docSync';
import { MemoryHub } from './memoryChannel';

function seeded(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

describe('docSync over the in-memory channel', () => {
  it('brings a late joiner up to date and keeps peers identical while they type', () => {
    const hub = new MemoryHub();
    const a = new Y.Doc();
    a.getText('t').insert(0, 'skrevet før ');
    attachDocSync(a, hub.endpoint());
    const b = new Y.Doc();
    b.getText('t').insert(0, 'offline ');
    attachDocSync(b, hub.endpoint());
    a.getText('t').insert(0, 'A');
    b.getText('t').insert(0, 'B');
    expect(a.getText('t').toString()).toBe(b.getText('t').toString());
    expect(a.getText('t').toString()).toContain('skrevet før');
    expect(a.getText('t').toString()).toContain('offline');
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('converges for 3 peers with random delivery order (seed %i)', (seed) => {
    const rnd = seeded(seed);
    const hub = new MemoryHub();
    hub.held = true;
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    for (const d of docs) attachDocSync(d, hub.endpoint());
    for (let i = 0; i < 60; i++) {
      const d = docs[rnd(docs.length)] as Y.Doc;
      const t = d.getText('t');
      if (t.length > 0 && rnd(4) === 0) t.delete(rnd(t.length), 1);
      else t.insert(rnd(t.length + 1), String.fromCharCode(97 + rnd(26)));
      if (rnd(5) === 0) hub.deliver(rnd);
    }
    hub.deliver(rnd);
    const texts = docs.map((d) => d.getText('t').toString());
    expect(new Set(texts).size, `seed ${seed}`).toBe(1);
  });

  it('sends each change once, in the V1 encoding the store writes, only once a peer has spoken, and reads V1 and V2 updates', () => {
    const hub = new MemoryHub();
    const doc = new Y.Doc();
    attachDocSync(doc, hub.endpoint());
    const peer = hub.endpoint();
    const seen: Uint8Array[] = [];
    peer.subscribe((m) => seen.push(m));
    // Alone on the channel: nothing is sent until a peer says hello, and the answer holds what came before.
    doc.getText('t').insert(0, 'før ');
    expect(seen).toEqual([]);
    peer.send(new Uint8Array([0, ...Y.encodeStateVector(new Y.Doc())]));
    expect(seen.map((m) => m[0])).toEqual([2, 1]);
    const answer = new Y.Doc();
    Y.applyUpdate(answer, (seen[0] as Uint8Array).subarray(1));
    expect(answer.getText('t').toString()).toBe('før ');
    seen.length = 0;
    doc.getText('t').insert(4, 'ny tekst');
    expect(seen.map((m) => m[0])).toEqual([2]);
    Y.applyUpdate(answer, (seen[0] as Uint8Array).subarray(1));
    expect(answer.getText('t').toString()).toBe('før ny tekst');

    const other = new Y.Doc();
    other.getText('t').insert(0, 'fra en anden fane: ');
    peer.send(new Uint8Array([3, ...Y.encodeStateAsUpdateV2(other)]));
    expect(doc.getText('t').toString()).toContain('fra en anden fane: ');
    other.getText('t').insert(0, 'V1 ');
    peer.send(new Uint8Array([2, ...Y.encodeStateAsUpdate(other)]));
    expect(doc.getText('t').toString()).toContain('V1 fra en anden fane: ');
    expect(doc.getText('t').toString()).toContain('ny tekst');
  });

  it('rejects a malformed message, reports it, and leaves the document unchanged', () => {
    const hub = new MemoryHub();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'uændret');
    const sync = attachDocSync(doc, hub.endpoint());
    const errors: string[] = [];
    sync.onError((e) => errors.push(e.message));
    const attacker = hub.endpoint();
    const before = Y.encodeStateAsUpdate(doc);
    attacker.send(new Uint8Array([2, 255, 255, 255, 1, 2, 3]));
    attacker.send(new Uint8Array([3, 255, 255, 255, 1, 2, 3]));
    attacker.send(new Uint8Array([9, 1]));
    attacker.send(new Uint8Array([]));
    expect(errors.length).toBe(4);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(doc.getText('t').toString()).toBe('uændret');
  });
});
