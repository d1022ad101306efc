// The checks on a WebSocket handshake that the signalling server and the relay share: the Origin allow-list, sockets
// in all and per address (IPv4 address, IPv6 /64); a refused handshake is answered with a plain HTTP status.
import { addressKey } from './addressKey.mjs';
import { normalizeOrigin, originAllowed } from './allowedOrigins.mjs';
import { quoteForLog } from './refusalLog.mjs';

/**
 * Answers a refused handshake with a plain HTTP status and closes the connection.
 * @param {import('node:stream').Duplex} socket
 * @param {number} status
 * @param {string} reason
 */
export function refuseHandshake(socket, status, reason) {
  const body = `${reason}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * @param {readonly string[] | null} origins
 * @returns {Set<string> | null} null: any origin
 */
export function originSet(origins) {
  if (origins === null || origins.includes('*')) return null;
  return new Set(origins.map((origin) => normalizeOrigin(origin)));
}

/**
 * @typedef {object} HandshakeGate
 * @property {(req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex) => string | null} admit
 *   Checks one handshake: null when refused (already answered and logged); otherwise who it is, for log lines, and
 *   the socket counts from now until its TCP connection closes.
 * @property {() => number} sockets handshakes admitted whose TCP connection is still open
 * @property {() => number} addresses distinct addresses with such a connection
 * @property {() => number} refused handshakes refused since the start
 */

/**
 * @param {object} options
 * @param {ReadonlySet<string> | null} options.origins from originSet; null: any origin
 * @param {boolean} options.allowMissingOrigin
 * @param {number} options.maxSockets
 * @param {number} options.maxSocketsPerAddress
 * @param {import('./refusalLog.mjs').RefusalLog} options.refusals
 * @returns {HandshakeGate}
 */
export function createHandshakeGate({ origins, allowMissingOrigin, maxSockets, maxSocketsPerAddress, refusals }) {
  /** @type {Map<string, number>} address key -> sockets (handshakes included) */
  const perAddress = new Map();
  let openSockets = 0;
  let refused = 0;

  /**
   * @param {import('node:stream').Duplex} socket
   * @param {string} who
   * @param {string} limit
   * @param {string} detail
   * @param {number} status
   * @param {string} reason
   * @returns {null}
   */
  const refuse = (socket, who, limit, detail, status, reason) => {
    refusals.refuse(who, limit, detail);
    refused += 1;
    refuseHandshake(socket, status, reason);
    return null;
  };

  return {
    admit(req, socket) {
      const remote = req.socket.remoteAddress ?? 'unknown';
      const origin = req.headers.origin;
      const who = `${remote}${origin === undefined ? ' (no Origin)' : ` origin ${quoteForLog(origin)}`}`;
      if (!originAllowed(origins, origin, allowMissingOrigin)) {
        return refuse(socket, who, origin === undefined ? 'Origin header required' : 'origin not allowed', 'handshake answered 403', 403, 'Forbidden');
      }
      if (openSockets >= maxSockets) {
        return refuse(socket, who, `sockets in all at ${maxSockets}`, 'handshake answered 503', 503, 'Service Unavailable');
      }
      const key = addressKey(req.socket.remoteAddress);
      const count = perAddress.get(key) ?? 0;
      if (count >= maxSocketsPerAddress) {
        return refuse(socket, who, `sockets per address at ${maxSocketsPerAddress}`, `${key} has ${count} open; handshake answered 429`, 429, 'Too Many Requests');
      }
      // Counted from the handshake on, released when the TCP connection closes (whichever way it ends).
      perAddress.set(key, count + 1);
      openSockets += 1;
      socket.once('close', () => {
        openSockets -= 1;
        const left = (perAddress.get(key) ?? 1) - 1;
        if (left <= 0) perAddress.delete(key);
        else perAddress.set(key, left);
      });
      return who;
    },
    sockets: () => openSockets,
    addresses: () => perAddress.size,
    refused: () => refused,
  };
}
