import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from '../core/bodyText';
import { checkClaims } from '../core/clientClaims';
import { keyFingerprint } from '../core/fingerprint';
import { initReferat } from '../core/initReferat';
import { ackHoldsAll } from '../core/relayAck';
import { newRelayCursor, type RelayCursor } from '../core/relayCursor';
import { sealEntry } from '../core/relayEntry';
import { MAX_ENTRY_BYTES } from '../core/relayEntryLayout';
import { ENVELOPE_ENTRIES, postUpdate } from '../core/relayEnvelope';
import { deriveRelayKeys, fingerprintBytes, senderTag, type RelayKeys } from '../core/relayKeys';
import { metaMap, newReferatDoc } from '../core/referatDoc';
import { newReferatId } from '../core/referatId';
import { STANDARD_TEMPLATE } from '../core/templates';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { body, paragraph } from '../testSupport/yBody';
import { receiverFacts } from './receiverFacts';
import { exchangeWithRelay, type RelayExchangeResult } from './relayExchange';
import { checkRelayUpdate } from './relayUpdateCheck';

const SECRET = 'q8Vx1n0bD3kR7tY2uW9zA4cE6gH5jL0m';
const T0 = Date.UTC(2026, 11, 1, 9);

interface Device {
  signer: TestSigner;
  fingerprint: string;
  tag: string;
  keys: RelayKeys;
  doc: Y.Doc;
  envelope: Y.Doc;
  cursor: RelayCursor;
  posted: Uint8Array;
}

async function device(docId: string, doc: Y.Doc): Promise<Device> {
  const signer = await createTestSigner('Ed25519');
  const fingerprint = await keyFingerprint(signer.publicKey);
  const keys = await deriveRelayKeys(SECRET, docId);
  const tag = await senderTag(keys, fingerprintBytes(fingerprint) as Uint8Array);
  return { signer, fingerprint, tag, keys, doc, envelope: new Y.Doc(), cursor: newRelayCursor(tag), posted: new Uint8Array([0]) };
}

/** Both directions of a Yjs sync between a device's envelope replica and the relay's. */
function sync(d: Device, relay: Y.Doc): void {
  Y.applyUpdate(relay, Y.encodeStateAsUpdate(d.envelope, Y.encodeStateVector(relay)));
  Y.applyUpdate(d.envelope, Y.encodeStateAsUpdate(relay, Y.encodeStateVector(d.envelope)), 'relay-provider');
}

async function exchange(d: Device, docId: string, relay: Y.Doc, now = T0, extra: { outgoing?: Uint8Array; compactedAt?: number } = {}): Promise<RelayExchangeResult> {
  sync(d, relay);
  const result = await exchangeWithRelay({
    envelope: d.envelope,
    doc: d.doc,
    docId,
    keys: d.keys,
    signer: d.signer,
    cursor: d.cursor,
    posted: d.posted,
    facts: async () => receiverFacts(d.doc, await checkClaims(d.doc), d.fingerprint),
    check: (input) => Promise.resolve(checkRelayUpdate({ ...input, maxMessageBytes: MAX_ENTRY_BYTES.snapshot })),
    now,
    ...extra,
  });
  d.posted = result.posted;
  sync(d, relay);
  return result;
}

async function pair() {
  const docId = newReferatId();
  const clerkDoc = newReferatDoc();
  initReferat(clerkDoc, { id: docId, title: 'Driftsmøde', date: '2026-12-01', createdAt: '2026-12-01T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' } });
  // The vendor joined by the link: its copy is empty until something arrives.
  return { docId, clerk: await device(docId, clerkDoc), vendor: await device(docId, newReferatDoc()), relay: new Y.Doc() };
}

function type(d: Device, words: string): void {
  const b = body(d.doc);
  b.insert(b.length, [paragraph(words)]);
}

