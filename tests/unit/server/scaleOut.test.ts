// The relay's scale-out (issue 15): two relay instances (server/main.mjs --relay-only) with Redis fan-out and the
// Postgres store, behind a TCP balancer. Members on different instances converge; an instance killed mid-session
// loses nothing; a restart reads the mailbox back from Postgres; the access key holds across instances.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mailboxFileStem, accessKeyHash } from '../../../server/mailboxStore.mjs';
import { openPostgresStore } from '../../../server/postgresStore.mjs';
import { startReferatServer } from '../../../server/referatServer.mjs';
import { redisConfiguration } from '../../../server/redisFanOut.mjs';
import { parseServerFlags } from '../../../server/serverFlags.mjs';
import { bodyText } from '../../../src/core/bodyText';
import { initReferat } from '../../../src/core/initReferat';
import { metaMap, newReferatDoc } from '../../../src/core/referatDoc';
import { newReferatId } from '../../../src/core/referatId';
import { STANDARD_TEMPLATE } from '../../../src/core/templates';
import { connectRelay as rawClient, randomKey, type RelayClient } from './relayClient';
import { relayMember, type RelayMember } from './relayMember';
import { requireServerBinaries, startPostgres, startRedis, startRelayInstance, type RelayInstance, type Service } from './scaleOutServices';
import { startTcpBalancer, type TcpBalancer } from './tcpBalancer';

const SECRET = 'm4Tz8Qe1Lr6Wc0Yp3Hs7Vd2Nb5Kf9Gj';
const CONVERGE = { timeout: 60_000, interval: 200 };

