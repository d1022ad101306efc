// Unit tests for the y-webrtc signalling server: topics, publish fan-out, ping/pong, bad input, keepalive, close, and
// the limits of issue #14 finding 3 (Origin allow-list, sockets per address, topics, message rate, slow readers).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, startSignallingServer } from '../../../server/signallingServer.mjs';

type Server = Awaited<ReturnType<typeof startSignallingServer>>;
type Message = Record<string, unknown>;

/** A ws client that queues every message so a test can await them in order. */
class Client {
  readonly messages: Message[] = [];
  private waiters: Array<() => void> = [];
  private readonly closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as Message);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  static async connect(url: string, options: { autoPong?: boolean; origin?: string; localAddress?: string } = {}): Promise<Client> {
    const ws = new WebSocket(url, options);
    const client = new Client(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Resolves with the message at `index` (0-based, over the client's lifetime). */
  async nth(index: number, timeoutMs = 2_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length <= index) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message #${index} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages[index] as Message;
  }

  /** Round trip through the server: once the pong is here, the server has handled everything sent before. */
  async sync(): Promise<void> {
    const index = this.messages.length;
    this.send({ type: 'ping' });
    const reply = await this.nth(index);
    if (reply['type'] !== 'pong') throw new Error(`expected a pong, got ${JSON.stringify(reply)}`);
  }

  whenClosed(timeoutMs = 2_000): Promise<number> {
    return Promise.race([
      this.closed,
      new Promise<number>((_, reject) => setTimeout(() => reject(new Error('socket not closed')), timeoutMs)),
    ]);
  }

  close(): void {
    this.ws.terminate();
  }
}

describe('startSignallingServer', () => {
  let server: Server;
  const received: string[] = [];
  const clients: Client[] = [];
  const connect = async (options?: { autoPong?: boolean; origin?: string }) => {
    const client = await Client.connect(server.url, options);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startSignallingServer({ onMessage: (text) => received.push(text) });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await server.close();
  });

  it('binds to 127.0.0.1 by default', () => {
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
  });

  it('forwards a publish to every subscriber of the topic with the subscriber count', async () => {
    const alice = await connect();
    const bob = await connect();
    const carol = await connect();
    alice.send({ type: 'subscribe', topics: ['room-1'] });
    bob.send({ type: 'subscribe', topics: ['room-1', 'room-2'] });
    carol.send({ type: 'subscribe', topics: ['room-2'] });
    await Promise.all([alice.sync(), bob.sync(), carol.sync()]);

    const offer = { type: 'publish', topic: 'room-1', data: { type: 'announce', from: 'alice-peer-id' } };
    alice.send(offer);
    expect(await bob.nth(1)).toEqual({ ...offer, clients: 2 });
    // y-webrtc's server echoes to the sender too; clients ignore their own announcements.
    expect(await alice.nth(1)).toEqual({ ...offer, clients: 2 });
    await carol.sync();
    expect(carol.messages).toEqual([{ type: 'pong' }, { type: 'pong' }]);
  });

  it('stops forwarding after unsubscribe and after a subscriber disconnects', async () => {
    const alice = await connect();
    const bob = await connect();
    const dave = await connect();
    for (const client of [alice, bob, dave]) client.send({ type: 'subscribe', topics: ['room-3'] });
    await Promise.all([alice.sync(), bob.sync(), dave.sync()]);

    bob.send({ type: 'unsubscribe', topics: ['room-3'] });
    await bob.sync();
    dave.close();
    await dave.whenClosed();
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the server see the disconnect

    alice.send({ type: 'publish', topic: 'room-3', data: 'hello' });
    expect(await alice.nth(1)).toEqual({ type: 'publish', topic: 'room-3', data: 'hello', clients: 1 });
    await bob.sync();
    expect(bob.messages).toEqual([{ type: 'pong' }, { type: 'pong' }, { type: 'pong' }]);
  });

  it('answers ping with pong', async () => {
    const client = await connect();
    client.send({ type: 'ping' });
    expect(await client.nth(0)).toEqual({ type: 'pong' });
  });

  it('survives garbage and keeps working on the same socket', async () => {
    const client = await connect();
    for (const junk of ['not json', '{"type":', 'null', '42', '[]', '{"no":"type"}', '{"type":"subscribe","topics":7}']) {
      client.send(junk);
    }
    client.send({ type: 'publish', topic: 12 });
    client.send({ type: 'subscribe', topics: ['room-4', 5, null] });
    client.send({ type: 'publish', topic: 'room-4', data: 'still alive' });
    expect(await client.nth(0)).toEqual({ type: 'publish', topic: 'room-4', data: 'still alive', clients: 1 });
    await client.sync();
    expect(client.messages).toHaveLength(2);
  });

  it('closes a socket that sends more than 64 KiB, and carries on serving others', async () => {
    const big = await connect();
    big.send({ type: 'publish', topic: 'room-5', data: 'x'.repeat(MAX_MESSAGE_BYTES) });
    expect(await big.whenClosed()).toBe(1009);
    const next = await connect();
    await next.sync();
  });

  it('hands every received message to onMessage', async () => {
    received.length = 0;
    const client = await connect();
    client.send({ type: 'subscribe', topics: ['recorded'] });
    client.send('garbage');
    await client.sync();
    expect(received).toEqual(['{"type":"subscribe","topics":["recorded"]}', 'garbage', '{"type":"ping"}']);
  });
});

