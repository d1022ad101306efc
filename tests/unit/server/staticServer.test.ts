// Unit tests for the static server: MIME types, cache headers, SPA fallback, 404s, traversal, setRoot.
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../../server/staticServer.mjs';

type Server = Awaited<ReturnType<typeof startStaticServer>>;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends the request target exactly as written (fetch would normalise `..` away before sending). */
function rawGet(server: Server, target: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: target, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startStaticServer', () => {
  let fixture: string;
  let site: string;
  let nextSite: string;
  let server: Server;

  beforeAll(async () => {
    fixture = await mkdtemp(path.join(tmpdir(), 'referat-static-'));
    site = path.join(fixture, 'site');
    nextSite = path.join(fixture, 'next');
    await mkdir(path.join(site, 'assets'), { recursive: true });
    await mkdir(nextSite, { recursive: true });
    // A file next to the served root that traversal attempts would try to reach.
    await writeFile(path.join(fixture, 'package.json'), '{"secret":"outside-root"}');
    await writeFile(path.join(site, 'index.html'), '<!doctype html><h1>v1</h1>');
    await writeFile(path.join(site, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(path.join(site, 'registerSW.js'), 'navigator.serviceWorker.register("/sw.js");');
    await writeFile(path.join(site, 'manifest.webmanifest'), '{"name":"Referat"}');
    await writeFile(path.join(site, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(site, 'assets', 'index-abc123.js'), 'console.log("app");');
    await writeFile(path.join(site, 'assets', 'index-abc123.css'), 'body{margin:0}');
    await writeFile(path.join(site, 'assets', 'module.wasm'), Buffer.from([0, 97, 115, 109]));
    await writeFile(path.join(nextSite, 'index.html'), '<!doctype html><h1>v2</h1>');
    server = await startStaticServer({ root: site });
  });

  afterAll(async () => {
    await server.close();
    await rm(fixture, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and reports its URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves index.html at / without caching', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe('<!doctype html><h1>v1</h1>');
  });

  it.each([
    ['assets/index-abc123.js', 'text/javascript; charset=utf-8', 'console.log("app");'],
    ['assets/index-abc123.css', 'text/css; charset=utf-8', 'body{margin:0}'],
    ['favicon.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['manifest.webmanifest', 'application/manifest+json; charset=utf-8', '{"name":"Referat"}'],
  ])('serves /%s as %s', async (file, type, body) => {
    const res = await fetch(new URL(file, server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toBe(body);
  });

  it('serves binary files byte for byte', async () => {
    const res = await fetch(new URL('assets/module.wasm', server.url));
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 97, 115, 109]);
  });

  it('caches hashed assets for a long time and revalidates the service worker files', async () => {
    const cacheOf = async (file: string) => (await fetch(new URL(file, server.url))).headers.get('cache-control');
    expect(await cacheOf('assets/index-abc123.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf('sw.js')).toBe('no-cache');
    expect(await cacheOf('registerSW.js')).toBe('no-cache');
    expect(await cacheOf('manifest.webmanifest')).toBe('no-cache');
    expect(await cacheOf('index.html')).toBe('no-cache');
  });

  it.each(['/r/some-id', '/settings', '/r/some-id?x=1'])('falls back to index.html for the route %s', async (route) => {
    const res = await fetch(new URL(route, server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe('<!doctype html><h1>v1</h1>');
  });

  it('returns 404 for missing files that have an extension', async () => {
    const missingAsset = await fetch(new URL('assets/x.js', server.url));
    expect(missingAsset.status).toBe(404);
    expect(await missingAsset.text()).not.toContain('<h1>');
    expect((await fetch(new URL('missing.png', server.url))).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawGet(server, '/assets/index-abc123.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('console.log("app");'.length));
    expect(head.body).toBe('');
    const post = await rawGet(server, '/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..%5cpackage.json',
    '/%00',
    '/%E0%A4%A.js',
    '/r/%E0%A4%A/..',
  ])('refuses %s and never leaks files outside the root', async (target) => {
    const res = await rawGet(server, target);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('outside-root');
    expect(res.body).not.toContain('<h1>');
  });

  it('serves the app for a route with a broken escape, so the app itself can say "not found"', async () => {
    const res = await rawGet(server, '/r/%E0%A4%A');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<h1>');
  });

  it('switches to a new folder with setRoot', async () => {
    server.setRoot(nextSite);
    try {
      expect(await (await fetch(server.url)).text()).toBe('<!doctype html><h1>v2</h1>');
      expect(await (await fetch(new URL('r/abc', server.url))).text()).toBe('<!doctype html><h1>v2</h1>');
      expect((await fetch(new URL('sw.js', server.url))).status).toBe(404);
    } finally {
      server.setRoot(site);
    }
    expect(await (await fetch(server.url)).text()).toBe('<!doctype html><h1>v1</h1>');
  });

  it('adds the given headers to every file it serves, and none when not asked to', async () => {
    const isolated = await startStaticServer({ root: site, headers: { 'Cross-Origin-Embedder-Policy': 'require-corp' } });
    try {
      for (const p of ['', 'assets/index-abc123.js', 'r/some-route']) {
        const res = await fetch(new URL(p, isolated.url));
        expect(res.status).toBe(200);
        expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      }
    } finally {
      await isolated.close();
    }
    expect((await fetch(server.url)).headers.get('cross-origin-embedder-policy')).toBeNull();
  });

  it('close() stops the server even with a keep-alive connection open', async () => {
    const other = await startStaticServer({ root: site });
    await fetch(other.url, { keepalive: true }).then((res) => res.text());
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow('fetch failed');
  });
});
