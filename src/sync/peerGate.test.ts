import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createTestSigner } from '../testSupport/testSigner';
import { checkClaims, claimsMap, signClaim, writeClaim } from '../core/clientClaims';
import { initReferat } from '../core/initReferat';
import { readMeta, setTitle } from '../core/meta';
import { newReferatDoc } from '../core/referatDoc';
import { newReferatId } from '../core/referatId';
import { STANDARD_TEMPLATE } from '../core/templates';
import { DEFAULT_LIVE_LIMITS } from './liveLimits';
import { peerGate, type ConnInternals, type RejectedPeer } from './peerGate';
import { readPeerMessage } from './peerMessage';
import { peerUpdateRefusal } from './peerUpdateRefusal';
import { receiverFacts } from './receiverFacts';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** A y-webrtc sync message carrying `update` (messageSync, then messageYjsUpdate). */
function updateMessage(update: Uint8Array): Uint8Array {
  return new Uint8Array([0, 2, ...varUint(update.length), ...update]);
}

function referat(): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id: newReferatId(), title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: profile });
  return doc;
}

function copyOf(doc: Y.Doc, clientId?: number): Y.Doc {
  const copy = newReferatDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  if (clientId !== undefined) copy.clientID = clientId;
  return copy;
}

/** What `change` adds to a copy of `doc` written as client `clientId`, as a peer's update message. */
function peerChange(doc: Y.Doc, change: (d: Y.Doc) => void, clientId?: number): Uint8Array {
  const peer = copyOf(doc, clientId);
  const sv = Y.encodeStateVector(peer);
  change(peer);
  return updateMessage(Y.encodeStateAsUpdate(peer, sv));
}

/** A y-webrtc connection as the gate sees it: a peer with data listeners. */
function fakeConn() {
  const listeners: Array<(d: Uint8Array) => void> = [];
  const conn: ConnInternals & { destroyed: boolean } = {
    connected: true,
    destroyed: false,
    peer: {
      on: (_e, l) => { listeners.push(l); },
      listeners: () => [...listeners],
      removeAllListeners: () => { listeners.length = 0; },
      destroy: () => { conn.destroyed = true; },
    },
  };
  return { conn, emit: (d: Uint8Array) => { for (const l of listeners.slice()) l(d); } };
}

describe('peerUpdateRefusal', () => {
  it('refuses changes under this document’s client id and a conflicting claim; passes honest changes and other messages', async () => {
    const owner = await createTestSigner('Ed25519');
    const thief = await createTestSigner('Ed25519');
    const doc = referat();
    setTitle(doc, 'Driftsmøde 2');
    const other = copyOf(doc);
    writeClaim(other, await signClaim(owner, other.clientID, readMeta(doc).id));
    setTitle(other, 'Driftsmøde 3');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    const facts = { ...receiverFacts(doc, await checkClaims(doc), ''), ownClients: [doc.clientID] };
    const ctx = { facts, expectedId: null, maxMessageBytes: DEFAULT_LIVE_LIMITS.maxMessageBytes };
    const before = Y.encodeStateAsUpdate(doc);

    expect(peerUpdateRefusal(peerChange(doc, (d) => setTitle(d, 'Aflyst'), doc.clientID), doc, ctx)).toMatchObject({ code: 'foreignClient', clientId: doc.clientID });
    const claim = await signClaim(thief, other.clientID, readMeta(doc).id);
    expect(peerUpdateRefusal(peerChange(doc, (d) => claimsMap(d).set(String(other.clientID), claim)), doc, ctx)).toMatchObject({ code: 'conflictingClaim', clientId: other.clientID });
    expect(peerUpdateRefusal(peerChange(doc, (d) => setTitle(d, 'Nyt navn')), doc, ctx)).toBeNull();
    // Sync step 1 (a state vector), awareness, and an unreadable message are not updates.
    expect(peerUpdateRefusal(new Uint8Array([0, 0, 1, 0]), doc, ctx)).toBeNull();
    expect(peerUpdateRefusal(new Uint8Array([1, 0]), doc, ctx)).toBeNull();
    expect(peerUpdateRefusal(new Uint8Array([0, 2, 200]), doc, ctx)).toBeNull();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('reads the awareness client ids a message names', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ presence: { name: 'x' } });
    const states = new Uint8Array([...varUint(1), ...varUint(doc.clientID), ...varUint(1), ...varUint(2), 123, 125]);
    expect(readPeerMessage(new Uint8Array([1, ...varUint(states.length), ...states]))).toEqual({ kind: 'awareness', clients: [doc.clientID] });
    expect(() => readPeerMessage(new Uint8Array([0, 2, 5, 1]))).toThrow(RangeError);
  });
});

describe('peerGate', () => {
  it('drops a refused message, disconnects and names the peer, and lets honest messages through', async () => {
    const doc = referat();
    setTitle(doc, 'Driftsmøde 2');
    const rejected: RejectedPeer[] = [];
    const gate = peerGate(doc, { awareness: new Awareness(doc) }, (p) => rejected.push(p));
    const conns = new Map<string, ConnInternals>();
    gate.guard(conns);

    const honest = fakeConn();
    const applied: Uint8Array[] = [];
    honest.conn.peer?.on('data', (d) => applied.push(d));
    conns.set('honest-peer', honest.conn);
    const good = peerChange(doc, (d) => setTitle(d, 'Nyt navn'));
    honest.emit(good);
    expect(applied).toEqual([good]);

    const hostile = fakeConn();
    const reached: Uint8Array[] = [];
    hostile.conn.peer?.on('data', (d) => reached.push(d));
    conns.set('hostile-peer', hostile.conn);
    hostile.emit(peerChange(doc, (d) => setTitle(d, 'Aflyst'), doc.clientID));
    hostile.emit(good);
    expect(reached).toEqual([]);
    expect(hostile.conn.destroyed).toBe(true);
    expect(rejected).toEqual([{ peerId: 'hostile-peer', code: 'foreignClient', clientId: doc.clientID, presence: null }]);

    // The same peer id connecting again is dropped at once.
    const again = fakeConn();
    conns.set('hostile-peer', again.conn);
    expect(again.conn.destroyed).toBe(true);
    gate.destroy();
    await Promise.resolve();
  });
});
