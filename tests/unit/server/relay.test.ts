// Unit tests for the relay (issue 15): store and forward across a restart, the access key (trust on first use), the
// Origin allow-list, a mailbox's byte limit, malformed ids and keys, the rates, and what lands on disk.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { mailboxFileStem } from '../../../server/mailboxStore.mjs';
import { startRelay, type RelayLimits } from '../../../server/relay.mjs';
import { routeUpgrades } from '../../../server/upgradeRoutes.mjs';
import { connectRelay, frame, randomKey, until, type RelayClient } from './relayClient';


/** A relay on 127.0.0.1 at a random port, path /relay, as relay-only mode serves it. */
async function listen(options: { dataDir: string; allowedOrigins?: string[]; limits?: Partial<RelayLimits>; now?: () => number; pingIntervalMs?: number }) {
  const lines: string[] = [];
  const relay = await startRelay({ storeDebounceMs: 20, storeMaxDebounceMs: 100, log: (line) => lines.push(line), ...options });
  const http: HttpServer = createServer((_req, res) => res.end('relay\n'));
  http.on('upgrade', routeUpgrades({ '/relay': relay.handleUpgrade }));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return {
    relay,
    lines,
    url: `ws://127.0.0.1:${address.port}/relay`,
    async close() {
      await relay.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

type Listening = Awaited<ReturnType<typeof listen>>;

/** Simulated ciphertext: bytes no one can read, one per entry. */
function ciphertext(size: number, fill: number): Uint8Array {
  return new Uint8Array(size).fill(fill);
}

function entries(client: RelayClient): Uint8Array[] {
  return client.doc.getArray<Uint8Array>('entries').toArray();
}

describe('startRelay', () => {
  let dataDir: string;
  let server: Listening;
  const clients: RelayClient[] = [];
  const connect = (mailboxId: string, token: string, options?: { origin?: string }) => {
    const client = connectRelay(server.url, mailboxId, token, options);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'referat-relay-'));
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.close();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores and forwards: A writes and leaves, the relay restarts, B arrives later and gets the entry', async () => {
    const mailbox = randomKey();
    const key = randomKey();
    server = await listen({ dataDir });
    const a = connect(mailbox, key);
    await until(() => a.provider.isSynced, 'A synced');
    a.doc.getArray<Uint8Array>('entries').push([ciphertext(300, 0xa1)]);
    await until(() => a.unsynced() === 0, 'the relay to take A’s entry');
    a.destroy();
    await server.close();

    // On disk: one key file and one state, named by the id's hash; neither name nor content holds the id.
    const files = (await readdir(path.join(dataDir, 'mailboxes'))).toSorted();
    const stem = mailboxFileStem(mailbox);
    expect(files).toEqual([`${stem}.key`, `${stem}.ydoc`]);
    const stored = await readFile(path.join(dataDir, 'mailboxes', `${stem}.ydoc`));
    expect(stored.includes(Buffer.from(mailbox))).toBe(false);
    expect(stored.includes(Buffer.from(ciphertext(300, 0xa1)))).toBe(true);

    server = await listen({ dataDir });
    const b = connect(mailbox, key);
    await until(() => b.provider.isSynced, 'B synced');
    expect(entries(b)).toEqual([ciphertext(300, 0xa1)]);

    // And live: B's next entry reaches A when A comes back, with no restart in between.
    const again = connect(mailbox, key);
    await until(() => again.provider.isSynced, 'A synced again');
    b.doc.getArray<Uint8Array>('entries').push([ciphertext(10, 0xb2)]);
    await until(() => entries(again).length === 2, 'B’s entry at A');
    expect(entries(again)).toEqual([ciphertext(300, 0xa1), ciphertext(10, 0xb2)]);
  });

  it('refuses a wrong access key for a registered mailbox, and that socket gets nothing', async () => {
    const mailbox = randomKey();
    const key = randomKey();
    server = await listen({ dataDir });
    const owner = connect(mailbox, key);
    await until(() => owner.provider.isSynced, 'owner synced');
    owner.doc.getArray<Uint8Array>('entries').push([ciphertext(64, 0x11)]);
    await until(() => owner.unsynced() === 0, 'the entry taken');

    const intruder = connect(mailbox, randomKey());
    await until(() => intruder.refusals.length > 0, 'the refusal');
    expect(intruder.refusals).toEqual(['access-key-mismatch']);
    // The intruder's own write goes nowhere either.
    intruder.doc.getArray<Uint8Array>('entries').push([ciphertext(8, 0x66)]);
    owner.doc.getArray<Uint8Array>('entries').push([ciphertext(8, 0x12)]);
    await until(() => owner.unsynced() === 0, 'the second entry taken');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(intruder.provider.isSynced).toBe(false);
    expect(entries(intruder)).toEqual([ciphertext(8, 0x66)]);
    expect(entries(owner)).toEqual([ciphertext(64, 0x11), ciphertext(8, 0x12)]);
    expect(server.relay.stats().refusedConnections).toBe(1);
    expect(server.lines.some((line) => /relay refused 127\.0\.0\.1 \(no Origin\) #\d+: access key does not match \(mailbox refused: access-key-mismatch\)$/.test(line))).toBe(true);
    // Mailbox ids never reach the log.
    expect(server.lines.join('\n')).not.toContain(mailbox);

    // A raw socket that claims the mailbox with a wrong key and then asks for its state gets only the refusal.
    const raw = new WebSocket(server.url);
    const received: Buffer[] = [];
    raw.on('message', (data: Buffer) => received.push(data));
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(frame(mailbox, 2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, randomKey()))));
    raw.send(frame(mailbox, 0, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, new Uint8Array([0])))));
    await until(() => received.length > 0, 'an answer');
    await new Promise((resolve) => setTimeout(resolve, 100));
    raw.terminate();
    expect(received).toHaveLength(1);
    expect(received[0]?.includes(Buffer.from('access-key-mismatch'))).toBe(true);
    expect(received[0]?.includes(Buffer.from(ciphertext(64, 0x11)))).toBe(false);
  });

  it('applies no write to a mailbox the socket has not authenticated for, even when it holds another one', async () => {
    server = await listen({ dataDir });
    const victim = randomKey();
    const victimKey = randomKey();
    const owner = connect(victim, victimKey);
    await until(() => owner.provider.isSynced, 'owner synced');

    const own = randomKey();
    const ownKey = randomKey();
    const ws = new WebSocket(server.url);
    const received: Buffer[] = [];
    ws.on('message', (data: Buffer) => received.push(data));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(frame(own, 2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, ownKey))));
    await until(() => received.length > 0, 'its own mailbox admitted');
    const forged = new Y.Doc();
    forged.getArray<Uint8Array>('entries').push([ciphertext(32, 0xee)]);
    const update = Y.encodeStateAsUpdate(forged);
    // A write naming the victim's mailbox, with no authentication for it, as an update and as a sync step 2.
    ws.send(frame(victim, 0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update))));
    ws.send(frame(victim, 0, (e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update))));
    owner.doc.getArray<Uint8Array>('entries').push([ciphertext(8, 0x01)]);
    await until(() => owner.unsynced() === 0, 'the owner’s entry taken');
    await new Promise((resolve) => setTimeout(resolve, 100));
    ws.terminate();
    const late = connect(victim, victimKey);
    await until(() => late.provider.isSynced, 'a member synced');
    expect(entries(late)).toEqual([ciphertext(8, 0x01)]);
  });

  it('refuses a browser from another origin with 403 and lets the app’s origin in', async () => {
    server = await listen({ dataDir, allowedOrigins: ['http://localhost:8080'] });
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(server.url, { origin: 'https://evil.example' });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('opened')));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
    expect(server.lines.at(-1)).toMatch(/relay refused 127\.0\.0\.1 origin "https:\/\/evil\.example": origin not allowed \(handshake answered 403\)$/);

    const evil = connect(randomKey(), randomKey(), { origin: 'https://evil.example' });
    const good = connect(randomKey(), randomKey(), { origin: 'http://localhost:8080' });
    await until(() => good.provider.isSynced, 'the app’s origin synced');
    expect(evil.provider.isSynced).toBe(false);
    expect(server.relay.stats().refusedHandshakes).toBe(2);
  });

  it('refuses writes that add content beyond a mailbox’s byte limit, keeps what it has readable, and takes deletions', async () => {
    const mailbox = randomKey();
    const key = randomKey();
    server = await listen({ dataDir, limits: { maxMailboxBytes: 3_500 } });
    const a = connect(mailbox, key);
    await until(() => a.provider.isSynced, 'A synced');
    const list = a.doc.getArray<Uint8Array>('entries');
    for (let i = 1; i <= 3; i++) {
      list.push([ciphertext(1_000, i)]);
      await until(() => a.unsynced() === 0, `entry ${i} taken`);
    }
    list.push([ciphertext(1_000, 4)]);
    await until(() => a.notices.length > 0, 'the notice');
    expect(JSON.parse(a.notices[0] ?? '')).toEqual({ type: 'relay-refused', reason: 'mailbox-full', limit: 3_500 });
    expect(a.unsynced()).toBe(1);
    expect(server.relay.stats().refusedWrites).toBe(1);

    const b = connect(mailbox, key);
    await until(() => b.provider.isSynced, 'B synced');
    expect(entries(b)).toEqual([ciphertext(1_000, 1), ciphertext(1_000, 2), ciphertext(1_000, 3)]);

    // Compaction: deleting entries is always taken, and B sees it.
    list.delete(0, 2);
    await until(() => entries(b).length === 1, 'the deletion at B');
    expect(entries(b)).toEqual([ciphertext(1_000, 3)]);
    expect(a.doc.getArray('entries').length).toBe(2);
  });

  it('refuses a malformed mailbox id or access key, and registers nothing', async () => {
    server = await listen({ dataDir });
    const before = server.relay.stats().mailboxesRegistered;
    const slash = connect('not/a/mailbox/../../etc', randomKey());
    const short = connect('abc', randomKey());
    const badKey = connect(randomKey(), 'short');
    const noKey = connect(randomKey(), '');
    await until(() => [slash, short, badKey, noKey].every((c) => c.refusals.length > 0), 'four refusals');
    expect([slash, short, badKey, noKey].map((c) => c.refusals)).toEqual([
      ['mailbox-id-malformed'],
      ['mailbox-id-malformed'],
      ['access-key-malformed'],
      ['access-key-malformed'],
    ]);
    expect(server.relay.stats().mailboxesRegistered).toBe(before);
    expect((await readdir(dataDir)).toSorted()).toEqual(['mailboxes']);
  });

  it('refuses a new mailbox once the relay holds its maximum, and still admits the registered ones', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'referat-relay-max-'));
    try {
      server = await listen({ dataDir: dir, limits: { maxMailboxes: 1 } });
      const mailbox = randomKey();
      const key = randomKey();
      const first = connect(mailbox, key);
      await until(() => first.provider.isSynced, 'the first mailbox');
      const second = connect(randomKey(), randomKey());
      await until(() => second.refusals.length > 0, 'the refusal');
      expect(second.refusals).toEqual(['relay-full']);
      const again = connect(mailbox, key);
      await until(() => again.provider.isSynced, 'the first mailbox again');
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('closes a socket over the message rate (1008), over the message size (1009), sending garbage (1002) or text (1003)', async () => {
    let t = 0;
    server = await listen({ dataDir, limits: { messagesPerSecond: 1, messageBurst: 3, maxMessageBytes: 1_024 }, now: () => t });
    const open = async () => {
      const ws = new WebSocket(server.url);
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      ws.on('error', () => {});
      await new Promise((resolve) => ws.once('open', resolve));
      return { ws, closed };
    };
    const flood = await open();
    const mailbox = randomKey();
    for (let i = 0; i < 5; i++) flood.ws.send(frame(mailbox, 3));
    expect(await flood.closed).toBe(1008);

    const big = await open();
    big.ws.send(new Uint8Array(2_048));
    expect(await big.closed).toBe(1009);

    const garbage = await open();
    garbage.ws.send(new Uint8Array([0xff, 0xff, 0xff]));
    expect(await garbage.closed).toBe(1002);

    const text = await open();
    text.ws.send(Buffer.from(frame(mailbox, 3)).toString('latin1'));
    expect(await text.closed).toBe(1003);

    expect(server.lines.join('\n')).toMatch(/messages per second over 1 \(burst of 3 used up; socket closed\)/);
    expect(server.lines.join('\n')).toMatch(/message over 1024 bytes \(socket closed with 1009\)/);
    expect(server.lines.join('\n')).toMatch(/malformed message \(.*; socket closed\)/);
    expect(server.lines.join('\n')).toMatch(/text message \(the relay speaks binary Hocuspocus messages; socket closed\)/);
    expect(server.relay.stats().closedSockets).toBe(4);
  });

  it('answers a socket for at most its cap of mailboxes, once per mailbox, and closes it on an unknown sync type', async () => {
    server = await listen({ dataDir, limits: { maxMailboxesPerSocket: 2 } });
    const ws = new WebSocket(server.url);
    const received: Buffer[] = [];
    ws.on('message', (data: Buffer) => received.push(data));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));
    const key = randomKey();
    const auth = (mailbox: string) => frame(mailbox, 2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, key)));
    const [one, two, three] = [randomKey(), randomKey(), randomKey()];
    ws.send(auth(one));
    ws.send(auth(one)); // a second authentication for the same mailbox is dropped
    ws.send(auth(two));
    ws.send(auth(three)); // over the cap: no answer
    await until(() => received.length >= 2, 'two answers');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const named = received.map((data) => [one, two, three].find((id) => data.includes(Buffer.from(id))));
    // One answer each for the first two (in whichever order their authentications finish), none for the third.
    expect(named).toHaveLength(2);
    expect(new Set(named)).toEqual(new Set([one, two]));
    expect(server.relay.stats().mailboxesRegistered).toBeGreaterThanOrEqual(2);
    expect(server.lines.join('\n')).toMatch(/mailboxes per socket over 2 \(messages for further mailboxes dropped\)/);

    ws.send(frame(one, 0, (e) => encoding.writeVarUint(e, 7)));
    expect(await closed).toBe(1002);
    expect(server.lines.at(-1)).toMatch(/malformed message \(unknown sync message type 7; socket closed\)$/);
  });

  it('terminates a socket that stops answering pings, and keeps one that answers', async () => {
    server = await listen({ dataDir, pingIntervalMs: 40 });
    const open = async (autoPong: boolean) => {
      const ws = new WebSocket(server.url, { autoPong });
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      await new Promise((resolve) => ws.once('open', resolve));
      return { ws, closed };
    };
    const silent = await open(false);
    const awake = await open(true);
    expect(await silent.closed).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(awake.ws.readyState).toBe(WebSocket.OPEN);
    expect(server.relay.stats().sockets).toBe(1);
    awake.ws.terminate();
  });

  it('turns new mailboxes away when its folder refuses writes, and a failed store is logged, not fatal', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'referat-relay-broken-'));
    try {
      server = await listen({ dataDir: dir });
      const mailbox = randomKey();
      const key = randomKey();
      const a = connect(mailbox, key);
      await until(() => a.provider.isSynced, 'A synced');
      // The folder goes away and a file takes its place: every write now fails (ENOTDIR).
      await rm(path.join(dir, 'mailboxes'), { recursive: true });
      await writeFile(path.join(dir, 'mailboxes'), 'not a folder');
      a.doc.getArray<Uint8Array>('entries').push([ciphertext(16, 0x33)]);
      await until(() => server.lines.some((line) => line.includes('writing a mailbox failed (ENOTDIR)')), 'the failed store logged');
      const b = connect(mailbox, key);
      await until(() => entries(b).length === 1, 'the entry, still in memory');
      const newcomer = connect(randomKey(), randomKey());
      await until(() => newcomer.refusals.length > 0, 'the refusal');
      expect(newcomer.refusals).toEqual(['relay-unavailable']);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps a concurrent first claim to one key: the second key is refused', async () => {
    const mailbox = randomKey();
    server = await listen({ dataDir });
    const one = connect(mailbox, randomKey());
    const two = connect(mailbox, randomKey());
    await until(() => (one.provider.isSynced || one.refusals.length > 0) && (two.provider.isSynced || two.refusals.length > 0), 'both answered');
    expect([one.provider.isSynced, two.provider.isSynced].filter(Boolean)).toHaveLength(1);
    expect([...one.refusals, ...two.refusals]).toEqual(['access-key-mismatch']);
  });
});
