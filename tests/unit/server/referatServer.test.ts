// Unit tests for one process, one origin (issue 15): the app, /signal and /relay on one port beside the signalling
// server's own port; --relay-only; and what a handshake to another path gets.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startReferatServer } from '../../../server/referatServer.mjs';
import { connectRelay, randomKey, until, type RelayClient } from './relayClient';

type Server = Awaited<ReturnType<typeof startReferatServer>>;
type Message = Record<string, unknown>;

/** A signalling client that keeps every message it gets. */
async function signallingClient(url: string, origin?: string) {
  const ws = new WebSocket(url, origin === undefined ? {} : { origin });
  const messages: Message[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as Message));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, messages, send: (message: Message) => ws.send(JSON.stringify(message)) };
}

/** The status a handshake gets when it is refused, or 101 when it opens. */
function handshakeStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.on('error', () => {});
  });
}

describe('startReferatServer', () => {
  let fixture: string;
  let server: Server;
  const sockets: WebSocket[] = [];
  const relayClients: RelayClient[] = [];

  beforeAll(async () => {
    fixture = await mkdtemp(path.join(tmpdir(), 'referat-one-origin-'));
    await mkdir(path.join(fixture, 'dist'));
    await writeFile(path.join(fixture, 'dist', 'index.html'), '<!doctype html><title>Referat</title><h1>app</h1>');
  });
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.terminate();
    for (const client of relayClients.splice(0)) client.destroy();
    await server?.close();
  });
  afterAll(async () => {
    await rm(fixture, { recursive: true, force: true });
  });

  it('serves the app, /signal and /relay on one port, and the signalling port beside it shares the rooms', async () => {
    server = await startReferatServer({
      mode: 'all',
      root: path.join(fixture, 'dist'),
      port: 0,
      signallingPort: 0,
      allowedOrigins: (port) => [`http://localhost:${port}`],
      relay: { dataDir: path.join(fixture, 'relay-all'), storeDebounceMs: 20 },
      log: () => {},
    });
    const origin = `http://localhost:${server.port}`;
    const base = `http://127.0.0.1:${server.port}`;

    // The app, with a CSP whose connect-src allows its own origin ('self': ws: and wss: on it too).
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>app</h1>');
    expect(page.headers.get('content-security-policy')).toMatch(/connect-src 'self'/);
    // A plain request to a WebSocket path says so instead of serving the app.
    const plain = await fetch(`${base}/relay`);
    expect(plain.status).toBe(426);
    expect(plain.headers.get('upgrade')).toBe('websocket');

    // Signalling on /signal: subscribe, publish, and the message arrives; the separate port reaches the same room.
    const alice = await signallingClient(`ws://127.0.0.1:${server.port}/signal`, origin);
    const bob = await signallingClient(`ws://127.0.0.1:${server.signallingPort}`, origin);
    sockets.push(alice.ws, bob.ws);
    alice.send({ type: 'subscribe', topics: ['referat-room'] });
    bob.send({ type: 'subscribe', topics: ['referat-room'] });
    alice.send({ type: 'ping' });
    bob.send({ type: 'ping' });
    await until(() => alice.messages.length === 1 && bob.messages.length === 1, 'both pongs');
    alice.send({ type: 'publish', topic: 'referat-room', data: { type: 'announce', from: 'alice' } });
    await until(() => bob.messages.length === 2, 'the publish at bob');
    expect(bob.messages[1]).toEqual({ type: 'publish', topic: 'referat-room', data: { type: 'announce', from: 'alice' }, clients: 2 });

    // The relay on /relay of the same port.
    const mailbox = randomKey();
    const key = randomKey();
    const a = connectRelay(`ws://127.0.0.1:${server.port}/relay`, mailbox, key, { origin });
    const b = connectRelay(`ws://127.0.0.1:${server.port}/relay`, mailbox, key, { origin });
    relayClients.push(a, b);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both synced');
    a.doc.getArray<Uint8Array>('entries').push([new Uint8Array([9, 8, 7])]);
    await until(() => b.doc.getArray('entries').length === 1, 'the entry at B');
    expect(b.doc.getArray<Uint8Array>('entries').toArray()).toEqual([new Uint8Array([9, 8, 7])]);

    // The same allow-list on both paths, and any other path is no WebSocket.
    expect(await handshakeStatus(`ws://127.0.0.1:${server.port}/signal`, 'https://evil.example')).toBe(403);
    expect(await handshakeStatus(`ws://127.0.0.1:${server.port}/relay`, 'https://evil.example')).toBe(403);
    expect(await handshakeStatus(`ws://127.0.0.1:${server.port}/other`, origin)).toBe(404);
    expect(await handshakeStatus(`ws://127.0.0.1:${server.port}/relay/more`, origin)).toBe(404);
  });

  it('with relay-only serves /relay and nothing else', async () => {
    server = await startReferatServer({ mode: 'relay-only', port: 0, relay: { dataDir: path.join(fixture, 'relay-only') }, log: () => {} });
    expect(server.signallingPort).toBeNull();
    expect(server.signalling).toBeNull();
    const base = `127.0.0.1:${server.port}`;
    expect(await (await fetch(`http://${base}/`)).text()).toBe('Referat relay: WebSocket connections at /relay\n');
    expect(await handshakeStatus(`ws://${base}/signal`)).toBe(404);
    expect(await handshakeStatus(`ws://${base}/relay`)).toBe(101);
  });

  it('with signalling-only serves the signalling port alone', async () => {
    server = await startReferatServer({ mode: 'signalling-only', signallingPort: 0, log: () => {} });
    expect(server.port).toBeNull();
    expect(server.relay).toBeNull();
    expect(await handshakeStatus(`ws://127.0.0.1:${server.signallingPort}`)).toBe(101);
  });

  it('names the part that failed to start and closes the others', async () => {
    const first = await startReferatServer({ mode: 'signalling-only', signallingPort: 0, log: () => {} });
    try {
      await expect(
        startReferatServer({
          mode: 'all',
          root: path.join(fixture, 'dist'),
          port: 0,
          signallingPort: first.signallingPort ?? 0,
          relay: { dataDir: path.join(fixture, 'relay-fail') },
          log: () => {},
        }),
      ).rejects.toThrow(/^Signalling: port already in use/);
    } finally {
      await first.close();
    }
  });
});