describe('relay scale-out: two instances, Redis and Postgres', () => {
  let postgres: Service | undefined;
  let redis: Service | undefined;
  let balancer: TcpBalancer | undefined;
  const instances: RelayInstance[] = [];
  const members: RelayMember[] = [];
  const clients: RelayClient[] = [];
  let clock = Date.UTC(2026, 11, 7, 9);
  const now = () => (clock += 1_000);

  const member = async (docId: string, doc: Y.Doc) => {
    const m = await relayMember({ url: `ws://127.0.0.1:${(balancer as TcpBalancer).port}/relay`, secret: SECRET, docId, doc, now });
    members.push(m);
    return m;
  };
  const raw = (url: string, mailboxId: string, token: string) => {
    const client = rawClient(url, mailboxId, token);
    clients.push(client);
    return client;
  };
  /** Two running instances, started as needed. */
  const twoLive = async (): Promise<[RelayInstance, RelayInstance]> => {
    while (instances.filter((i) => i.alive()).length < 2) instances.push(await startRelayInstance((postgres as Service).url, (redis as Service).url));
    return instances.filter((i) => i.alive()).slice(-2) as [RelayInstance, RelayInstance];
  };
  /** Exchanges on every member given, then their texts: polled until they agree. */
  const texts = async (...ms: RelayMember[]) => {
    for (const m of ms) await m.exchange();
    return ms.map((m) => (m.link.state() === 'synced' && m.link.unsent() === 0 ? bodyText(m.doc) : `(${m.link.state()}, ${m.link.unsent()} unsent)`));
  };

  beforeAll(async () => {
    requireServerBinaries();
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    instances.push(...(await Promise.all([startRelayInstance(postgres.url, redis.url), startRelayInstance(postgres.url, redis.url)])));
    balancer = await startTcpBalancer(instances.map((i) => i.port));
  }, 120_000);

  afterAll(async () => {
    for (const m of members.splice(0)) m.destroy();
    for (const c of clients.splice(0)) c.destroy();
    await balancer?.close();
    await Promise.all(instances.map((i) => i.kill()));
    await Promise.all([postgres?.stop(), redis?.stop()]);
  }, 60_000);

  it('A on one instance and B on the other converge; killing A’s instance mid-session loses nothing; a restart reads the mailbox from Postgres', async () => {
    const [one, two] = instances as [RelayInstance, RelayInstance];
    const docId = newReferatId();
    const clerkDoc = newReferatDoc();
    initReferat(clerkDoc, { id: docId, title: 'Skalering af relæet', date: '2026-12-07', createdAt: '2026-12-07T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' } });

    // The balancer takes turns: A's socket goes to instance one, B's to instance two.
    const a = await member(docId, clerkDoc);
    await expect.poll(() => a.link.state(), CONVERGE).toBe('synced');
    const b = await member(docId, newReferatDoc());
    await expect.poll(() => b.link.state(), CONVERGE).toBe('synced');
    expect(balancer?.routes).toEqual([one.port, two.port]);

    a.type('A1: Kommunen åbner punktet.');
    b.type('B1: Leverandøren svarer.');
    await a.exchange();
    await expect.poll(async () => {
      await b.exchange();
      return metaMap(b.doc).get('id');
    }, CONVERGE).toBe(docId);
    await expect.poll(async () => new Set(await texts(a, b)).size === 1 && bodyText(b.doc).includes('A1') && bodyText(a.doc).includes('B1'), CONVERGE).toBe(true);

    // Mid-session: A types and posts, and its instance dies before (or while) the relay takes the entry.
    a.type('A2: Skrevet lige før nedbruddet.');
    void a.exchange();
    await one.kill();
    a.type('A3: Skrevet mens relæet var væk.');
    b.type('B2: Skrevet på den anden instans.');
    // A's provider reconnects through the balancer, which skips the dead instance.
    await expect.poll(() => (balancer?.routes.length ?? 0) > 2 && a.link.state() === 'synced', CONVERGE).toBe(true);
    const moved = balancer?.routes.slice(2) ?? [];
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((port) => port === two.port)).toBe(true);
    a.type('A4: Efter flytningen.');
    b.type('B3: Også efter.');
    await expect.poll(async () => {
      const [ta, tb] = await texts(a, b);
      return ta === tb && ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3'].every((line) => ta?.includes(`${line}:`));
    }, CONVERGE).toBe(true);
    expect([...a.refused, ...b.refused]).toEqual([]);
    const final = bodyText(a.doc);

    // Everyone leaves; the surviving instance writes the mailbox and stops; a fresh instance serves it from Postgres.
    for (const m of members.splice(0)) m.destroy();
    await two.stop();
    const three = await startRelayInstance((postgres as Service).url, (redis as Service).url);
    instances.push(three);
    (balancer as TcpBalancer).backends = [three.port];
    const c = await member(docId, newReferatDoc());
    await expect.poll(async () => (await texts(c))[0], CONVERGE).toBe(final);

    // What Postgres holds for the mailbox: one row, under the hash of the mailbox id; ciphertext only.
    const db = new Client({ connectionString: (postgres as Service).url });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT stem, key_sha256, state FROM relay_mailboxes WHERE stem = $1', [mailboxFileStem(c.keys.mailboxId)]);
      expect(rows).toHaveLength(1);
      const state = rows[0].state as Buffer;
      expect(Buffer.compare(rows[0].key_sha256 as Buffer, accessKeyHash(c.keys.accessToken) as Buffer)).toBe(0);
      for (const secret of ['Skalering af relæet', 'Kommunen åbner', 'Mette Holm', 'Aarhus Kommune', docId, c.keys.mailboxId, c.keys.accessToken]) {
        expect(state.includes(Buffer.from(secret)), secret).toBe(false);
      }
      expect(state.length).toBeGreaterThan(1_000);
    } finally {
      await db.end();
    }
  }, 180_000);

  it('refuses a wrong access key on every instance (the key’s hash lives in Postgres), and lets the right one in', async () => {
    const [first, second] = await twoLive();
    const mailbox = randomKey();
    const key = randomKey();
    const owner = raw(first.url, mailbox, key);
    await expect.poll(() => owner.provider.isSynced, CONVERGE).toBe(true);
    for (const instance of [first, second]) {
      const intruder = raw(instance.url, mailbox, randomKey());
      await expect.poll(() => intruder.refusals, CONVERGE).toEqual(['access-key-mismatch']);
      expect(intruder.provider.isSynced).toBe(false);
    }
    const friend = raw(second.url, mailbox, key);
    await expect.poll(() => friend.provider.isSynced, CONVERGE).toBe(true);
    expect(friend.refusals).toEqual([]);
  }, 120_000);

  it('lets only one key in when two instances see the first claims of a mailbox at once', async () => {
    const [first, second] = await twoLive();
    for (let round = 0; round < 4; round++) {
      const mailbox = randomKey();
      const claims = [raw(first.url, mailbox, randomKey()), raw(second.url, mailbox, randomKey())];
      await expect.poll(() => claims.every((c) => c.provider.isSynced || c.refusals.length > 0), CONVERGE).toBe(true);
      expect(claims.filter((c) => c.provider.isSynced)).toHaveLength(1);
      expect(claims.flatMap((c) => c.refusals)).toEqual(['access-key-mismatch']);
    }
  }, 120_000);

  it('holds the limits across instances: the byte limit counts writes taken by the other instance, the mailbox cap all registrations', async () => {
    const url = (postgres as Service).url;
    const db = new Client({ connectionString: url });
    await db.connect();
    const held = Number((await db.query('SELECT count(*) AS n FROM relay_mailboxes')).rows[0].n);
    await db.end();
    const lines: string[] = [];
    const start = () =>
      startReferatServer({
        mode: 'relay-only',
        log: (line) => lines.push(line),
        relay: { postgresUrl: url, redisUrl: (redis as Service).url, limits: { maxMailboxBytes: 3_500, maxMailboxes: held + 1 } },
      });
    const pair = await Promise.all([start(), start()]);
    try {
      const [left, right] = pair.map((server) => `ws://127.0.0.1:${server.port}/relay`) as [string, string];
      const mailbox = randomKey();
      const key = randomKey();
      const a = raw(left, mailbox, key);
      await expect.poll(() => a.provider.isSynced, CONVERGE).toBe(true);
      const b = raw(right, mailbox, key);
      await expect.poll(() => b.provider.isSynced, CONVERGE).toBe(true);
      const list = a.doc.getArray<Uint8Array>('entries');
      for (let i = 1; i <= 3; i++) {
        list.push([new Uint8Array(1_000).fill(i)]);
        await expect.poll(() => a.unsynced(), CONVERGE).toBe(0);
      }
      await expect.poll(() => b.doc.getArray('entries').length, CONVERGE).toBe(3);
      // B's instance took none of the 3,000 bytes from B, yet it counts them: B's next 1,000 do not fit.
      b.doc.getArray<Uint8Array>('entries').push([new Uint8Array(1_000).fill(9)]);
      await expect.poll(() => b.notices, CONVERGE).toEqual([JSON.stringify({ type: 'relay-refused', reason: 'mailbox-full', limit: 3_500 })]);
      expect(a.doc.getArray('entries').length).toBe(3);
      expect(pair[1]?.relay?.stats().refusedWrites).toBe(1);

      // The cap: the mailbox above was the last one with room, registered through the left instance.
      const late = raw(right, randomKey(), randomKey());
      await expect.poll(() => late.refusals, CONVERGE).toEqual(['relay-full']);
      expect(lines.join('\n')).not.toContain(mailbox);
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      await Promise.all(pair.map((server) => server.close()));
    }
  }, 60_000);

  it('the store itself: concurrent registrations across two connections keep one key and the mailbox cap; writes merge', async () => {
    const url = (postgres as Service).url;
    const [left, right] = await Promise.all([openPostgresStore(url, { log: () => {} }), openPostgresStore(url, { log: () => {} })]);
    try {
      const ids = Array.from({ length: 20 }, () => randomKey());
      const verdicts = await Promise.all(
        ids.flatMap((id) => [left.admit(id, accessKeyHash(randomKey()) as Buffer, 1_000_000), right.admit(id, accessKeyHash(randomKey()) as Buffer, 1_000_000)]),
      );
      for (let i = 0; i < ids.length; i++) expect([verdicts[2 * i], verdicts[2 * i + 1]].toSorted()).toEqual(['mismatch', 'registered']);

      // The cap holds across instances: room for one more, two new mailboxes at once.
      const db = new Client({ connectionString: url });
      await db.connect();
      const held = Number((await db.query('SELECT count(*) AS n FROM relay_mailboxes')).rows[0].n);
      await db.end();
      const capped = await Promise.all([left.admit(randomKey(), accessKeyHash(randomKey()) as Buffer, held + 1), right.admit(randomKey(), accessKeyHash(randomKey()) as Buffer, held + 1)]);
      expect(capped.toSorted()).toEqual(['full', 'registered']);

      // Two instances write the same mailbox, each without the other's latest change: the stored state holds both.
      const id = ids[0] as string;
      const one = new Y.Doc();
      one.getArray<number>('entries').push([1]);
      const other = new Y.Doc();
      other.getArray<number>('entries').push([2]);
      await Promise.all([left.store(id, Y.encodeStateAsUpdate(one)), right.store(id, Y.encodeStateAsUpdate(other))]);
      const merged = new Y.Doc();
      Y.applyUpdate(merged, (await left.fetch(id)) as Uint8Array);
      expect(merged.getArray<number>('entries').toArray().toSorted()).toEqual([1, 2]);
    } finally {
      await Promise.all([left.close(), right.close()]);
    }
  }, 60_000);
});