describe('store and forward through the relay', () => {
  it('carries the clerk’s copy and a later edit to a vendor who is never online at the same time, and the vendor’s signed acknowledgement back', async () => {
    const { docId, clerk, vendor, relay } = await pair();
    expect((await exchange(clerk, docId, relay)).sent).toBe(1);
    const first = await exchange(vendor, docId, relay);
    expect(first.applied).toBe(1);
    expect(metaMap(vendor.doc).get('id')).toBe(docId);

    type(clerk, 'Beslutning: kontrakten forlænges.');
    expect((await exchange(clerk, docId, relay, T0 + 3_600_000)).sent).toBe(1);
    const next = await exchange(vendor, docId, relay, T0 + 86_400_000);
    expect(next.applied).toBe(1);
    expect(next.refused).toEqual([]);
    expect(bodyText(vendor.doc)).toContain('Beslutning: kontrakten forlænges.');
    // Nothing of the clerk's comes back as the vendor's own post.
    expect(next.sent).toBe(0);

    const back = await exchange(clerk, docId, relay, T0 + 2 * 86_400_000);
    const ack = back.acks.find((a) => a.fingerprint === vendor.fingerprint);
    expect(ack).toBeDefined();
    expect(ackHoldsAll(ack as NonNullable<typeof ack>, Y.decodeStateVector(Y.encodeStateVector(clerk.doc)))).toBe(true);
  });

  it('refuses garbage, a forged entry and an entry that writes another referat’s id, reports each, and still applies the good entry', async () => {
    const { docId, clerk, vendor, relay } = await pair();
    await exchange(clerk, docId, relay);
    await exchange(vendor, docId, relay);
    type(clerk, 'Det gode punkt.');
    await exchange(clerk, docId, relay);

    // A hostile member holds the secret, so it can write into the envelope and seal entries of its own.
    const mallory = await device(docId, newReferatDoc());
    Y.applyUpdate(mallory.doc, Y.encodeStateAsUpdate(clerk.doc));
    sync(mallory, relay);
    mallory.envelope.getArray(ENVELOPE_ENTRIES).push([new Uint8Array([1, 2, 3, 4])]);
    // Signed by Mallory's key but framed as the clerk's next entry.
    const forged = await sealEntry({ keys: mallory.keys, signer: mallory.signer, kind: 'update', seq: 99, body: Y.encodeStateAsUpdate(mallory.doc), now: T0 });
    forged.set(Uint8Array.from(atob(clerk.tag.replaceAll('-', '+').replaceAll('_', '/') + '=='), (c) => c.charCodeAt(0)), 10);
    mallory.envelope.getArray(ENVELOPE_ENTRIES).push([forged]);
    // Properly signed as Mallory, but it rewrites meta.id.
    const before = Y.encodeStateVector(mallory.doc);
    metaMap(mallory.doc).set('id', newReferatId());
    await postUpdate({ envelope: mallory.envelope, keys: mallory.keys, signer: mallory.signer, cursor: mallory.cursor, update: Y.encodeStateAsUpdate(mallory.doc, before), now: T0 });
    sync(mallory, relay);

    const got = await exchange(vendor, docId, relay);
    expect(bodyText(vendor.doc)).toContain('Det gode punkt.');
    expect(metaMap(vendor.doc).get('id')).toBe(docId);
    const reasons = got.refused.map((r) => r.reason).toSorted();
    expect(reasons).toEqual(['badCiphertext', 'malformed', 'metaId']);
    expect(got.refused.find((r) => r.reason === 'metaId')?.key).toBe(`entries:${mallory.tag}/1`);
  });

  it('applies a catch-up of many entries in one check, and each still counts in the cursor', async () => {
    const { docId, clerk, vendor, relay } = await pair();
    await exchange(clerk, docId, relay);
    for (const words of ['Første.', 'Anden.', 'Tredje.']) {
      type(clerk, words);
      await exchange(clerk, docId, relay);
    }
    const checked: number[] = [];
    const result = await exchangeWithRelay({
      envelope: (sync(vendor, relay), vendor.envelope),
      doc: vendor.doc,
      docId,
      keys: vendor.keys,
      signer: vendor.signer,
      cursor: vendor.cursor,
      posted: vendor.posted,
      facts: async () => receiverFacts(vendor.doc, await checkClaims(vendor.doc), vendor.fingerprint),
      check: (input) => {
        checked.push(input.message.length);
        return Promise.resolve(checkRelayUpdate({ ...input, maxMessageBytes: MAX_ENTRY_BYTES.snapshot }));
      },
      now: T0,
    });
    expect(result.applied).toBe(4);
    expect(checked).toHaveLength(1);
    expect(bodyText(vendor.doc)).toContain('Tredje.');
    expect(vendor.cursor.applied[clerk.tag]?.through).toBe(4);
  });

  it('posts again what a member lacks when the relay lost the entries', async () => {
    const { docId, clerk, vendor, relay } = await pair();
    await exchange(clerk, docId, relay);
    await exchange(vendor, docId, relay);
    await exchange(clerk, docId, relay);
    type(clerk, 'Tabt på relæet.');
    await exchange(clerk, docId, relay);
    // The relay loses its storage; both devices come back with fresh replicas of the envelope.
    const wiped = new Y.Doc();
    clerk.envelope = new Y.Doc();
    vendor.envelope = new Y.Doc();
    await exchange(vendor, docId, wiped);
    expect(bodyText(vendor.doc)).not.toContain('Tabt på relæet.');
    expect((await exchange(clerk, docId, wiped)).sent).toBe(1);
    await exchange(vendor, docId, wiped);
    expect(bodyText(vendor.doc)).toContain('Tabt på relæet.');
  });
});