describe('signalling keepalive and shutdown', () => {
  it('terminates sockets that stop answering pings', async () => {
    const server = await startSignallingServer({ pingIntervalMs: 50 });
    try {
      const responsive = await Client.connect(server.url);
      const dead = await Client.connect(server.url, { autoPong: false });
      expect(await dead.whenClosed(2_000)).toBe(1006);
      await responsive.sync();
      responsive.close();
    } finally {
      await server.close();
    }
  });

  it('close() disconnects clients and stops listening', async () => {
    const server = await startSignallingServer();
    const client = await Client.connect(server.url);
    await server.close();
    expect(await client.whenClosed()).toBe(1006);
    await expect(Client.connect(server.url)).rejects.toThrow(/ECONNREFUSED/);
  });
});

/** Waits until `condition` holds (the server handles what a client sent in its own time); fails after 5 s. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Starts a server with a frozen (test-driven) clock and its refusal lines collected; closes it and its clients after. */
async function withServer(
  options: Parameters<typeof startSignallingServer>[0],
  body: (ctx: { server: Server; lines: string[]; clock: { t: number }; connect: (o?: Parameters<typeof Client.connect>[1]) => Promise<Client> }) => Promise<void>,
): Promise<void> {
  const lines: string[] = [];
  const clock = { t: 0 };
  const server = await startSignallingServer({ log: (line) => lines.push(line), now: () => clock.t, ...options });
  const clients: Client[] = [];
  try {
    await body({
      server,
      lines,
      clock,
      connect: async (o) => {
        const client = await Client.connect(server.url, o);
        clients.push(client);
        return client;
      },
    });
  } finally {
    for (const client of clients) client.close();
    await server.close();
  }
}

