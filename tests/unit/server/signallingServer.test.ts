// Unit tests for the y-webrtc signalling server: topics, publish fan-out, ping/pong, bad input, keepalive, close.
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

  static async connect(url: string, options: { autoPong?: boolean } = {}): Promise<Client> {
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
  const connect = async (options?: { autoPong?: boolean }) => {
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