describe('what an exchange posts', () => {
  /** The clerk types and deletes a lot (a day's delete set), and posts it. */
  async function busyDay() {
    const p = await pair();
    const text = new Y.XmlText('');
    body(p.clerk.doc).insert(body(p.clerk.doc).length, [new Y.XmlElement('paragraph')]);
    (body(p.clerk.doc).get(body(p.clerk.doc).length - 1) as Y.XmlElement).insert(0, [text]);
    for (let i = 0; i < 3000; i++) {
      text.insert(text.length, `ord${i} `);
      if (i % 2 === 1) text.delete(text.length - 6, 3);
    }
    await exchange(p.clerk, p.docId, p.relay);
    await exchange(p.vendor, p.docId, p.relay);
    return p;
  }
  const lastEntryBytes = (relay: Y.Doc) => (relay.getArray<Uint8Array>(ENVELOPE_ENTRIES).toArray().at(-1) as Uint8Array).length;

  it('posts the changes collected since the last post, not the copy’s whole delete set again', async () => {
    const { docId, clerk, vendor, relay } = await busyDay();
    const collected: Uint8Array[] = [];
    clerk.doc.on('update', (u: Uint8Array) => collected.push(u));
    type(clerk, 'Et nyt punkt.');
    const diff = Y.encodeStateAsUpdate(clerk.doc, clerk.posted);
    expect((await exchange(clerk, docId, relay, T0, { outgoing: Y.mergeUpdates(collected) })).sent).toBe(1);
    expect(lastEntryBytes(relay)).toBeLessThan(diff.length / 3);
    await exchange(vendor, docId, relay);
    expect(bodyText(vendor.doc)).toBe(bodyText(clerk.doc));
  });

  it('posts the diff when the collected changes leave a gap (changes made before the relay session started)', async () => {
    const { docId, clerk, vendor, relay } = await busyDay();
    type(clerk, 'Skrevet før relæet kørte.');
    const collected: Uint8Array[] = [];
    clerk.doc.on('update', (u: Uint8Array) => collected.push(u));
    type(clerk, 'Skrevet bagefter.');
    expect((await exchange(clerk, docId, relay, T0, { outgoing: Y.mergeUpdates(collected) })).sent).toBe(1);
    await exchange(vendor, docId, relay);
    expect(bodyText(vendor.doc)).toContain('Skrevet før relæet kørte.');
    expect(bodyText(vendor.doc)).toBe(bodyText(clerk.doc));
  });

  it('compacts past 200 entries, and not again until 200 more, while an absent member holds them back', async () => {
    const { docId, clerk, vendor, relay } = await pair();
    await exchange(clerk, docId, relay);
    await exchange(vendor, docId, relay);
    let compactedAt = 0;
    let compactions = 0;
    for (let i = 0; i < 260; i++) {
      type(clerk, `Linje ${i}`);
      const r = await exchange(clerk, docId, relay, T0 + i, { compactedAt });
      if (r.compactedAt !== null) {
        compactedAt = r.compactedAt;
        compactions++;
      }
    }
    // The vendor acknowledged only the first entry: nothing can be removed, and one snapshot is enough.
    expect(compactions).toBe(1);
    expect(relay.getArray(ENVELOPE_ENTRIES).length).toBeGreaterThan(200);
  });
});
