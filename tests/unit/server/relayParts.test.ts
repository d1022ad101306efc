// Unit tests for the relay's parts: reading a Hocuspocus message's head, the mailbox store on disk, access keys, the
// relay flags, and the byte-counting token bucket.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAILBOX_ID, accessKeyHash, mailboxFileStem, openMailboxStore } from '../../../server/mailboxStore.mjs';
import { readRelayFrame } from '../../../server/relayFrame.mjs';
import { parseServerFlags } from '../../../server/serverFlags.mjs';
import { createTokenBucket } from '../../../server/tokenBucket.mjs';
import { frame, randomKey } from './relayClient';

describe('readRelayFrame', () => {
  it('reads the mailbox, the type and a write’s update', () => {
    const doc = new Y.Doc();
    doc.getArray('entries').push([new Uint8Array([1, 2, 3])]);
    const update = Y.encodeStateAsUpdate(doc);
    const step2 = frame('mailbox-123456789', 0, (e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update)));
    const parsed = readRelayFrame(step2);
    expect(parsed.mailboxId).toBe('mailbox-123456789');
    expect(parsed.type).toBe(0);
    expect([...(parsed.update ?? [])]).toEqual([...update]);
    // A sync step 1 (a state vector) and an awareness message carry no write.
    expect(readRelayFrame(frame('m', 0, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, new Uint8Array([0]))))).update).toBeNull();
    expect(readRelayFrame(frame('m', 1, (e) => encoding.writeVarUint8Array(e, new Uint8Array(5))))).toEqual({ mailboxId: 'm', type: 1, update: null });
  });

  it('refuses what is not a Hocuspocus message, without reading past its end', () => {
    expect(() => readRelayFrame(new Uint8Array([]))).toThrow(/ends inside a number/);
    expect(() => readRelayFrame(new Uint8Array([5, 0x61]))).toThrow(/length beyond the message/);
    expect(() => readRelayFrame(frame('x'.repeat(300), 0))).toThrow(/length beyond the message/);
    expect(() => readRelayFrame(new Uint8Array([2, 0xc3, 0x28, 0]))).toThrow(/not UTF-8/);
    expect(() => readRelayFrame(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toThrow(/number too long/);
    // A write whose length points beyond the message, inside a larger buffer: the neighbouring bytes stay unread.
    const pool = new Uint8Array(64).fill(7);
    const head = frame('m', 0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 40)));
    pool.set(head, 0);
    expect(() => readRelayFrame(pool.subarray(0, head.length + 2))).toThrow(/length beyond the message/);
  });
});

describe('mailbox ids and access keys', () => {
  it('accepts base64url ids of 16 to 128 characters only', () => {
    expect(MAILBOX_ID.test(randomKey())).toBe(true);
    expect(MAILBOX_ID.test('a'.repeat(15))).toBe(false);
    expect(MAILBOX_ID.test('a'.repeat(129))).toBe(false);
    for (const bad of ['../../etc/passwd', 'abc/defghijklmnopq', 'abcdefghijklmnop.', 'abcdefghijklmnop=', 'abcdefghijklmnöp']) {
      expect(MAILBOX_ID.test(bad)).toBe(false);
    }
  });

  it('names files by the id’s hash: fixed length, hex only, case kept apart', () => {
    const stem = mailboxFileStem('AAAAAAAAAAAAAAAAAAAA');
    expect(stem).toMatch(/^[0-9a-f]{64}$/);
    expect(mailboxFileStem('aaaaaaaaaaaaaaaaaaaa')).not.toBe(stem);
  });

  it('hashes an access key’s bytes and refuses one that is not base64url of 16 to 256 bytes', () => {
    const key = randomKey();
    expect(accessKeyHash(key)?.length).toBe(32);
    expect(accessKeyHash(key)?.equals(accessKeyHash(key) ?? Buffer.alloc(0))).toBe(true);
    expect(accessKeyHash(randomKey())?.equals(accessKeyHash(key) ?? Buffer.alloc(0))).toBe(false);
    expect(accessKeyHash('')).toBeNull();
    expect(accessKeyHash('short')).toBeNull();
    expect(accessKeyHash(`${key}=`)).toBeNull();
    expect(accessKeyHash('a'.repeat(343))).toBeNull();
    expect(accessKeyHash('a'.repeat(41))).toBeNull(); // a length no base64 has
  });
});