describe('signalling limits (issue #14, finding 3)', () => {
  it('refuses a browser from an origin not on the allow-list with 403 and logs who and why', async () => {
    await withServer({ allowedOrigins: ['http://localhost:8080/'] }, async ({ lines, connect }) => {
      await expect(connect({ origin: 'https://evil.example' })).rejects.toThrow(/403/);
      const ok = await connect({ origin: 'http://localhost:8080' });
      await ok.sync();
      // No Origin header: not a browser (anything else can forge the header anyway); let in by default.
      const tool = await connect();
      await tool.sync();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/signalling refused 127\.0\.0\.1 origin "https:\/\/evil\.example": origin not allowed \(handshake answered 403\)$/);
    });
  });

  it('refuses handshakes without Origin when told to', async () => {
    await withServer({ allowedOrigins: ['http://localhost:8080'], allowMissingOrigin: false }, async ({ lines, connect }) => {
      await expect(connect()).rejects.toThrow(/403/);
      expect(lines[0]).toMatch(/127\.0\.0\.1 \(no Origin\): Origin header required/);
    });
  });

  it('rejects an allow-list entry that is not an origin', async () => {
    await expect(startSignallingServer({ allowedOrigins: ['localhost:8080/app'] })).rejects.toThrow(/origin/);
    await expect(startSignallingServer({ limits: { maxTopicsPerSocket: 0 } })).rejects.toThrow(/maxTopicsPerSocket must be a positive integer/);
  });

  it('caps the sockets per address with 429, counts other addresses apart, and frees a place on close', async () => {
    await withServer({ limits: { maxSocketsPerAddress: 3 } }, async ({ server, lines, connect }) => {
      const first = await connect();
      await connect();
      await connect();
      await expect(connect()).rejects.toThrow(/429/);
      expect(lines.at(-1)).toMatch(/refused 127\.0\.0\.1 \(no Origin\): sockets per address at 3 \(127\.0\.0\.1 has 3 open; handshake answered 429\)/);
      const elsewhere = await connect({ localAddress: '127.0.0.2' });
      await elsewhere.sync();
      expect(server.stats()).toMatchObject({ sockets: 4, addresses: 2 });
      first.close();
      await first.whenClosed();
      await until(() => server.stats().sockets === 3);
      const again = await connect();
      await again.sync();
    });
  });

  it('holds at most maxTopicsPerSocket topics from a subscribe flood, and ignores topics over the length cap', async () => {
    await withServer({}, async ({ server, lines, connect }) => {
      const flooder = await connect();
      // The flood: 2 MB of subscribe messages held 360,000 topics. Here 1 MB in 64 KiB messages.
      for (let m = 0; m < 16; m++) {
        const topics = Array.from({ length: 4_500 }, (_, n) => `f${m}.${n}`);
        flooder.send({ type: 'subscribe', topics });
      }
      await flooder.sync();
      expect(server.stats()).toMatchObject({ topics: 32, subscriptions: 32 });
      expect(lines.filter((line) => line.includes('topics per socket over 32'))).toHaveLength(1);

      const honest = await connect();
      const long = 'r'.repeat(129);
      const longest = 'r'.repeat(128);
      honest.send({ type: 'subscribe', topics: [long, longest, ''] });
      honest.send({ type: 'publish', topic: long, data: 'to the long topic' });
      honest.send({ type: 'publish', topic: longest, data: 'to the longest allowed' });
      expect(await honest.nth(0)).toEqual({ type: 'publish', topic: longest, data: 'to the longest allowed', clients: 1 });
      await honest.sync();
      expect(honest.messages).toHaveLength(2);
      expect(lines.at(-1)).toMatch(/: topic length over 128 \(2 topics of one subscribe ignored\)$/);
    });
  });

  it('drops messages over the rate (token bucket), logs the socket once, and lets it through again later', async () => {
    await withServer({ limits: { messagesPerSecond: 1, messageBurst: 5 } }, async ({ server, lines, clock, connect }) => {
      const sender = await connect();
      const receiver = await connect();
      receiver.send({ type: 'subscribe', topics: ['room-r'] });
      await receiver.sync();
      for (let i = 0; i < 20; i++) sender.send({ type: 'publish', topic: 'room-r', data: i });
      await until(() => server.stats().droppedMessages === 15);
      clock.t += 1_000; // one token back for the ping below
      await sender.sync();
      await receiver.sync();
      const delivered = receiver.messages.filter((m) => m['type'] === 'publish').map((m) => m['data']);
      expect(delivered).toEqual([0, 1, 2, 3, 4]);
      expect(lines.filter((line) => line.includes('messages per second over 1'))).toHaveLength(1);
      clock.t += 10_000;
      sender.send({ type: 'publish', topic: 'room-r', data: 'later' });
      await sender.sync();
      await receiver.sync();
      expect(receiver.messages.filter((m) => m['type'] === 'publish').at(-1)).toMatchObject({ data: 'later' });
    });
  });

  it('drops a receiver that stops reading instead of buffering for it; the others keep getting every message', async () => {
    await withServer({ limits: { maxBufferedBytes: 64 * 1024, messageBurst: 100_000 } }, async ({ server, lines, connect }) => {
      const publisher = await connect();
      const reader = await connect();
      const slow = await connect();
      for (const client of [reader, slow]) {
        client.send({ type: 'subscribe', topics: ['room-slow'] });
        await client.sync();
      }
      slow.ws.pause(); // never reads again: the kernel buffers fill, then the server's would
      const data = 'y'.repeat(60 * 1024);
      let sent = 0;
      // Bounded: up to 48 MiB (loopback buffers take a few MiB before ws has to hold any).
      while (server.stats().droppedReceivers === 0 && sent < 800) {
        for (let i = 0; i < 20; i++, sent++) publisher.send({ type: 'publish', topic: 'room-slow', data });
        await publisher.sync();
      }
      expect(server.stats().droppedReceivers).toBe(1);
      await until(() => server.stats().sockets === 2);
      expect(lines.some((line) => /outgoing buffer over 65536 bytes \(\d+ bytes not taken by the client; socket dropped\)$/.test(line))).toBe(true);
      publisher.send({ type: 'publish', topic: 'room-slow', data: 'after' });
      const total = sent + 1;
      const last = await reader.nth(total, 20_000); // a pong, then the publishes
      expect(last).toEqual({ type: 'publish', topic: 'room-slow', data: 'after', clients: 1 });
      expect(reader.messages.filter((m) => m['type'] === 'publish')).toHaveLength(total);
    });
  }, 60_000);
});
