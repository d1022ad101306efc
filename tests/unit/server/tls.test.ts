// Unit tests for HTTPS on the one port (issue 15): `--tls-cert`/`--tls-key`, the checks on the certificate and key,
// the app, /signal and /relay over TLS, `--relay-only` over TLS, and main.mjs' defaults under TLS.
import { execFile, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ownOrigins, startReferatServer } from '../../../server/referatServer.mjs';
import { parseServerFlags } from '../../../server/serverFlags.mjs';
import { readTlsCredentials } from '../../../server/tlsCredentials.mjs';
import { selfSignedCertificate, type SelfSignedCertificate } from '../../e2e/support/selfSignedCertificate';
import { until } from './relayClient';

const MAIN = fileURLToPath(new URL('../../../server/main.mjs', import.meta.url));
type Server = Awaited<ReturnType<typeof startReferatServer>>;
type Message = Record<string, unknown>;

/** A GET over HTTPS that trusts only `ca`. */
function httpsGet(url: string, ca: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The status a wss: handshake gets when refused, 101 when it opens, or 0 when no HTTP answer comes (TLS failed). */
function handshakeStatus(url: string, ca: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { ca, ...(origin === undefined ? {} : { origin }) });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.on('error', () => resolve(0));
  });
}

describe('--tls-cert and --tls-key', () => {
  it('are taken together, in either spelling', () => {
    expect(parseServerFlags(['--tls-cert', 'c.pem', '--tls-key=k.pem']).tls).toEqual({ certFile: 'c.pem', keyFile: 'k.pem' });
    expect(parseServerFlags(['--relay-only']).tls).toBeUndefined();
  });

  it('refuse one without the other, an empty file name, and --signalling-only', () => {
    expect(() => parseServerFlags(['--tls-cert', 'c.pem'])).toThrow('--tls-cert and --tls-key go together');
    expect(() => parseServerFlags(['--tls-key', 'k.pem'])).toThrow('--tls-cert and --tls-key go together');
    expect(() => parseServerFlags(['--tls-cert'])).toThrow('--tls-cert needs a value');
    expect(() => parseServerFlags(['--tls-cert=', '--tls-key', 'k.pem'])).toThrow('--tls-cert needs a PEM file, got ""');
    expect(() => parseServerFlags(['--signalling-only', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'])).toThrow(
      '--signalling-only serves plain ws: on its own port',
    );
  });
});

describe('TLS over the one port', () => {
  let dir: string;
  let certificate: SelfSignedCertificate;
  /** Another self-signed certificate, to trust instead of the server's. */
  let stranger: SelfSignedCertificate;
  let server: Server | undefined;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referat-tls-'));
    certificate = await selfSignedCertificate(dir);
    await mkdir(path.join(dir, 'stranger'));
    stranger = await selfSignedCertificate(path.join(dir, 'stranger'));
    await mkdir(path.join(dir, 'dist'));
    await writeFile(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>Referat</title><h1>app</h1>');
  });
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.terminate();
    await server?.close();
    server = undefined;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a certificate and its key, and names what it is for', async () => {
    const tls = await readTlsCredentials({ certFile: certificate.certFile, keyFile: certificate.keyFile });
    expect(tls.names).toEqual(['IP Address:127.0.0.1', 'DNS:localhost']);
    expect(tls.validTo.getTime()).toBeGreaterThan(Date.now());
    expect(tls.cert.toString()).toBe(certificate.cert);
  });

  it('refuses a missing file, a file that is no PEM, swapped files, a foreign key and an encrypted key, naming the flag and file', async () => {
    const file = (name: string) => path.join(dir, name);
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    await writeFile(file('other-key.pem'), other.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await writeFile(file('encrypted-key.pem'), other.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hemmelig' }));
    await writeFile(file('text.pem'), 'not a certificate\n');
    await writeFile(file('broken-cert.pem'), '-----BEGIN CERTIFICATE-----\nAAAAnotbase64AAAA\n-----END CERTIFICATE-----\n');
    const read = (certFile: string, keyFile: string) => readTlsCredentials({ certFile, keyFile });
    const { certFile, keyFile } = certificate;

    await expect(read(file('missing.pem'), keyFile)).rejects.toThrow(`--tls-cert: cannot read "${file('missing.pem')}" (ENOENT`);
    await expect(read(certFile, dir)).rejects.toThrow(`--tls-key: cannot read "${dir}" (EISDIR`);
    await expect(read(file('text.pem'), keyFile)).rejects.toThrow(`--tls-cert: "${file('text.pem')}" holds no PEM certificate`);
    await expect(read(file('broken-cert.pem'), keyFile)).rejects.toThrow(`--tls-cert: "${file('broken-cert.pem')}" holds no PEM certificate`);
    await expect(read(certFile, file('text.pem'))).rejects.toThrow(`--tls-key: "${file('text.pem')}" holds no usable PEM private key`);
    await expect(read(keyFile, certFile)).rejects.toThrow(`--tls-cert: "${keyFile}" holds no PEM certificate`);
    await expect(read(certFile, file('other-key.pem'))).rejects.toThrow(
      `--tls-key: "${file('other-key.pem')}" is not the private key of the certificate in "${certFile}"`,
    );
    await expect(read(certFile, file('encrypted-key.pem'))).rejects.toThrow('the key is encrypted');
  });

  it('serves the app, /signal and /relay over TLS on one port, and only to https: origins by default', async () => {
    const started = await startReferatServer({
      mode: 'all',
      root: path.join(dir, 'dist'),
      port: 0,
      signallingPort: 0,
      allowedOrigins: (port) => ownOrigins({ host: '127.0.0.1', port, secure: true }),
      relay: { dataDir: path.join(dir, 'relay-all') },
      tls: { cert: certificate.cert, key: certificate.key },
      log: () => {},
    });
    server = started;
    expect(started.secure).toBe(true);
    expect(started.allowedOrigins).toEqual([`https://localhost:${started.port}`, `https://127.0.0.1:${started.port}`, `https://[::1]:${started.port}`]);
    const base = `127.0.0.1:${started.port}`;
    const ca = certificate.cert;

    // The app over HTTPS, with its security headers; a plain request to a WebSocket path gets 426 as without TLS.
    const page = await httpsGet(`https://${base}/r/some-referat`, ca);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>app</h1>');
    expect(String(page.headers['content-security-policy'])).toMatch(/connect-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await httpsGet(`https://${base}/relay`, ca)).status).toBe(426);
    expect((await httpsGet(`https://${base}/missing.js`, ca)).status).toBe(404);

    // Plain HTTP on the TLS port gets no page.
    const plain = await new Promise<string>((resolve) => {
      httpGet(`http://${base}/`, (res) => resolve(`status ${res.statusCode}`)).on('error', (error) => resolve(`error ${error.message}`));
    });
    expect(plain).toMatch(/^error |^status 400$/);

    // Signalling through wss:/signal: two clients meet in a room.
    const origin = `https://localhost:${started.port}`;
    const client = async () => {
      const ws = new WebSocket(`wss://${base}/signal`, { ca, origin });
      sockets.push(ws);
      const messages: Message[] = [];
      ws.on('message', (data) => messages.push(JSON.parse(String(data)) as Message));
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      ws.send(JSON.stringify({ type: 'subscribe', topics: ['referat-room'] }));
      ws.send(JSON.stringify({ type: 'ping' }));
      await until(() => messages.length === 1, 'the pong');
      return { ws, messages };
    };
    const alice = await client();
    const bob = await client();
    alice.ws.send(JSON.stringify({ type: 'publish', topic: 'referat-room', data: { type: 'announce', from: 'alice' } }));
    await until(() => bob.messages.length === 2, 'the publish at bob');
    expect(bob.messages[1]).toEqual({ type: 'publish', topic: 'referat-room', data: { type: 'announce', from: 'alice' }, clients: 2 });

    // The relay through wss:/relay; the http: origin of the same host and port is another origin, refused.
    expect(await handshakeStatus(`wss://${base}/relay`, ca, origin)).toBe(101);
    expect(await handshakeStatus(`wss://${base}/relay`, ca, `http://localhost:${started.port}`)).toBe(403);
    expect(await handshakeStatus(`wss://${base}/signal`, ca, 'https://evil.example')).toBe(403);
    expect(await handshakeStatus(`wss://${base}/other`, ca, origin)).toBe(404);
    // A client that does not trust the certificate gets no connection at all.
    expect(await handshakeStatus(`wss://${base}/relay`, stranger.cert, origin)).toBe(0);
  });

  it('serves --relay-only over TLS', async () => {
    server = await startReferatServer({
      mode: 'relay-only',
      port: 0,
      relay: { dataDir: path.join(dir, 'relay-only') },
      tls: { cert: certificate.cert, key: certificate.key },
      log: () => {},
    });
    expect(server.secure).toBe(true);
    const base = `127.0.0.1:${server.port}`;
    expect((await httpsGet(`https://${base}/`, certificate.cert)).body).toBe('Referat relay: WebSocket connections at /relay\n');
    expect(await handshakeStatus(`wss://${base}/relay`, certificate.cert)).toBe(101);
    expect(await handshakeStatus(`wss://${base}/signal`, certificate.cert)).toBe(404);
  });

  it('refuses TLS for signalling-only, which has no one-origin port', async () => {
    await expect(startReferatServer({ mode: 'signalling-only', tls: { cert: certificate.cert, key: certificate.key } })).rejects.toThrow(
      /^Signalling: TLS is for the one-origin port/,
    );
  });

  it('main.mjs stops on a bad certificate with its message, and under TLS accepts its own https: origins', async () => {
    const run = promisify(execFile);
    const failed = await run(process.execPath, [MAIN, '--relay-only', '--tls-cert', certificate.keyFile, '--tls-key', certificate.keyFile]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stderr: `--tls-cert: "${certificate.keyFile}" holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" line)\n` });
    const alone = await run(process.execPath, [MAIN, '--tls-key', certificate.keyFile]).catch((error: { code: number; stderr: string }) => error);
    expect(alone).toMatchObject({ code: 1, stderr: expect.stringContaining('--tls-cert and --tls-key go together') });

    const child = spawn(process.execPath, [MAIN, '--relay-only', '--relay-data', path.join(dir, 'relay-main'), '--tls-cert', certificate.certFile, '--tls-key', certificate.keyFile], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      await until(() => out.includes('Browsers accepted from'), 'main.mjs to start', 15_000);
      const port = /Relay: wss:\/\/localhost:(\d+)\/relay/.exec(out)?.[1];
      expect(port).toBeDefined();
      expect(out).toContain(`Browsers accepted from: https://localhost:${port}, https://127.0.0.1:${port}, https://[::1]:${port}`);
      expect(out).toContain('TLS certificate for IP Address:127.0.0.1, DNS:localhost, valid until');
      expect(await handshakeStatus(`wss://127.0.0.1:${port}/relay`, certificate.cert, `https://127.0.0.1:${port}`)).toBe(101);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    // Three Node processes start one after the other: on a loaded machine that takes seconds.
  }, 60_000);
});