describe('openMailboxStore', () => {
  let dir: string;
  const lines: string[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referat-store-'));
    lines.length = 0;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('registers a key, stores a state atomically, and finds both again after a restart', async () => {
    const id = randomKey();
    const hash = accessKeyHash(randomKey()) ?? Buffer.alloc(0);
    const store = await openMailboxStore(dir, { log: (line) => lines.push(line) });
    expect(await store.fetch(id)).toBeNull();
    await store.register(id, hash);
    await expect(store.register(id, hash)).rejects.toThrow(/already registered/);
    await store.store(id, new Uint8Array([1, 2, 3]));
    await store.store(id, new Uint8Array([4, 5]));
    const files = await readdir(path.join(dir, 'mailboxes'));
    expect(files.toSorted()).toEqual([`${mailboxFileStem(id)}.key`, `${mailboxFileStem(id)}.ydoc`]);
    expect(await readFile(path.join(dir, 'mailboxes', `${mailboxFileStem(id)}.key`), 'utf8')).toBe(`referat-relay-key v1 sha256:${hash.toString('hex')}\n`);

    const again = await openMailboxStore(dir);
    expect(again.count()).toBe(1);
    expect(again.matches(id, hash)).toBe(true);
    expect(again.matches(id, Buffer.alloc(32))).toBe(false);
    expect(again.storedBytes(id)).toBe(2);
    expect([...((await again.fetch(id)) ?? [])]).toEqual([4, 5]);
  });

  it('removes left-over temporary files and keeps a mailbox with an unreadable key file closed to everyone', async () => {
    const id = randomKey();
    const folder = path.join(dir, 'mailboxes');
    await openMailboxStore(dir);
    await writeFile(path.join(folder, `.tmp-${mailboxFileStem(id)}.ydoc-123`), 'half written');
    await writeFile(path.join(folder, `${mailboxFileStem(id)}.key`), 'garbage');
    await writeFile(path.join(folder, 'unrelated.txt'), 'left alone');
    const store = await openMailboxStore(dir, { log: (line) => lines.push(line) });
    expect((await readdir(folder)).toSorted()).toEqual([`${mailboxFileStem(id)}.key`, 'unrelated.txt']);
    expect(store.isRegistered(id)).toBe(true);
    expect(store.matches(id, accessKeyHash(randomKey()) ?? Buffer.alloc(0))).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/relay: [0-9a-f]{64}\.key is not a key file; its mailbox refuses every connection$/);
  });
});

describe('parseServerFlags: the relay', () => {
  it('reads --relay-only, --relay-data and the relay limits, and leaves them out when not given', () => {
    expect(
      parseServerFlags(['--relay-only', '--relay-data', '/var/lib/referat', '--relay-max-mailbox-bytes=1048576', '--relay-max-messages-per-second', '0.5']),
    ).toEqual({
      signallingOnly: false,
      allowedOrigins: null,
      requireOrigin: false,
      limits: {},
      relayOnly: true,
      relayDataDir: '/var/lib/referat',
      relayLimits: { maxMailboxBytes: 1_048_576, messagesPerSecond: 0.5 },
    });
    const plain = parseServerFlags([]);
    expect('relayOnly' in plain || 'relayDataDir' in plain || 'relayLimits' in plain).toBe(false);
  });

  it('refuses contradictions and bad values, naming the flag', () => {
    expect(() => parseServerFlags(['--relay-only', '--signalling-only'])).toThrow(/exclude each other/);
    expect(() => parseServerFlags(['--signalling-only', '--relay-data', 'x'])).toThrow(/--signalling-only runs no relay/);
    expect(() => parseServerFlags(['--relay-max-mailboxes', '-1'])).toThrow(/--relay-max-mailboxes must be a positive whole number, got "-1"/);
    expect(() => parseServerFlags(['--relay-data'])).toThrow(/--relay-data needs a value/);
    expect(() => parseServerFlags(['--relay-data='])).toThrow(/--relay-data needs a folder/);
    expect(() => parseServerFlags(['--relay-only=1'])).toThrow(/unknown argument/);
  });
});

describe('createTokenBucket: bytes', () => {
  it('takes an amount at once, or nothing', () => {
    let t = 0;
    const bucket = createTokenBucket({ ratePerSecond: 100, burst: 250, now: () => t });
    expect(bucket.take(200)).toBe(true);
    expect(bucket.take(100)).toBe(false);
    expect(bucket.take(50)).toBe(true);
    t = 1_000;
    expect(bucket.take(100)).toBe(true);
    expect(bucket.take(1)).toBe(false);
  });
});
