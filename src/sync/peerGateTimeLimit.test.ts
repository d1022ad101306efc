import { EventEmitter } from 'node:events';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { writeUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { initReferat } from '../core/initReferat';
import { readMeta, setTitle } from '../core/meta';
import { metaMap, newReferatDoc } from '../core/referatDoc';
import { newReferatId } from '../core/referatId';
import { STANDARD_TEMPLATE } from '../core/templates';
import { DEFAULT_LIVE_CHECK_LIMITS } from './liveCheckLimits';
import { peerCheckInWorker, type PeerCheckWorker } from './peerCheckInWorker';
import { peerGate, type ConnInternals, type RejectedPeer } from './peerGate';
import { checkPeerMessage, type PeerCheckInput, type PeerCheckVerdict, type PeerMessageCheck } from './peerMessageCheck';

/** A y-webrtc message as y-webrtc writes it: sync (0) with an update, or awareness (1) with its encoded states. */
function wire(type: 0 | 1, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (type === 0) writeUpdate(e, payload);
  else encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** The update a sync message carries. */
function carried(message: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(message);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  return decoding.readVarUint8Array(d);
}

const updateMessage = (update: Uint8Array) => wire(0, update);

function referat(): { doc: Y.Doc; id: string } {
  const doc = newReferatDoc();
  const id = newReferatId();
  initReferat(doc, { id, title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' } });
  return { doc, id };
}

/** A peer's copy of `doc`; `change` on it, as that peer's update message. */
function peerChange(doc: Y.Doc, change: (d: Y.Doc) => void): Uint8Array {
  const peer = newReferatDoc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(peer);
  change(peer);
  return updateMessage(Y.encodeStateAsUpdate(peer, sv));
}

/** A pasted text of `chars` characters at the start of the body: a message over the worker threshold when large. */
const paste = (chars: number, title?: string) => (d: Y.Doc) => {
  d.transact(() => {
    d.getXmlFragment('body').insert(0, [new Y.XmlText('Bilag: '.padEnd(chars, 'x'))]);
    if (title !== undefined) setTitle(d, title);
  });
};

/** A connection (an EventEmitter as the peer) whose data listener applies sync updates as y-webrtc does, recording what reached it. */
function connect(conns: Map<string, ConnInternals>, doc: Y.Doc, peerId: string) {
  const peer = Object.assign(new EventEmitter<{ data: [Uint8Array] }>(), { destroy: () => { conn.destroyed = true; } });
  const conn: ConnInternals & { destroyed: boolean } = { connected: true, destroyed: false, peer };
  const reached: Uint8Array[] = [];
  peer.on('data', (d: Uint8Array) => {
    reached.push(d);
    if (d[0] === 0 && d[1] === 2) Y.applyUpdate(doc, carried(d), 'room');
  });
  conns.set(peerId, conn);
  return { conn, reached, emit: (d: Uint8Array) => peer.emit('data', d) };
}

/** A check double: records each input and answers only when the test says so. */
function heldCheck() {
  const calls: Array<{ input: PeerCheckInput; timeoutMs: number; answer: (v: PeerCheckVerdict) => void }> = [];
  const check: PeerMessageCheck = (input, timeoutMs) => new Promise((answer) => calls.push({ input, timeoutMs, answer }));
  return { check, calls };
}

function gated(checkMessage: PeerMessageCheck | null, limits: { workerCheckBytes?: number; checkTimeoutMs?: number } = {}) {
  const { doc, id } = referat();
  const rejected: RejectedPeer[] = [];
  const gate = peerGate(doc, { awareness: new Awareness(doc), docId: id, checkMessage, limits }, (p) => rejected.push(p));
  const conns = new Map<string, ConnInternals>();
  gate.guard(conns);
  return { doc, id, rejected, gate, conns };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the live gate’s time limit', () => {
  it('checks small messages synchronously, as they arrive, without a worker', () => {
    const { check, calls } = heldCheck();
    const { doc, conns, rejected, gate } = gated(check);
    const peer = connect(conns, doc, 'honest');
    const key = peerChange(doc, (d) => setTitle(d, 'Driftsmøde juni'));
    expect(key.byteLength).toBeLessThan(DEFAULT_LIVE_CHECK_LIMITS.workerCheckBytes);
    peer.emit(key);
    expect(peer.reached).toEqual([key]);
    expect(readMeta(doc).title).toBe('Driftsmøde juni');
    // A small hostile message is refused at once, too.
    const hostile = connect(conns, doc, 'hostile');
    hostile.emit(peerChange(doc, (d) => metaMap(d).set('formatVersion', 3)));
    expect(rejected).toMatchObject([{ peerId: 'hostile', code: 'formatVersion' }]);
    expect(calls).toEqual([]);
    gate.destroy();
  });

  it('checks a message over the threshold in the worker, holds the peer’s later messages, then applies them in order', async () => {
    const { check, calls } = heldCheck();
    const { doc, conns, rejected, gate } = gated(check);
    const other = connect(conns, doc, 'other');
    const peer = connect(conns, doc, 'honest');
    const big = peerChange(doc, paste(40_000));
    expect(big.byteLength).toBeGreaterThan(DEFAULT_LIVE_CHECK_LIMITS.workerCheckBytes);
    peer.emit(big);
    // The message is posted with this copy's state and facts, under the time limit.
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input.message).toEqual(big);
    expect(calls[0]?.timeoutMs).toBe(10_000);
    const copy = newReferatDoc();
    Y.applyUpdate(copy, calls[0]?.input.state ?? new Uint8Array());
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
    expect(calls[0]?.input.facts.ownClients).toEqual([doc.clientID]);

    // While it is checked, the same peer's next messages wait; another peer's do not.
    const afterBig = newReferatDoc();
    Y.applyUpdate(afterBig, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(afterBig, carried(big));
    const next1 = peerChange(afterBig, (d) => setTitle(d, 'Driftsmøde, bilag'));
    Y.applyUpdate(afterBig, carried(next1));
    const next2 = peerChange(afterBig, (d) => metaMap(d).set('location', 'Rådhuset'));
    peer.emit(next1);
    peer.emit(next2);
    expect(peer.reached).toEqual([]);
    const fromOther = peerChange(doc, (d) => metaMap(d).set('startTime', '09:00'));
    other.emit(fromOther);
    expect(other.reached).toEqual([fromOther]);

    // The worker passes it: the doc changed meanwhile (the other peer), so it is checked again here, then all three go.
    calls[0]?.answer({ kind: 'pass' });
    await flush();
    expect(peer.reached).toEqual([big, next1, next2]);
    expect(readMeta(doc)).toMatchObject({ title: 'Driftsmøde, bilag', location: 'Rådhuset', startTime: '09:00' });
    expect(doc.getXmlFragment('body').toString()).toContain('Bilag: xxx');
    expect(rejected).toEqual([]);
    expect(calls).toHaveLength(1);
    gate.destroy();
  });

  it('disconnects and names a peer whose message is not checked in time, dropping what it held back; the referat stays editable', async () => {
    const terminated: number[] = [];
    // A worker that never answers: a decode that never finishes.
    const check = peerCheckInWorker(() => ({
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage: () => {},
      terminate: () => terminated.push(1),
    }));
    const { doc, id, conns, rejected, gate } = gated(check, { checkTimeoutMs: 30 });
    const before = Y.encodeStateAsUpdate(doc);
    const hostile = connect(conns, doc, 'hostile');
    hostile.emit(peerChange(doc, paste(40_000, 'Overtaget')));
    hostile.emit(peerChange(doc, (d) => setTitle(d, 'Også overtaget')));
    await new Promise((r) => setTimeout(r, 60));
    expect(rejected).toEqual([{ peerId: 'hostile', code: 'timeout', clientId: null, presence: null }]);
    expect(hostile.conn.destroyed).toBe(true);
    expect(hostile.reached).toEqual([]);
    expect(terminated).toEqual([1]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    // Later messages of that peer are dropped; the referat is still editable, locally and by an honest peer.
    hostile.emit(peerChange(doc, (d) => setTitle(d, 'Igen')));
    expect(hostile.reached).toEqual([]);
    setTitle(doc, 'Driftsmøde, rettet');
    const honest = connect(conns, doc, 'honest');
    honest.emit(peerChange(doc, (d) => metaMap(d).set('location', 'Rådhuset')));
    expect(readMeta(doc)).toMatchObject({ id, title: 'Driftsmøde, rettet', location: 'Rådhuset' });
    expect(rejected).toHaveLength(1);
    gate.destroy();
  });

  it('refuses what the worker refuses, and checks here again a pass given on a state that has since changed', async () => {
    const { check, calls } = heldCheck();
    const { doc, id, conns, rejected, gate } = gated(check);
    const hostile = connect(conns, doc, 'hostile');
    hostile.emit(peerChange(doc, paste(40_000, 'Overtaget')));
    const verdict = checkPeerMessage((calls[0] as { input: PeerCheckInput }).input);
    calls[0]?.answer(verdict);
    await flush();
    expect(verdict).toEqual({ kind: 'pass' });

    const sneaky = connect(conns, doc, 'sneaky');
    sneaky.emit(peerChange(doc, paste(40_000)));
    const wrongId = peerChange(doc, (d) => {
      paste(40_000)(d);
      metaMap(d).set('id', newReferatId());
    });
    const eve = connect(conns, doc, 'eve');
    eve.emit(wrongId);
    const real = checkPeerMessage((calls[2] as { input: PeerCheckInput }).input);
    expect(real).toMatchObject({ kind: 'refused', refusal: { code: 'metaId' } });
    calls[2]?.answer(real);
    await flush();
    expect(rejected).toMatchObject([{ peerId: 'eve', code: 'metaId' }]);
    expect(eve.reached).toEqual([]);

    // A pass on an older state: this copy has changed since (a local edit), so the gate checks it again and refuses.
    const stale = peerChange(doc, (d) => {
      paste(40_000)(d);
      metaMap(d).set('formatVersion', 3);
    });
    const late = connect(conns, doc, 'late');
    late.emit(stale);
    setTitle(doc, 'Driftsmøde, rettet');
    calls[3]?.answer({ kind: 'pass' });
    calls[1]?.answer({ kind: 'pass' });
    await flush();
    expect(rejected).toMatchObject([{ peerId: 'eve', code: 'metaId' }, { peerId: 'late', code: 'formatVersion' }]);
    expect(late.reached).toEqual([]);
    expect(readMeta(doc)).toMatchObject({ id, formatVersion: 2, title: 'Driftsmøde, rettet' });
    expect(sneaky.reached).toHaveLength(1);
    gate.destroy();
  });

  it('checks on the main thread when no worker can run the check', async () => {
    const check = peerCheckInWorker(() => {
      throw new Error('no workers here');
    });
    const { doc, conns, rejected, gate } = gated(check);
    const peer = connect(conns, doc, 'honest');
    const big = peerChange(doc, paste(40_000, 'Med bilag'));
    peer.emit(big);
    await flush();
    expect(peer.reached).toEqual([big]);
    expect(readMeta(doc).title).toBe('Med bilag');
    const hostile = connect(conns, doc, 'hostile');
    hostile.emit(peerChange(doc, (d) => {
      paste(40_000)(d);
      metaMap(d).set('formatVersion', 3);
    }));
    await flush();
    expect(rejected).toMatchObject([{ peerId: 'hostile', code: 'formatVersion' }]);
    gate.destroy();
  });
});

describe('naming a refused peer', () => {
  const presence = (name: string) => ({
    presence: { name, organisation: 'Firma', organisationKind: 'leverandoer', fingerprint: 'ABCD ABCD ABCD ABCD ABCD ABCD ABCD ABCD', color: '#aa0000', stateVector: '' },
  });
  /** An awareness whose own state is `name`'s presence. */
  function person(name: string): Awareness {
    const a = new Awareness(new Y.Doc());
    a.setLocalState(presence(name));
    return a;
  }

  it('names the peer by its own state, not by the states of others it relays', () => {
    const { doc, id } = referat();
    const awareness = new Awareness(doc);
    awareness.setLocalState(presence('Mette Holm'));
    const rejected: RejectedPeer[] = [];
    const gate = peerGate(doc, { awareness, docId: id, checkMessage: null }, (p) => rejected.push(p));
    const conns = new Map<string, ConnInternals>();
    gate.guard(conns);
    const bo = person('Bo Lund');
    const eve = person('Eve Fjendtlig');
    // Bo was here first; Eve connects and relays everyone's states, Bo's and ours first, then its own.
    const honest = connect(conns, doc, 'honest');
    const boMessage = encodeAwarenessUpdate(bo, [bo.clientID]);
    honest.emit(wire(1, boMessage));
    applyAwarenessUpdate(awareness, boMessage, 'room');
    const hostile = connect(conns, doc, 'hostile');
    for (const a of [bo, awareness, eve]) applyAwarenessUpdate(eve, encodeAwarenessUpdate(a, [a.clientID]), 'relay');
    const relayed = encodeAwarenessUpdate(eve, [bo.clientID, awareness.clientID, eve.clientID]);
    hostile.emit(wire(1, relayed));
    applyAwarenessUpdate(awareness, relayed, 'room');
    hostile.emit(peerChange(doc, (d) => metaMap(d).set('id', newReferatId())));
    expect(rejected).toMatchObject([{ peerId: 'hostile', code: 'metaId', presence: { name: 'Eve Fjendtlig' } }]);
    gate.destroy();
  });
});

describe('peerCheckInWorker', () => {
  it('runs the real worker module: passes an honest message, refuses a changed meta.id, terminates the worker', async () => {
    const scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (m: unknown) => void } = { onmessage: null, postMessage: () => {} };
    vi.stubGlobal('self', scope);
    await import('./peerCheckWorker');
    let terminated = 0;
    const createWorker = (): PeerCheckWorker => {
      const w: PeerCheckWorker = {
        onmessage: null,
        onerror: null,
        onmessageerror: null,
        postMessage(message) {
          scope.postMessage = (m) => w.onmessage?.({ data: structuredClone(m) } as MessageEvent);
          queueMicrotask(() => scope.onmessage?.({ data: structuredClone(message) }));
        },
        terminate: () => {
          terminated++;
        },
      };
      return w;
    };
    const { doc, id } = referat();
    const input = (message: Uint8Array): PeerCheckInput => ({
      message,
      state: Y.encodeStateAsUpdate(doc),
      facts: { entries: [], ownClients: [doc.clientID], owners: [] },
      expectedId: id,
      maxMessageBytes: 8 * 1024 * 1024,
    });
    const check = peerCheckInWorker(createWorker);
    expect(await check(input(peerChange(doc, paste(40_000, 'Med bilag'))), 5_000)).toEqual({ kind: 'pass' });
    expect(await check(input(peerChange(doc, (d) => metaMap(d).set('id', 'et-andet'))), 5_000)).toMatchObject({ kind: 'refused', refusal: { code: 'metaId', clientId: null } });
    expect(await check(input(updateMessage(new Uint8Array([1, 200, 200, 200, 3]))), 5_000)).toMatchObject({ kind: 'refused', refusal: { code: 'badUpdate' } });
    expect(terminated).toBe(3);
  });

  it('answers `unavailable` for a worker that fails or babbles, and `timeout` for one that never answers', async () => {
    const fake = (reply: (w: PeerCheckWorker) => void) => () => {
      const w: PeerCheckWorker = { onmessage: null, onerror: null, onmessageerror: null, postMessage: () => queueMicrotask(() => reply(w)), terminate: () => {} };
      return w;
    };
    const { doc, id } = referat();
    const input: PeerCheckInput = { message: new Uint8Array([0, 2, 0]), state: Y.encodeStateAsUpdate(doc), facts: { entries: [], ownClients: [], owners: [] }, expectedId: id, maxMessageBytes: 100 };
    expect(await peerCheckInWorker(fake((w) => w.onerror?.({ message: 'boom' } as ErrorEvent)))({ ...input, state: input.state.slice() }, 1000)).toEqual({ kind: 'unavailable', detail: 'boom' });
    expect(await peerCheckInWorker(fake((w) => w.onmessage?.({ data: { kind: 'pass!' } } as MessageEvent)))({ ...input, state: input.state.slice() }, 1000)).toMatchObject({ kind: 'unavailable' });
    expect(await peerCheckInWorker(fake(() => {}))({ ...input, state: input.state.slice() }, 20)).toEqual({ kind: 'timeout', detail: 'checking the message took longer than 20 ms' });
  });
});
