// One process, one origin: the app (dist/), the signalling server at /signal and the relay at /relay on one port,
// plus the signalling server's own port; or only the signalling server, or only the relay. With a certificate the one
// port speaks HTTPS (and wss:); the signalling server's own port stays plain.
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { listenServer } from './listenServer.mjs';
import { defaultAppOrigins } from './allowedOrigins.mjs';
import { startRelay } from './relay.mjs';
import { startSignallingServer } from './signallingServer.mjs';
import { startStaticServer } from './staticServer.mjs';
import { refuseHandshake } from './handshakeGate.mjs';
import { routeUpgrades } from './upgradeRoutes.mjs';

/** The WebSocket paths on the app's port. */
export const SIGNAL_PATH = '/signal';
export const RELAY_PATH = '/relay';

/**
 * @typedef {'all' | 'signalling-only' | 'relay-only'} ServerMode
 */

/**
 * The origins the one-origin port serves the app on (allowedOrigins.mjs, defaultAppOrigins), as `https:` origins when
 * it speaks TLS: the default allow-list of server/main.mjs.
 * @param {{ host: string, port: number, secure: boolean }} app
 * @returns {string[]}
 */
export function ownOrigins({ host, port, secure }) {
  const origins = defaultAppOrigins({ host, port });
  return secure ? origins.map((origin) => `https:${origin.slice('http:'.length)}`) : origins;
}

/**
 * @typedef {object} ReferatServerOptions
 * @property {ServerMode} mode `all`: app + /signal + /relay on `port`, and signalling on `signallingPort`;
 *   `signalling-only`: signalling on `signallingPort` only; `relay-only`: /relay on `port` only
 * @property {string} [root] the app's files (dist/), for `all`
 * @property {string} [host] 127.0.0.1 unless told otherwise
 * @property {number} [port] the one-origin port (0: any free one)
 * @property {number} [signallingPort] the signalling server's own port (0: any free one)
 * @property {readonly string[]} [connectSources] further servers the CSP's connect-src allows (securityHeaders.mjs)
 * @property {readonly string[] | null | ((port: number) => readonly string[])} [allowedOrigins] origins browsers may
 *   connect from, for signalling and relay (null: any); a function gets the one-origin port actually bound (or `port`
 *   with `signalling-only`)
 * @property {boolean} [allowMissingOrigin] default true
 * @property {Partial<import('./signallingServer.mjs').SignallingLimits>} [signallingLimits]
 * @property {Omit<import('./relay.mjs').RelayOptions, 'allowedOrigins' | 'allowMissingOrigin'>} [relay] the relay's
 *   data folder and limits, for `all` and `relay-only`
 * @property {(line: string) => void} [log] where refusal lines go; console.warn unless told otherwise
 * @property {{ cert: string | Buffer, key: string | Buffer }} [tls] a certificate chain and its key (PEM, checked by
 *   tlsCredentials.mjs): the one-origin port then speaks HTTPS, and /signal and /relay wss:; not for `signalling-only`
 */

/**
 * @typedef {object} ReferatServer
 * @property {number | null} port the one-origin port (null with `signalling-only`)
 * @property {boolean} secure whether the one-origin port speaks HTTPS
 * @property {number | null} signallingPort the signalling server's own port (null with `relay-only`)
 * @property {import('./signallingServer.mjs').SignallingServer | null} signalling
 * @property {import('./relay.mjs').Relay | null} relay
 * @property {readonly string[] | null} allowedOrigins the allow-list in force
 * @property {() => Promise<void>} close closes every socket and listener, and writes the relay's pending mailboxes
 */

/**
 * A bare HTTP (or, with `tls`, HTTPS) server for the relay alone: a plain request gets one line saying what it is.
 * @param {{ host: string, port: number, webSockets: Record<string, import('./upgradeRoutes.mjs').UpgradeHandler>,
 *   tls?: { cert: string | Buffer, key: string | Buffer } }} options
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
async function listenRelayOnly({ host, port, webSockets, tls }) {
  /** @type {import('node:http').RequestListener} */
  const answer = (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(`Referat relay: WebSocket connections at ${RELAY_PATH}\n`);
  };
  const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, answer) : createServer(answer);
  if (tls) server.on('tlsClientError', (_error, socket) => socket.destroy());
  server.on('upgrade', routeUpgrades(webSockets));
  return listenServer(server, { host, port, what: 'relay server' });
}

