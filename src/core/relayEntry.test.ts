import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededBytes } from '../testSupport/seededRandom';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { keyFingerprint } from './fingerprint';
import { decryptRecord, encryptRecord, openEntry, sealEntry, type OpenedEntry } from './relayEntry';
import { decodeInner, encodeInnerUnsigned, MAX_ANY_ENTRY_BYTES, MAX_ENTRY_BYTES, OUTER_FRAME_BYTES, type InnerEntry } from './relayEntryLayout';
import { deriveRelayKeys, fingerprintBytes, senderTag, type RelayKeys } from './relayKeys';
import type { RelayRefusal } from './relayRefusal';

const SECRET = 'q8Vx1n0bD3kR7tY2uW9zA4cE6gH5jL0m';
const DOC = '0f8b2c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b';
const OTHER_DOC = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
const NOW = Date.UTC(2026, 11, 6, 12);

function anUpdate(text = 'Beslutning: kontrakten forlænges'): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

async function seal(keys: RelayKeys, signer: TestSigner, seq = 1, body = anUpdate()): Promise<Uint8Array> {
  return sealEntry({ keys, signer, kind: 'update', seq, body, now: NOW });
}

function refusal(result: OpenedEntry | RelayRefusal): string {
  return result.ok ? 'accepted' : result.reason;
}

/** The signed record inside an entry, as a member holding the content key can read it. */
async function innerOf(keys: RelayKeys, bytes: Uint8Array): Promise<InnerEntry> {
  const record = await decryptRecord(keys, bytes);
  const inner = record && decodeInner(record);
  if (!inner?.ok) throw new Error('test entry did not decrypt');
  return inner.value.entry;
}

/** A hostile member re-signs a record with its own key and encrypts it under any head it likes. */
async function forge(keys: RelayKeys, signer: TestSigner, fields: Omit<InnerEntry, 'signature'>, tag: string, seq = fields.seq): Promise<Uint8Array> {
  const { record, signingInput } = encodeInnerUnsigned(fields);
  record.set(await signer.sign(signingInput), record.length - 64);
  return encryptRecord(keys, fields.kind, tag, seq, record);
}

