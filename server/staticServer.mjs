// Static file server for the Vite production build (dist/): MIME types, SPA fallback, cache headers, no path traversal,
// the security headers (securityHeaders.mjs) on every response, and WebSocket paths (/signal, /relay) on the same port.
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkConnectSources, securityHeaders } from './securityHeaders.mjs';
import { requestPath, routeUpgrades } from './upgradeRoutes.mjs';

/** @type {Readonly<Record<string, string>>} */
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const NO_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * @typedef {object} StaticServer
 * @property {string} url Base URL with a trailing slash, e.g. http://127.0.0.1:8080/
 * @property {number} port The port actually bound (useful with port 0).
 * @property {() => Promise<void>} close Stops listening and drops open connections.
 * @property {(dir: string) => void} setRoot Serves another folder from the next request on (a "new deployment").
 */

/**
 * @param {string} filePath
 * @returns {string}
 */
function contentTypeFor(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Files the browser must revalidate on every load so a new deployment is picked up.
 * Everything outside /assets/ (whose names carry a content hash) is treated the same way.
 * @param {string} urlPath decoded URL path, e.g. /assets/index-abc.js
 * @returns {string}
 */
function cacheControlFor(urlPath) {
  return urlPath.startsWith('/assets/') ? IMMUTABLE : NO_CACHE;
}

/**
 * Decodes the path part of a raw request target and rejects anything that could leave the root.
 * Works on the raw string on purpose: WHATWG URL parsing would silently turn /%2e%2e/x into /x.
 * @param {string} rawUrl
 * @returns {string | null} the decoded path (always starting with /), or null if it is unsafe
 */
function safeDecodedPath(rawUrl) {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return null;
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  return decoded;
}

/**
 * A request target whose %-escapes do not decode, but which holds nothing that could climb out of the root
 * and names no file: a client-side route such as /r/%E0%A4%A.
 * @param {string} rawUrl
 * @returns {boolean}
 */
function isHarmlessMalformedRoute(rawUrl) {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/') || rawPath.includes('..') || rawPath.includes('\\')) return false;
  if (/%(2e|2f|5c|00)/i.test(rawPath)) return false;
  return path.extname(rawPath.split('/').pop() ?? '') === '';
}

/**
 * @param {string} base absolute, real path of the served folder
 * @param {string} candidate absolute path
 * @returns {boolean}
 */
function isInside(base, candidate) {
  const relative = path.relative(base, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Resolves a decoded URL path to a regular file inside root, following symlinks only if they stay inside.
 * @param {string} root
 * @param {string} urlPath
 * @returns {Promise<string | null>}
 */
async function findFile(root, urlPath) {
  let candidate = path.join(root, urlPath);
  if (!isInside(root, candidate)) return null;
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      info = await stat(candidate);
    }
    if (!info.isFile()) return null;
    const real = await realpath(candidate);
    return isInside(await realpath(root), real) ? real : null;
  } catch {
    return null;
  }
}

/**
 * @typedef {object} StaticServerOptions
 * @property {string} root the folder to serve
 * @property {string} [host]
 * @property {number} [port]
 * @property {Record<string, string>} [headers] added to every response, after (so replacing) the security headers
 *   (the bench sends the cross-origin isolation headers, for a finer performance.now())
 * @property {number} [signallingPort] the signalling server beside the app (server/main.mjs): the CSP's connect-src
 *   allows ws://<the host the page was loaded from>:<port>, the app's default signalling URL
 * @property {readonly string[]} [connectSources] further signalling and relay servers the CSP's connect-src allows,
 *   e.g. wss://signal.example.dk (checked: ws or wss, host and port only)
 * @property {Readonly<Record<string, import('./upgradeRoutes.mjs').UpgradeHandler>>} [webSockets] WebSocket paths on
 *   this port (server/main.mjs: `/signal`, `/relay`); a handshake to another path is answered 404, and a plain request
 *   to one of these paths 426
 * @property {{ cert: string | Buffer, key: string | Buffer }} [tls] a certificate chain and key (PEM): the port then
 *   speaks HTTPS (TLS 1.2 or newer), and its WebSocket paths wss:
 */

/**
 * Serves a Vite dist/ folder. Only node built-ins.
 * @param {StaticServerOptions} options
 * @returns {Promise<StaticServer>}
 * @throws {RangeError} for a signalling port or connect source that is not one
 */
export async function startStaticServer({ root, host = '127.0.0.1', port = 0, headers = {}, signallingPort, connectSources = [], webSockets, tls }) {
  let currentRoot = path.resolve(root);
  if (signallingPort !== undefined && !(Number.isInteger(signallingPort) && signallingPort > 0 && signallingPort <= 65535)) {
    throw new RangeError(`signallingPort must be a port number between 1 and 65535, got ${String(signallingPort)}`);
  }
  const connect = { signallingPort, connectSources: checkConnectSources(connectSources) };

  /**
   * The security headers, then the caller's, for one request.
   * @param {import('node:http').IncomingMessage} req
   * @returns {Record<string, string>}
   */
  const headersFor = (req) => ({ ...securityHeaders(connect, req.headers.host), ...headers });

  /** @type {import('node:http').RequestListener} */
  const onRequest = (req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_CACHE, ...headersFor(req) });
      res.end('Internal server error\n');
    });
  };
  const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, onRequest) : createServer(onRequest);
  // A client that fails the TLS handshake (a wrong name, an untrusted certificate) is dropped; nothing to log.
  if (tls) server.on('tlsClientError', (_error, socket) => socket.destroy());
  if (webSockets !== undefined) server.on('upgrade', routeUpgrades(webSockets));

  /**
   * @param {number} status
   * @param {string} message
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {Record<string, string>} [extraHeaders]
   */
  function sendText(status, message, req, res, extraHeaders = {}) {
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': NO_CACHE,
      ...headersFor(req),
      ...extraHeaders,
    });
    res.end(`${message}\n`);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    const method = req.method ?? 'GET';
    const plainPath = requestPath(req.url);
    if (webSockets !== undefined && plainPath !== null && Object.hasOwn(webSockets, plainPath)) {
      sendText(426, 'This address takes WebSocket connections only', req, res, { Upgrade: 'websocket' });
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendText(405, 'Method not allowed', req, res, { Allow: 'GET, HEAD' });
      return;
    }
    let urlPath = safeDecodedPath(req.url ?? '/');
    if (urlPath === null) {
      // A route with a broken %-escape (a mangled link) still gets the app, which then says "not found";
      // anything that could point outside the root stays refused.
      if (!isHarmlessMalformedRoute(req.url ?? '')) {
        sendText(400, 'Bad request', req, res);
        return;
      }
      urlPath = '/index.html';
    }
    const servedRoot = currentRoot;
    let filePath = await findFile(servedRoot, urlPath);
    let cacheControl = cacheControlFor(urlPath);
    if (filePath === null) {
      // SPA fallback: extension-less paths are client-side routes (/r/abc, /settings).
      const lastSegment = urlPath.split('/').pop() ?? '';
      if (path.extname(lastSegment) !== '') {
        sendText(404, 'Not found', req, res);
        return;
      }
      filePath = await findFile(servedRoot, '/index.html');
      cacheControl = NO_CACHE;
      if (filePath === null) {
        sendText(404, 'Not found (no index.html)', req, res);
        return;
      }
    }
    const body = await readFile(filePath);
    res.writeHead(200, {
      'Content-Type': contentTypeFor(filePath),
      'Content-Length': String(body.length),
      'Cache-Control': cacheControl,
      ...headersFor(req),
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });

  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no TCP address');
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `${tls ? 'https' : 'http'}://${urlHost}:${address.port}/`,
    port: address.port,
    setRoot(dir) {
      currentRoot = path.resolve(dir);
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