/**
 * Starts what `mode` asks for. The one-origin port is bound first, so that the default allow-list can name the port
 * actually bound (PORT=0). A part that fails to start closes the parts started before it; the error's message starts
 * with the part's name (`Referat`, `Signalling`, `Relay`).
 * @param {ReferatServerOptions} options
 * @returns {Promise<ReferatServer>}
 */
export async function startReferatServer({
  mode,
  root,
  host = '127.0.0.1',
  port = 0,
  signallingPort = 0,
  connectSources = [],
  allowedOrigins = null,
  allowMissingOrigin = true,
  signallingLimits = {},
  relay: relayOptions,
  log,
  tls,
}) {
  if (mode !== 'signalling-only' && relayOptions === undefined) throw new Error('Relay: no data folder given');
  if (mode === 'signalling-only' && tls !== undefined) throw new Error('Signalling: TLS is for the one-origin port, which signalling-only does not serve');
  if (mode === 'all' && root === undefined) throw new Error('Referat: no app folder given');
  /** @type {Array<() => Promise<void>>} run in reverse order: sockets first, the one-origin listener last */
  const closers = [];
  const close = async () => {
    for (const closer of closers.splice(0).toReversed()) await closer().catch(() => {});
  };
  /**
   * @template T
   * @param {string} what
   * @param {() => Promise<T>} start
   * @returns {Promise<T>}
   */
  const part = async (what, start) => {
    try {
      return await start();
    } catch (error) {
      await close();
      const code = /** @type {{ code?: unknown }} */ (error ?? {}).code;
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(code === 'EADDRINUSE' ? `${what}: port already in use (${detail})` : `${what}: ${detail}`, { cause: error });
    }
  };
  const logOption = log === undefined ? {} : { log };

  /** @type {import('./signallingServer.mjs').SignallingServer | null} */
  let signalling = null;
  /** @type {import('./relay.mjs').Relay | null} */
  let relay = null;
  // Handshakes that arrive while the parts start are answered 503 by the parts' absence.
  /** @type {Record<string, import('./upgradeRoutes.mjs').UpgradeHandler>} */
  const webSockets = {
    [RELAY_PATH]: (req, socket, head) => (relay ? relay.handleUpgrade(req, socket, head) : refuseHandshake(socket, 503, 'Service Unavailable')),
  };
  if (mode === 'all') {
    webSockets[SIGNAL_PATH] = (req, socket, head) =>
      signalling ? signalling.handleUpgrade(req, socket, head) : refuseHandshake(socket, 503, 'Service Unavailable');
  }

  /** @type {number | null} */
  let onePort = null;
  if (mode === 'all') {
    // CSP: the configured signalling port, as the app's default signalling URL names it.
    const cspSignallingPort = signallingPort > 0 ? signallingPort : undefined;
    const app = await part('Referat', () =>
      startStaticServer({ root: /** @type {string} */ (root), host, port, signallingPort: cspSignallingPort, connectSources, webSockets, ...(tls ? { tls } : {}) }),
    );
    closers.push(app.close);
    onePort = app.port;
  } else if (mode === 'relay-only') {
    const server = await part('Relay', () => listenRelayOnly({ host, port, webSockets, ...(tls ? { tls } : {}) }));
    closers.push(server.close);
    onePort = server.port;
  }
  const origins = typeof allowedOrigins === 'function' ? allowedOrigins(onePort ?? port) : allowedOrigins;

  if (mode !== 'relay-only') {
    const started = await part('Signalling', () =>
      startSignallingServer({ host, port: signallingPort, allowedOrigins: origins, allowMissingOrigin, limits: signallingLimits, ...logOption }),
    );
    signalling = started;
    closers.push(started.close);
  }
  if (mode !== 'signalling-only') {
    const options = /** @type {NonNullable<typeof relayOptions>} */ (relayOptions);
    const started = await part('Relay', () => startRelay({ ...logOption, ...options, allowedOrigins: origins, allowMissingOrigin }));
    relay = started;
    // Closed first: its sockets go, and its mailboxes are written, before the listeners stop.
    closers.push(started.close);
  }
  return { port: onePort, secure: tls !== undefined && onePort !== null, signallingPort: signalling?.port ?? null, signalling, relay, allowedOrigins: origins, close };
}