describe('relay entries', () => {
  it.each(['Ed25519', 'ECDSA-P256'] as const)('round trip: the body comes back with the signer it was sealed by (%s)', async (alg) => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const signer = await createTestSigner(alg);
    const body = anUpdate();
    const bytes = await seal(keys, signer, 7, body);
    const opened = await openEntry(bytes, await deriveRelayKeys(SECRET, DOC), { kind: 'update', seq: 7 });
    if (!opened.ok) throw new Error(opened.detail);
    expect(opened.body).toEqual(body);
    expect(opened.seq).toBe(7);
    expect(opened.kind).toBe('update');
    expect(opened.fingerprint).toBe(await keyFingerprint(signer.publicKey));
    expect(opened.tag).toBe(await senderTag(keys, fingerprintBytes(opened.fingerprint) as Uint8Array));
    expect(opened.algorithm).toBe(alg);
    expect(opened.createdAt).toBe(NOW);
    // The clear frame is all the relay reads: 46 bytes, then the ciphertext: a record of 130 bytes + key + body, and a 16-byte tag.
    expect(bytes.length).toBe(OUTER_FRAME_BYTES + (alg === 'Ed25519' ? 162 : 194) + body.length + 16);
  });

  it('hides the text, the fingerprint and the public key from whoever lacks the key', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const signer = await createTestSigner('Ed25519');
    const bytes = await seal(keys, signer, 1, anUpdate('Hemmelig tekst om Holstebro'));
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).not.toContain('Hemmelig');
    expect(text).not.toContain('Holstebro');
    const fp = fingerprintBytes(await keyFingerprint(signer.publicKey)) as Uint8Array;
    expect(Buffer.from(bytes).includes(Buffer.from(fp))).toBe(false);
    // Two seals of the same body differ (a fresh IV each time).
    expect(await seal(keys, signer, 1, anUpdate('Hemmelig tekst om Holstebro'))).not.toEqual(bytes);
  });

  it('refuses a tampered ciphertext, IV or clear head as badCiphertext', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const bytes = await seal(keys, await createTestSigner('Ed25519'));
    const flipped = (at: number) => {
      const copy = new Uint8Array(bytes);
      copy[at] = (copy[at] as number) ^ 1;
      return copy;
    };
    expect(refusal(await openEntry(flipped(bytes.length - 1), keys))).toBe('badCiphertext'); // GCM tag
    expect(refusal(await openEntry(flipped(OUTER_FRAME_BYTES + 5), keys))).toBe('badCiphertext'); // ciphertext
    expect(refusal(await openEntry(flipped(30), keys))).toBe('badCiphertext'); // IV
    expect(refusal(await openEntry(flipped(12), keys))).toBe('badCiphertext'); // sender tag
    expect(refusal(await openEntry(flipped(28), keys))).toBe('badCiphertext'); // seq
    const kind = new Uint8Array(bytes);
    kind[1] = 2; // framed as a snapshot
    expect(refusal(await openEntry(kind, keys))).toBe('badCiphertext');
  });

  it('refuses an entry under a wrong content key (badCiphertext) or from another mailbox (wrongMailbox)', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const bytes = await seal(keys, await createTestSigner('Ed25519'));
    const otherSecret = await deriveRelayKeys(`${SECRET}Q`, DOC);
    expect(refusal(await openEntry(bytes, { ...keys, contentKey: otherSecret.contentKey }))).toBe('badCiphertext');
    expect(refusal(await openEntry(bytes, otherSecret))).toBe('wrongMailbox');
    expect(refusal(await openEntry(bytes, await deriveRelayKeys(SECRET, OTHER_DOC)))).toBe('wrongMailbox');
  });

  it("refuses a member's forgery: another device's fingerprint with its own key, or with the other's key", async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const alice = await createTestSigner('Ed25519');
    const eve = await createTestSigner('Ed25519');
    const real = await innerOf(keys, await seal(keys, alice, 1));
    const eveReal = await innerOf(keys, await seal(keys, eve, 1));
    const aliceTag = await senderTag(keys, real.fingerprint);
    const { signature: _s, ...fields } = real;
    // Eve's key and signature, Alice's fingerprint and tag.
    const ownKey = await forge(keys, eve, { ...fields, publicKey: eveReal.publicKey, body: anUpdate('Eve') }, aliceTag);
    expect(await openEntry(ownKey, keys)).toMatchObject({ reason: 'badSignature', detail: 'the public key does not match the fingerprint' });
    // Alice's fingerprint and key, signed by Eve.
    const aliceKey = await forge(keys, eve, { ...fields, body: anUpdate('Eve') }, aliceTag);
    expect(await openEntry(aliceKey, keys)).toMatchObject({ reason: 'badSignature', detail: 'the signature does not verify' });
    // Eve's own fingerprint, key and signature, stored under Alice's tag.
    const { signature: _e, ...eveFields } = eveReal;
    const underAlice = await forge(keys, eve, eveFields, aliceTag);
    expect(await openEntry(underAlice, keys)).toMatchObject({ reason: 'badSignature', detail: 'the fingerprint is not the sender the entry names' });
    // Alice's record with its body swapped, signature kept.
    const { record } = encodeInnerUnsigned({ ...fields, body: anUpdate('Eve') });
    record.set(real.signature, record.length - 64);
    expect(refusal(await openEntry(await encryptRecord(keys, 'update', aliceTag, 1, record), keys))).toBe('badSignature');
  });

  it('refuses an entry replayed under another seq, kind or mailbox, or again after it was applied', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const other = await deriveRelayKeys(SECRET, OTHER_DOC);
    const alice = await createTestSigner('Ed25519');
    const bytes = await seal(keys, alice, 3);
    const tag = (await openEntry(bytes, keys) as OpenedEntry).tag;
    // The same bytes found under another key of the envelope.
    expect(refusal(await openEntry(bytes, keys, { tag, seq: 7 }))).toBe('replay');
    expect(refusal(await openEntry(bytes, keys, { kind: 'ack' }))).toBe('replay');
    expect(refusal(await openEntry(bytes, keys, { tag: 'A'.repeat(22) }))).toBe('replay');
    expect(refusal(await openEntry(bytes, keys, { applied: (t, s) => t === tag && s === 3 }))).toBe('replay');
    expect(refusal(await openEntry(bytes, keys, { after: 3 }))).toBe('replay');
    // A member re-encrypts Alice's signed record under seq 7, or as a snapshot.
    const record = await decryptRecord(keys, bytes);
    expect(refusal(await openEntry(await encryptRecord(keys, 'update', tag, 7, record as Uint8Array), keys))).toBe('replay');
    expect(refusal(await openEntry(await encryptRecord(keys, 'snapshot', tag, 3, record as Uint8Array), keys))).toBe('replay');
    // A member of both mailboxes re-encrypts it for the other one.
    const moved = await encryptRecord(other, 'update', await senderTag(other, (await innerOf(keys, bytes)).fingerprint), 3, record as Uint8Array);
    expect(await openEntry(moved, other)).toMatchObject({ reason: 'wrongMailbox', detail: 'the entry was signed for another mailbox' });
  });

  it('refuses oversized entries before reading them, and will not seal one', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const signer = await createTestSigner('Ed25519');
    const big = new Uint8Array(MAX_ENTRY_BYTES.update + 1);
    big.set([1, 1]);
    expect(refusal(await openEntry(big, keys))).toBe('tooLarge');
    const ack = new Uint8Array(MAX_ENTRY_BYTES.ack + 1);
    ack.set([1, 3]);
    expect(refusal(await openEntry(ack, keys))).toBe('tooLarge');
    expect(refusal(await openEntry(new Uint8Array(MAX_ANY_ENTRY_BYTES + 1), keys))).toBe('tooLarge');
    await expect(seal(keys, signer, 1, new Uint8Array(MAX_ENTRY_BYTES.update + 1))).rejects.toThrow('may not exceed');
  });

  it('refuses garbage, truncations and flipped bytes without throwing, and never accepts one', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const bytes = await seal(keys, await createTestSigner('ECDSA-P256'), 2, anUpdate('kort'));
    for (const junk of [null, undefined, 'text', 42, {}, [1, 1], bytes.buffer, new Uint8Array(), new Uint8Array([1])]) {
      expect(refusal(await openEntry(junk, keys))).toBe('malformed');
    }
    for (let seed = 1; seed <= 50; seed++) {
      expect(refusal(await openEntry(seededBytes(seed, 20 + seed * 7), keys))).toBe('malformed');
    }
    const garbageWithFrame = new Uint8Array(200);
    garbageWithFrame.set(bytes.subarray(0, 26));
    expect(['malformed', 'badCiphertext']).toContain(refusal(await openEntry(garbageWithFrame, keys)));
    for (let n = 0; n < bytes.length; n++) {
      expect(['malformed', 'badCiphertext']).toContain(refusal(await openEntry(bytes.subarray(0, n), keys)));
    }
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(refusal(await openEntry(longer, keys))).toBe('malformed');
    for (let at = 0; at < bytes.length; at += 3) {
      const copy = new Uint8Array(bytes);
      copy[at] = (copy[at] as number) ^ 0x80;
      expect(refusal(await openEntry(copy, keys))).not.toBe('accepted');
    }
  });

  it('refuses a signed record with trailing bytes, an unknown algorithm or a bad key, though it decrypts', async () => {
    const keys = await deriveRelayKeys(SECRET, DOC);
    const alice = await createTestSigner('Ed25519');
    const bytes = await seal(keys, alice, 1);
    const tag = (await openEntry(bytes, keys) as OpenedEntry).tag;
    const record = (await decryptRecord(keys, bytes)) as Uint8Array;
    const trailing = new Uint8Array(record.length + 1);
    trailing.set(record);
    expect(refusal(await openEntry(await encryptRecord(keys, 'update', tag, 1, trailing), keys))).toBe('malformed');
    const algorithm = new Uint8Array(record);
    algorithm[0] = 9;
    expect(refusal(await openEntry(await encryptRecord(keys, 'update', tag, 1, algorithm), keys))).toBe('malformed');
    const inner = await innerOf(keys, bytes);
    const { signature: _s, ...fields } = inner;
    // Not a point an Ed25519 key can be: the 32 bytes all 0xff.
    const badKey = await forge(keys, alice, { ...fields, publicKey: new Uint8Array(32).fill(0xff) }, tag);
    expect(refusal(await openEntry(badKey, keys))).toBe('badSignature');
  });
});
