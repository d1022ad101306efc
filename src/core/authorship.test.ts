import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { authorOfClient, recordAuthorship, USERS, verifiedAuthorOfClient } from './authorship';

afterEach(() => {
  vi.useRealTimers();
});

/** How many deletion records the author has in the document. */
function deletionRecords(doc: Y.Doc, fingerprint: string): number {
  const user = doc.getMap(USERS).get(fingerprint) as Y.Map<Y.Array<Uint8Array>>;
  return (user.get('ds') as Y.Array<Uint8Array>).length;
}

describe('recordAuthorship', () => {
  it('names the author of this client and records each local deletion, without a timer per keystroke', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const text = doc.getText('t');
    recordAuthorship(doc, 'AAAA BBBB');
    vi.runAllTimers();
    expect(authorOfClient(doc, doc.clientID)).toBe('AAAA BBBB');

    const first = Y.getState(doc.store, doc.clientID);
    for (const ch of 'referat') text.insert(text.length, ch);
    expect(vi.getTimerCount()).toBe(0);

    text.delete(0, 2);
    text.delete(0, 1);
    expect(vi.getTimerCount()).toBe(2);
    vi.runAllTimers();
    expect(deletionRecords(doc, 'AAAA BBBB')).toBe(2);
    // A reader of a copy finds who deleted what.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const reader = new Y.PermanentUserData(copy, copy.getMap(USERS));
    const id = (clock: number) => Y.createID(doc.clientID, first + clock);
    expect([0, 1, 2, 3].map((clock) => reader.getUserByDeletedId(id(clock)))).toEqual(['AAAA BBBB', 'AAAA BBBB', 'AAAA BBBB', null]);
    expect(text.toString()).toBe('erat');
  });

  it('does not record deletions that arrive from a peer', () => {
    vi.useFakeTimers();
    const peer = new Y.Doc();
    peer.getText('t').insert(0, 'abc');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    recordAuthorship(doc, 'AAAA BBBB');
    vi.runAllTimers();
    const sv = Y.encodeStateVector(peer);
    peer.getText('t').delete(0, 1);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, sv), 'peer');
    expect(vi.getTimerCount()).toBe(0);
    expect(deletionRecords(doc, 'AAAA BBBB')).toBe(0);
    expect(doc.getText('t').toString()).toBe('bc');
  });
});

describe('verifiedAuthorOfClient', () => {
  it('names a client from a verified claim, and what `users` says only as unverified', () => {
    const doc = new Y.Doc();
    recordAuthorship(doc, 'AAAA BBBB');
    const owners = new Map([[doc.clientID, 'CCCC DDDD']]);
    expect(verifiedAuthorOfClient(doc, owners, doc.clientID)).toEqual({ fingerprint: 'CCCC DDDD', verified: true });
    expect(verifiedAuthorOfClient(doc, new Map(), doc.clientID)).toEqual({ fingerprint: 'AAAA BBBB', verified: false });
    expect(verifiedAuthorOfClient(doc, new Map(), 42)).toEqual({ fingerprint: null, verified: false });
  });
});
