import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededBytes, seededRandom } from '../testSupport/seededRandom';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { ackHoldsAll, openAck, sealAck } from './relayAck';
import { newRelayCursor, type RelayCursor } from './relayCursor';
import { decryptRecord, encryptRecord, openEntry, sealEntry } from './relayEntry';
import { decodeInner, decodeOuter, encodeInnerUnsigned, MAX_ENTRY_BYTES } from './relayEntryLayout';
import {
  acknowledge,
  compact,
  ENVELOPE_ACKS,
  ENVELOPE_ENTRIES,
  ENVELOPE_SNAPSHOTS,
  entryKey,
  membersHoldingAll,
  postEntry,
  postUpdate,
  readEnvelope,
  recordApplied,
  type EnvelopeRead,
} from './relayEnvelope';
import { deriveRelayKeys, fingerprintBytes, senderTag, type RelayKeys } from './relayKeys';
import { keyFingerprint } from './fingerprint';

const SECRET = 'q8Vx1n0bD3kR7tY2uW9zA4cE6gH5jL0m';
const DOC = '0f8b2c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b';
const OTHER_DOC = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 9);

/** One device: its key, its referat (gc off, as the app keeps it), its replica of the envelope and its cursor. */
interface Device {
  name: string;
  signer: TestSigner;
  keys: RelayKeys;
  tag: string;
  cursor: RelayCursor;
  referat: Y.Doc;
  envelope: Y.Doc;
  /** Local changes not yet posted. */
  pending: Uint8Array[];
}

async function device(name: string, keys?: RelayKeys): Promise<Device> {
  const signer = await createTestSigner(name.length % 2 === 0 ? 'Ed25519' : 'ECDSA-P256');
  const k = keys ?? (await deriveRelayKeys(SECRET, DOC));
  const tag = await senderTag(k, fingerprintBytes(await keyFingerprint(signer.publicKey)) as Uint8Array);
  const referat = new Y.Doc({ gc: false });
  const d: Device = { name, signer, keys: k, tag, cursor: newRelayCursor(tag), referat, envelope: new Y.Doc(), pending: [] };
  referat.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'relay') d.pending.push(update);
  });
  return d;
}

function type(d: Device, words: string, at = d.referat.getText('body').length): void {
  d.referat.getText('body').insert(Math.min(at, d.referat.getText('body').length), words);
}

function text(d: Device): string {
  return d.referat.getText('body').toString();
}

/** Posts what the device typed since its last post as one entry. */
async function flush(d: Device, now = T0): Promise<void> {
  if (d.pending.length === 0) return;
  const update = Y.mergeUpdates(d.pending);
  d.pending = [];
  await postUpdate({ envelope: d.envelope, keys: d.keys, signer: d.signer, cursor: d.cursor, update, now });
}

