// Unit tests for the static server: MIME types, cache headers, SPA fallback, 404s, traversal, setRoot, and the
// security headers on every response (issue 14, finding 5), in agreement with index.html's meta CSP.
import { request } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../../server/staticServer.mjs';
import { PERMISSIONS_POLICY, contentSecurityPolicy } from '../../../server/securityHeaders.mjs';

type Server = Awaited<ReturnType<typeof startStaticServer>>;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends the request target exactly as written (fetch would normalise `..` away before sending). */
function rawGet(server: Server, target: string, method = 'GET', headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: target, method, headers }, (res) => {
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

/** A policy as directive name → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function header(res: RawResponse, name: string): string {
  const value = res.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

describe('startStaticServer security headers', () => {
  let fixture: string;
  let site: string;
  let server: Server;

  beforeAll(async () => {
    fixture = await mkdtemp(path.join(tmpdir(), 'referat-headers-'));
    site = path.join(fixture, 'site');
    await mkdir(path.join(site, 'assets'), { recursive: true });
    await writeFile(path.join(site, 'index.html'), '<!doctype html><h1>app</h1>');
    await writeFile(path.join(site, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(path.join(site, 'manifest.webmanifest'), '{"name":"Referat"}');
    await writeFile(path.join(site, 'assets', 'index-abc123.js'), 'console.log("app");');
    await writeFile(path.join(site, 'assets', 'index-abc123.css'), 'body{margin:0}');
    server = await startStaticServer({ root: site });
  });

  afterAll(async () => {
    await server.close();
    await rm(fixture, { recursive: true, force: true });
  });

  it.each([
    ['/', 'GET', 200],
    ['/index.html', 'GET', 200],
    ['/r/some-route', 'GET', 200],
    ['/assets/index-abc123.js', 'GET', 200],
    ['/assets/index-abc123.css', 'GET', 200],
    ['/manifest.webmanifest', 'GET', 200],
    ['/sw.js', 'GET', 200],
    ['/sw.js', 'HEAD', 200],
    ['/missing.js', 'GET', 404],
    ['/%2e%2e/package.json', 'GET', 400],
    ['/index.html', 'POST', 405],
  ])('sends every security header on %s (%s → %i)', async (target, method, status) => {
    const res = await rawGet(server, target, method);
    expect(res.status).toBe(status);
    const csp = parsePolicy(header(res, 'content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(header(res, 'referrer-policy')).toBe('no-referrer');
    expect(header(res, 'cross-origin-opener-policy')).toBe('same-origin');
    expect(header(res, 'x-content-type-options')).toBe('nosniff');
    expect(header(res, 'x-frame-options')).toBe('DENY');
    const permissions = header(res, 'permissions-policy').split(/,\s*/);
    for (const feature of ['camera', 'microphone', 'geolocation', 'usb', 'payment', 'display-capture']) expect(permissions).toContain(`${feature}=()`);
  });

  it('allows no inline or evaluated script, no data: or blob: source and no third-party origin anywhere in the policy', async () => {
    const csp = parsePolicy(header(await rawGet(server, '/'), 'content-security-policy'));
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(["'self'", "'none'", "'unsafe-inline'"], `${name} ${source}`).toContain(source);
      }
    }
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'"]);
  });

  it('allows the signalling server beside the app on the host the page was loaded from, and nothing for a bad Host', async () => {
    const beside = await startStaticServer({ root: site, signallingPort: 4444 });
    try {
      const connect = async (host?: string) =>
        parsePolicy(header(await rawGet(beside, '/', 'GET', host === undefined ? {} : { Host: host }), 'content-security-policy')).get('connect-src');
      expect(await connect()).toEqual(["'self'", 'ws://127.0.0.1:4444']);
      expect(await connect('localhost:8080')).toEqual(["'self'", 'ws://localhost:4444']);
      expect(await connect('Referat.Example.DK')).toEqual(["'self'", 'ws://referat.example.dk:4444']);
      for (const hostile of ['evil; script-src *', 'a b', '[::1]:8080', 'x"y', 'ws://x']) {
        expect(await connect(hostile), hostile).toEqual(["'self'"]);
      }
    } finally {
      await beside.close();
    }
  });

  it('allows exactly the configured signalling and relay servers', async () => {
    const configured = await startStaticServer({ root: site, connectSources: ['wss://signal.example.dk/', 'WSS://Relay.Example.DK:8443', 'ws://127.0.0.1:*'] });
    try {
      const csp = parsePolicy(header(await rawGet(configured, '/'), 'content-security-policy'));
      expect(csp.get('connect-src')).toEqual(["'self'", 'wss://signal.example.dk', 'wss://relay.example.dk:8443', 'ws://127.0.0.1:*']);
    } finally {
      await configured.close();
    }
  });

  it.each(['wss://x.dk; script-src *', 'wss://x.dk/path', 'http://x.dk', 'javascript:alert(1)', 'ws:', '*', 'wss://[::1]:4444', "'unsafe-inline'"])(
    'refuses to start with the connect source %j',
    async (source) => {
      await expect(startStaticServer({ root: site, connectSources: [source] })).rejects.toThrow(/not a server the app may connect to/);
    },
  );

  it('refuses a signalling port that is not one', async () => {
    await expect(startStaticServer({ root: site, signallingPort: 70_000 })).rejects.toThrow(RangeError);
  });

  it('lets the caller replace a header (the bench isolates the page)', async () => {
    const isolated = await startStaticServer({ root: site, headers: { 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Opener-Policy': 'same-origin' } });
    try {
      const res = await rawGet(isolated, '/');
      expect(header(res, 'cross-origin-embedder-policy')).toBe('require-corp');
      expect(header(res, 'cross-origin-opener-policy')).toBe('same-origin');
      expect(header(res, 'content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      await isolated.close();
    }
  });

  it('is what docs/HEADERS.md gives for nginx and Caddy', async () => {
    const doc = await readFile(new URL('../../../docs/HEADERS.md', import.meta.url), 'utf8');
    const csp = contentSecurityPolicy({ connectSources: ['wss://signal.example.dk'] }, undefined);
    expect(doc.split(`add_header Content-Security-Policy "${csp}" always;`)).toHaveLength(2);
    expect(doc.split(`Content-Security-Policy "${csp}"\n`)).toHaveLength(2);
    expect(doc.split(`Permissions-Policy "${PERMISSIONS_POLICY}"`)).toHaveLength(3);
    expect(doc).toContain(`| \`${PERMISSIONS_POLICY}\` |`);
  });

  it("agrees with index.html's meta policy: the header is the same or stricter, directive by directive", async () => {
    const html = await readFile(new URL('../../../index.html', import.meta.url), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const metaPolicy = parsePolicy(meta ?? '');
    const sent = await startStaticServer({ root: site, signallingPort: 4444, connectSources: ['wss://signal.example.dk'] });
    try {
      const headerPolicy = parsePolicy(header(await rawGet(sent, '/'), 'content-security-policy'));
      // A meta policy cannot carry frame-ancestors; every other directive is in both.
      expect([...metaPolicy.keys()].toSorted()).toEqual([...headerPolicy.keys()].filter((k) => k !== 'frame-ancestors').toSorted());
      for (const [name, sources] of metaPolicy) {
        if (name === 'connect-src') continue;
        expect(headerPolicy.get(name), name).toEqual(sources);
      }
      // connect-src: the meta tag, for hosts that send no header, allows any ws:/wss: server; every server the header
      // allows is within it, so the two never contradict.
      const metaConnect = metaPolicy.get('connect-src') ?? [];
      for (const source of headerPolicy.get('connect-src') ?? []) {
        const scheme = /^([a-z]+):\/\//.exec(source)?.[1];
        expect(metaConnect.includes(source) || (scheme !== undefined && metaConnect.includes(`${scheme}:`)), source).toBe(true);
      }
    } finally {
      await sent.close();
    }
  });
});