describe('parseServerFlags: --postgres and --redis', () => {
  it('reads both URLs, and refuses Redis without Postgres, two stores, a relay-less mode and a bad URL without repeating it', () => {
    const postgresUrl = 'postgres://relay:hemmelig@10.0.0.5:5432/referat';
    const redisUrl = 'redis://:hemmelig@10.0.0.6:6379/0';
    expect(parseServerFlags(['--relay-only', '--postgres', postgresUrl, '--redis', redisUrl])).toMatchObject({ relayOnly: true, postgresUrl, redisUrl });
    expect(parseServerFlags([`--postgres=${postgresUrl}`])).toMatchObject({ postgresUrl });
    expect(() => parseServerFlags(['--redis', redisUrl])).toThrow(/--redis needs --postgres/);
    expect(() => parseServerFlags(['--postgres', postgresUrl, '--relay-data', '/tmp/x'])).toThrow(/give one/);
    expect(() => parseServerFlags(['--signalling-only', '--postgres', postgresUrl])).toThrow(/--signalling-only runs no relay/);
    for (const [flag, bad] of [['--postgres', 'mysql://root:hemmelig@db/x'], ['--redis', 'http://:hemmelig@cache']] as const) {
      let message = '';
      try {
        parseServerFlags([flag, bad]);
      } catch (error) {
        message = error instanceof Error ? error.message : String(error);
      }
      expect(message).toMatch(new RegExp(`^${flag} needs a URL`));
      expect(message).not.toContain('hemmelig');
    }
  });

  it('reads a Redis URL into the extension’s settings', () => {
    expect(redisConfiguration('rediss://relay:p%40ss@[::1]:6380/2', {})).toEqual({
      host: '::1',
      port: 6380,
      options: { connectTimeout: 10_000, username: 'relay', password: 'p@ss', db: 2, tls: {} },
    });
    expect(redisConfiguration('redis://127.0.0.1', {})).toEqual({ host: '127.0.0.1', port: 6379, options: { connectTimeout: 10_000 } });
    // The password can stay off the command line; one in the URL wins.
    expect(redisConfiguration('redis://127.0.0.1', { REDIS_PASSWORD: 'fra-miljøet' }).options.password).toBe('fra-miljøet');
    expect(redisConfiguration('redis://:i-url@127.0.0.1', { REDIS_PASSWORD: 'fra-miljøet' }).options.password).toBe('i-url');
    expect(() => redisConfiguration('redis://127.0.0.1/x')).toThrow(/database by number/);
  });
});