/** One direction of a Yjs sync between two replicas of the envelope (the relay's and a device's). */
function deliver(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function sync(d: Device, relay: Y.Doc): void {
  deliver(d.envelope, relay);
  deliver(relay, d.envelope);
}

/** Reads the device's envelope and applies what verified, as the app's checked path would. */
async function receive(d: Device): Promise<EnvelopeRead> {
  const read = await readEnvelope(d.envelope, d.keys, d.cursor);
  for (const s of read.snapshots) {
    Y.applyUpdate(d.referat, s.update, 'relay');
    recordApplied(d.cursor, s);
  }
  for (const u of read.updates) {
    Y.applyUpdate(d.referat, u.body, 'relay');
    recordApplied(d.cursor, u);
  }
  return read;
}

async function ack(d: Device, now = T0) {
  return acknowledge(d.envelope, d.keys, d.signer, d.cursor, Y.encodeStateVector(d.referat), now);
}

function entries(envelope: Y.Doc): Y.Array<Uint8Array> {
  return envelope.getArray<Uint8Array>(ENVELOPE_ENTRIES);
}

function entryCount(envelope: Y.Doc): number {
  return entries(envelope).length;
}

/** `<tag>/<seq>` of every entry, as its frame names it. */
function keysOf(envelope: Y.Doc): string[] {
  return entries(envelope)
    .toArray()
    .map((bytes) => {
      const outer = decodeOuter(bytes);
      return outer.ok ? entryKey(outer.value.tag, outer.value.seq) : '?';
    })
    .toSorted();
}

function entryBytes(envelope: Y.Doc, key: string): Uint8Array {
  const found = entries(envelope)
    .toArray()
    .find((bytes) => {
      const outer = decodeOuter(bytes);
      return outer.ok && entryKey(outer.value.tag, outer.value.seq) === key;
    });
  if (!found) throw new Error(`no entry ${key}`);
  return found;
}

/** A wrote "Hej" through the relay and B applied it; `genuine` is A's entry as the relay holds it. */
async function heldByBoth() {
  const relay = new Y.Doc();
  const a = await device('kommune');
  const b = await device('vendor');
  type(a, 'Hej');
  await flush(a);
  sync(a, relay);
  sync(b, relay);
  await receive(b);
  return { relay, a, b, genuine: entryBytes(relay, entryKey(a.tag, 1)) };
}

describe('relay envelope', () => {
  it('carries changes from one device to another through the relay, and back as a signed acknowledgement', async () => {
    const relay = new Y.Doc();
    const a = await device('kommune');
    const b = await device('vendor');
    type(a, 'Punkt 1: kontrakt. ');
    await flush(a);
    type(a, 'Beslutning: forlænges.');
    await flush(a);
    sync(a, relay);
    expect(entryCount(relay)).toBe(2);
    expect(keysOf(relay)).toEqual([entryKey(a.tag, 1), entryKey(a.tag, 2)]);

    sync(b, relay);
    const read = await receive(b);
    expect(read.refused).toEqual([]);
    expect(read.gaps).toEqual([]);
    expect(read.updates.map((u) => [u.tag, u.seq])).toEqual([[a.tag, 1], [a.tag, 2]]);
    expect(text(b)).toBe('Punkt 1: kontrakt. Beslutning: forlænges.');
    // Read again: nothing new.
    expect((await receive(b)).updates).toEqual([]);

    type(b, ' Godkendt.');
    await flush(b);
    const bAck = await ack(b);
    expect(bAck.applied.get(a.tag)).toBe(2);
    expect(bAck.applied.get(b.tag)).toBe(1);
    sync(b, relay);
    sync(a, relay);
    const aRead = await receive(a);
    expect(text(a)).toBe(text(b));
    const seen = aRead.acks.find((x) => x.tag === b.tag);
    expect(seen?.fingerprint).toBe(await keyFingerprint(b.signer.publicKey));
    // "Fuld kopi (via relæ)": B's signed acknowledgement holds every change A holds.
    expect(ackHoldsAll(seen!, Y.decodeStateVector(Y.encodeStateVector(a.referat)))).toBe(true);
    type(a, ' Mere.');
    expect(membersHoldingAll(aRead.acks, Y.decodeStateVector(Y.encodeStateVector(a.referat)))).toEqual([]);
  });

  it('never posts a second entry under a taken sender and seq', async () => {
    const a = await device('kommune');
    type(a, 'Første');
    await flush(a);
    const first = entryBytes(a.envelope, entryKey(a.tag, 1));
    const again = await sealEntry({ keys: a.keys, signer: a.signer, kind: 'update', seq: 1, body: new Uint8Array([0, 0]), now: T0 });
    expect(postEntry(a.envelope, again)).toBe('exists');
    expect(entries(a.envelope).toArray()).toEqual([first]);
    expect(postEntry(a.envelope, new Uint8Array([9, 9, 9]))).toMatchObject({ ok: false, reason: 'malformed' });
    // A cursor that lags (restored from an old state) skips the taken seq instead of reusing it.
    a.cursor.own.update = 0;
    type(a, ' anden');
    await flush(a);
    expect(keysOf(a.envelope)).toEqual([entryKey(a.tag, 1), entryKey(a.tag, 2)].toSorted());
  });

  it('refuses each hostile entry with its reason, leaves the receiving copy unchanged, and still applies the rest', async () => {
    const { relay, a, b, genuine } = await heldByBoth();
    const c = await device('kommune2');
    const eve = await device('eve');
    expect(text(b)).toBe('Hej');
    const before = Y.encodeStateAsUpdate(b.referat);

    const aSeal = async (seq: number, keys = a.keys, word = ' skjult') => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.referat));
      doc.getText('body').insert(doc.getText('body').length, word);
      return sealEntry({ keys, signer: a.signer, kind: 'update', seq, body: Y.encodeStateAsUpdate(doc, Y.encodeStateVector(a.referat)), now: T0 });
    };
    const flip = (bytes: Uint8Array, at: number) => {
      const copy = new Uint8Array(bytes);
      copy[at] = (copy[at] as number) ^ 1;
      return copy;
    };
    // Eve holds the secret: she can decrypt A's entries, re-encrypt them, and sign with her own key under A's name.
    const record = (await decryptRecord(a.keys, genuine)) as Uint8Array;
    const inner = decodeInner((await decryptRecord(a.keys, await aSeal(6))) as Uint8Array);
    if (!inner.ok) throw new Error(inner.detail);
    const { signature: _sig, ...fields } = inner.value.entry;
    const eveInner = decodeInner((await decryptRecord(eve.keys, await sealEntry({ keys: eve.keys, signer: eve.signer, kind: 'update', seq: 1, body: new Uint8Array([0, 0]), now: T0 }))) as Uint8Array);
    if (!eveInner.ok) throw new Error(eveInner.detail);
    const forged = encodeInnerUnsigned({ ...fields, publicKey: eveInner.value.entry.publicKey });
    forged.record.set(await eve.signer.sign(forged.signingInput), forged.record.length - 64);
    const otherKeys = await deriveRelayKeys(SECRET, OTHER_DOC);
    const otherTag = await senderTag(otherKeys, fields.fingerprint);
    const wrongContentKey = { ...a.keys, contentKey: (await deriveRelayKeys(`${SECRET}Q`, DOC)).contentKey };
    const big = new Uint8Array(MAX_ENTRY_BYTES.update + 1);
    big.set([1, 1]);
    const ackEntry = await sealAck({ keys: eve.keys, signer: eve.signer, seq: 1, applied: new Map(), stateVector: new Uint8Array([0]), now: T0 });

    const hostile: Array<[string, Uint8Array]> = [
      ['tampered ciphertext', flip(await aSeal(2), 200)],
      ['tampered header (IV)', flip(await aSeal(3), 35)],
      ['a wrong key', await aSeal(4, wrongContentKey)],
      ['replayed under another seq', await encryptRecord(a.keys, 'update', a.tag, 5, record)],
      ['forged fingerprint', await encryptRecord(a.keys, 'update', a.tag, 6, forged.record)],
      ['from another mailbox', await aSeal(1, otherKeys)],
      ['garbage', seededBytes(7, 300)],
      ['oversized', big],
      ['an ack among the entries', ackEntry],
    ];
    sync(c, relay);
    await receive(c);
    type(c, 'C');
    await flush(c);
    sync(c, relay);
    relay.transact(() => {
      for (const [, bytes] of hostile) entries(relay).push([bytes]);
      relay.getArray(ENVELOPE_ENTRIES).push(['tekst, ikke bytes']);
    });

    sync(b, relay);
    const read = await receive(b);
    const reasons = read.refused.map((r) => [r.key.startsWith('#') ? '#' : r.key, r.reason]);
    expect(reasons.toSorted()).toEqual(
      [
        [entryKey(a.tag, 2), 'badCiphertext'],
        [entryKey(a.tag, 3), 'badCiphertext'],
        [entryKey(a.tag, 4), 'badCiphertext'],
        [entryKey(a.tag, 5), 'replay'],
        [entryKey(a.tag, 6), 'badSignature'],
        [entryKey(otherTag, 1), 'wrongMailbox'],
        ['#', 'malformed'],
        ['#', 'tooLarge'],
        ['#', 'replay'],
        ['#', 'malformed'],
      ].toSorted(),
    );
    expect(read.refused.find((r) => r.key === entryKey(a.tag, 6))?.detail).toBe('the public key does not match the fingerprint');
    // Only C's genuine entry went in; nothing refused touched B's copy.
    expect(read.updates.map((u) => u.tag)).toEqual([c.tag]);
    expect(text(b)).toBe('HejC');
    const expected = new Y.Doc({ gc: false });
    Y.applyUpdate(expected, before);
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(c.referat));
    expect(Y.encodeStateAsUpdate(b.referat)).toEqual(Y.encodeStateAsUpdate(expected));
    // Refused frames are reported as refusals, not as gaps: nothing A signed says it posted 2 … 6.
    expect(read.gaps).toEqual([]);
  });

  it('refuses a hostile read with the receiving copy byte for byte unchanged', async () => {
    const { relay, a, b, genuine } = await heldByBoth();
    const before = Y.encodeStateAsUpdate(b.referat);
    const record = (await decryptRecord(a.keys, genuine)) as Uint8Array;
    entries(relay).push([genuine, await encryptRecord(a.keys, 'update', a.tag, 2, record), seededBytes(3, 90)]);
    sync(b, relay);
    const read = await receive(b);
    expect(read.refused.map((r) => r.reason).toSorted()).toEqual(['malformed', 'replay']);
    expect(Y.encodeStateAsUpdate(b.referat)).toEqual(before);
  });

  it("notices a member deleting or overwriting another's entries as gaps, and the sender's re-post heals them", async () => {
    const relay = new Y.Doc();
    const a = await device('kommune');
    const b = await device('vendor');
    const eve = await device('eve');
    for (const word of ['en ', 'to ', 'tre ', 'fire']) {
      type(a, word);
      await flush(a);
    }
    await ack(a);
    sync(a, relay);
    sync(eve, relay);
    // Eve deletes A's second, third and last entries, and puts her own signed record in the third's place under A's name.
    const eveRecord = (await decryptRecord(eve.keys, await sealEntry({ keys: eve.keys, signer: eve.signer, kind: 'update', seq: 3, body: new Uint8Array([0, 0]), now: T0 }))) as Uint8Array;
    const inPlace = await encryptRecord(eve.keys, 'update', a.tag, 3, eveRecord);
    eve.envelope.transact(() => {
      const list = entries(eve.envelope);
      const at = (key: string) => list.toArray().indexOf(entryBytes(eve.envelope, key));
      list.delete(at(entryKey(a.tag, 4)), 1);
      list.delete(at(entryKey(a.tag, 3)), 1);
      list.delete(at(entryKey(a.tag, 2)), 1);
      list.push([inPlace]);
    });
    sync(eve, relay);
    sync(b, relay);
    const read = await receive(b);
    expect(read.refused).toMatchObject([{ key: entryKey(a.tag, 3), reason: 'badSignature' }]);
    // The deleted tail is seen through A's own signed acknowledgement (it applied its own 1 … 4).
    expect(read.gaps).toEqual([{ tag: a.tag, from: 2, to: 4 }]);
    expect(text(b)).toBe('en ');
    await ack(b);
    sync(b, relay);
    // A reads B's acknowledgement, sees what B lacks, and re-posts it as a new entry.
    sync(a, relay);
    const aRead = await receive(a);
    const bAck = aRead.acks.find((x) => x.tag === b.tag)!;
    expect(ackHoldsAll(bAck, Y.decodeStateVector(Y.encodeStateVector(a.referat)))).toBe(false);
    await postUpdate({ envelope: a.envelope, keys: a.keys, signer: a.signer, cursor: a.cursor, update: Y.encodeStateAsUpdate(a.referat, Y.encodeStateVector(bAck.stateVector)), now: T0 });
    sync(a, relay);
    sync(b, relay);
    await receive(b);
    expect(text(b)).toBe('en to tre fire');
  });

  it("lets no member push another device's seq counter or invent a gap with claims it signed itself", async () => {
    const { relay, a, b } = await heldByBoth();
    const eve = await device('eve');
    const eveRecord = (await decryptRecord(eve.keys, await sealEntry({ keys: eve.keys, signer: eve.signer, kind: 'update', seq: 4_000_000_000, body: new Uint8Array([0, 0]), now: T0 }))) as Uint8Array;
    entries(relay).push([await encryptRecord(eve.keys, 'update', a.tag, 4_000_000_000, eveRecord)]);
    const lie = await sealAck({ keys: eve.keys, signer: eve.signer, seq: 1, applied: new Map([[a.tag, 4_000_000_000]]), stateVector: new Uint8Array([0]), now: T0 });
    relay.getMap(ENVELOPE_ACKS).set(eve.tag, lie);
    sync(a, relay);
    const aRead = await receive(a);
    expect(aRead.acks.map((x) => x.tag)).toEqual([eve.tag]);
    expect(a.cursor.own.update).toBe(1);
    type(a, ' igen');
    await flush(a);
    expect(keysOf(a.envelope)).toContain(entryKey(a.tag, 2));
    sync(b, relay);
    const bRead = await receive(b);
    expect(bRead.refused).toMatchObject([{ key: entryKey(a.tag, 4_000_000_000), reason: 'badSignature' }]);
    expect(bRead.gaps).toEqual([]);
  });

  it('refuses a tampered, misplaced or older acknowledgement', async () => {
    const a = await device('kommune');
    const b = await device('vendor');
    type(b, 'x');
    await flush(b);
    const first = await ack(b);
    expect(first.seq).toBe(1);
    const older = b.envelope.getMap<Uint8Array>(ENVELOPE_ACKS).get(b.tag) as Uint8Array;
    // Unchanged: the same acknowledgement stays.
    expect((await ack(b)).seq).toBe(1);
    type(b, 'y');
    await flush(b);
    expect((await ack(b)).seq).toBe(2);
    deliver(b.envelope, a.envelope);
    const read = await readEnvelope(a.envelope, a.keys, a.cursor);
    expect(read.acks.map((x) => [x.tag, x.seq])).toEqual([[b.tag, 2]]);
    // The relay (or a member) puts the older one back: refused, since A saw number 2.
    a.envelope.getMap(ENVELOPE_ACKS).set(b.tag, older);
    expect((await readEnvelope(a.envelope, a.keys, a.cursor)).refused).toMatchObject([{ map: ENVELOPE_ACKS, reason: 'replay' }]);
    // Under another acker's key, with a flipped byte, or an update where an ack belongs.
    a.envelope.getMap(ENVELOPE_ACKS).set(a.tag, older);
    expect(await openAck(older, a.keys, { tag: a.tag })).toMatchObject({ reason: 'replay' });
    const flipped = new Uint8Array(older);
    flipped[60] = (flipped[60] as number) ^ 4;
    expect(await openAck(flipped, a.keys)).toMatchObject({ reason: 'badCiphertext' });
    const update = entryBytes(b.envelope, entryKey(b.tag, 1));
    expect(await openAck(update, a.keys)).toMatchObject({ reason: 'replay' });
    // A well-signed ack whose state vector has bytes after it is malformed.
    const trailing = await sealAck({ keys: b.keys, signer: b.signer, seq: 9, applied: new Map(), stateVector: new Uint8Array([0, 7]), now: T0 });
    expect(await openAck(trailing, a.keys)).toMatchObject({ reason: 'malformed' });
  });

  it('compacts: removes only entries every member acknowledged, and an offline device and a newcomer still reach the text', async () => {
    const relay = new Y.Doc();
    const a = await device('kommune');
    const b = await device('vendor');
    const c = await device('kommune2');
    for (const d of [a, b, c]) sync(d, relay);
    for (let i = 1; i <= 3; i++) {
      type(a, `a${i} `);
      await flush(a);
    }
    sync(a, relay);
    // C reads A's first three, acknowledges, and goes offline.
    sync(c, relay);
    await receive(c);
    await ack(c, T0);
    sync(c, relay);
    for (let i = 4; i <= 6; i++) {
      type(a, `a${i} `);
      await flush(a);
    }
    type(b, 'b1 ');
    sync(a, relay);
    sync(b, relay);
    await receive(b);
    await flush(b);
    await ack(b, T0 + DAY);
    sync(b, relay);
    sync(a, relay);
    await receive(a);
    await ack(a, T0 + DAY);
    const result = await compact({
      envelope: a.envelope,
      keys: a.keys,
      signer: a.signer,
      cursor: a.cursor,
      update: Y.encodeStateAsUpdate(a.referat),
      now: T0 + DAY,
    });
    // A's 1 … 3 are acknowledged by B and C; 4 … 6 and B's 1 not by C.
    expect(result.removedEntries).toBe(3);
    expect(result.members.toSorted()).toEqual([b.tag, c.tag].toSorted());
    expect(keysOf(a.envelope)).toEqual([entryKey(a.tag, 4), entryKey(a.tag, 5), entryKey(a.tag, 6), entryKey(b.tag, 1)].toSorted());
    expect(a.envelope.getMap(ENVELOPE_SNAPSHOTS).has(a.tag)).toBe(true);
    sync(a, relay);

    // C comes back: the remaining entries suffice; the snapshot is applied as well and changes nothing wrong.
    sync(c, relay);
    const cRead = await receive(c);
    expect(cRead.refused).toEqual([]);
    expect(cRead.gaps).toEqual([]);
    expect(text(c)).toBe(text(a));
    // A newcomer that never acknowledged anything reaches the same text from the snapshot and what remains.
    const d = await device('newcomer');
    sync(d, relay);
    const dRead = await receive(d);
    expect(dRead.snapshots.map((s) => s.tag)).toEqual([a.tag]);
    expect(dRead.gaps).toEqual([]);
    expect(text(d)).toBe(text(a));
    expect(text(a)).toContain('a6');
    expect(text(a)).toContain('b1');
  });

  it('keeps the stored envelope bounded: after everyone acknowledged, compaction leaves about one snapshot', async () => {
    const relay = new Y.Doc();
    const a = await device('kommune');
    const b = await device('vendor');
    for (let i = 0; i < 150; i++) {
      type(a, `ord${i} `);
      await flush(a, T0 + i);
    }
    sync(a, relay);
    sync(b, relay);
    await receive(b);
    await ack(b);
    sync(b, relay);
    const before = Y.encodeStateAsUpdate(relay).length;
    sync(a, relay);
    const result = await compact({ envelope: a.envelope, keys: a.keys, signer: a.signer, cursor: a.cursor, update: Y.encodeStateAsUpdate(a.referat), now: T0 });
    expect(result.removedEntries).toBe(150);
    sync(a, relay);
    const snapshot = relay.getMap<Uint8Array>(ENVELOPE_SNAPSHOTS).get(a.tag) as Uint8Array;
    const after = Y.encodeStateAsUpdate(relay).length;
    expect(entryCount(relay)).toBe(0);
    // Deleted values are garbage collected in the envelope (gc on): what is left is the snapshot, the ack and a little.
    const ackBytes = (relay.getMap<Uint8Array>(ENVELOPE_ACKS).get(b.tag) as Uint8Array).length;
    expect(after).toBeLessThan(snapshot.length + ackBytes + 1024);
    expect(after).toBeLessThan(before / 5);
    // A second compaction replaces the snapshot rather than adding one.
    await compact({ envelope: a.envelope, keys: a.keys, signer: a.signer, cursor: a.cursor, update: Y.encodeStateAsUpdate(a.referat), now: T0 });
    sync(a, relay);
    expect(relay.getMap(ENVELOPE_SNAPSHOTS).size).toBe(1);
    expect(Y.encodeStateAsUpdate(relay).length).toBeLessThan(after + 1024);
  });

  it('lets a member who stopped acknowledging stop holding compaction back, and that member still catches up', async () => {
    const relay = new Y.Doc();
    const a = await device('kommune');
    const b = await device('vendor');
    await ack(b, T0);
    sync(b, relay);
    type(a, 'lang pause');
    await flush(a, T0 + 40 * DAY);
    sync(a, relay);
    const fresh = await compact({ envelope: a.envelope, keys: a.keys, signer: a.signer, cursor: a.cursor, update: Y.encodeStateAsUpdate(a.referat), now: T0 + DAY });
    expect(fresh.removedEntries).toBe(0);
    const stale = await compact({ envelope: a.envelope, keys: a.keys, signer: a.signer, cursor: a.cursor, update: Y.encodeStateAsUpdate(a.referat), now: T0 + 40 * DAY });
    expect(stale.removedEntries).toBe(1);
    sync(a, relay);
    sync(b, relay);
    await receive(b);
    expect(text(b)).toBe('lang pause');
  });

  it('three devices with random edits, delivery order, acknowledgements and compactions converge', async () => {
    let totalRemoved = 0;
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const relay = new Y.Doc();
      const devices = [await device('kommune'), await device('vendor'), await device('kommune2')];
      const pick = () => devices[Math.floor(random() * devices.length)] as Device;
      let now = T0;
      let removed = 0;
      const refusals: string[] = [];
      for (let step = 0; step < 120; step++) {
        now += 60_000;
        const d = pick();
        const r = random();
        if (r < 0.35) {
          const body = d.referat.getText('body');
          if (random() < 0.2 && body.length > 2) body.delete(Math.floor(random() * (body.length - 1)), 1);
          else type(d, `${d.name[0]}${step} `, Math.floor(random() * (body.length + 1)));
        } else if (r < 0.5) await flush(d, now);
        else if (r < 0.62) deliver(d.envelope, relay);
        else if (r < 0.74) deliver(relay, d.envelope);
        else if (r < 0.86) refusals.push(...(await receive(d)).refused.map((x) => x.reason));
        else if (r < 0.95) await ack(d, now);
        else removed += (await compact({ envelope: d.envelope, keys: d.keys, signer: d.signer, cursor: d.cursor, update: Y.encodeStateAsUpdate(d.referat), now })).removedEntries;
      }
      totalRemoved += removed;
      expect(refusals).toEqual([]);
      // Heal: everyone posts, syncs and reads until nothing changes.
      for (let round = 0; round < 3; round++) {
        for (const d of devices) {
          await flush(d, now);
          sync(d, relay);
        }
        for (const d of devices) {
          sync(d, relay);
          const read = await receive(d);
          expect(read.refused).toEqual([]);
          await ack(d, now);
          sync(d, relay);
        }
      }
      const texts = devices.map(text);
      expect(new Set(texts).size, `seed ${seed}`).toBe(1);
      expect(texts[0]!.length).toBeGreaterThan(0);
      const [first, ...rest] = devices.map((d) => Y.encodeStateVector(d.referat));
      for (const sv of rest) expect(sv).toEqual(first);
      // Every device shows every other as holding a full copy.
      for (const d of devices) {
        const read = await readEnvelope(d.envelope, d.keys, d.cursor);
        const mine = Y.decodeStateVector(Y.encodeStateVector(d.referat));
        expect(membersHoldingAll(read.acks, mine).map((x) => x.tag).toSorted()).toEqual(devices.map((x) => x.tag).toSorted());
      }
    }
    // Compaction did remove entries along the way, and the copies still met.
    expect(totalRemoved).toBeGreaterThan(0);
  });
});

it('opens an entry found in the envelope exactly as openEntry does alone', async () => {
  const a = await device('kommune');
  type(a, 'x');
  await flush(a);
  expect(await openEntry(entryBytes(a.envelope, entryKey(a.tag, 1)), a.keys)).toMatchObject({ ok: true, tag: a.tag, seq: 1 });
});
