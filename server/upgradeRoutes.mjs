// WebSocket paths on one HTTP server: a handshake goes to the handler of its exact path (/signal, /relay); any other
// path is answered 404.
import { refuseHandshake } from './handshakeGate.mjs';

/**
 * @typedef {(req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void} UpgradeHandler
 */

/**
 * The path of a request target without its query, or null when it is not an absolute path.
 * @param {string | undefined} target
 * @returns {string | null}
 */
export function requestPath(target) {
  const rawPath = (target ?? '').split(/[?#]/, 1)[0] ?? '';
  return rawPath.startsWith('/') ? rawPath : null;
}

/**
 * @param {Readonly<Record<string, UpgradeHandler>>} routes path -> handler, e.g. { '/relay': relay.handleUpgrade }
 * @returns {UpgradeHandler} for an HTTP server's 'upgrade' event
 */
export function routeUpgrades(routes) {
  return (req, socket, head) => {
    socket.on('error', () => {});
    const path = requestPath(req.url);
    const handler = path !== null && Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (handler === undefined) {
      refuseHandshake(socket, 404, 'Not Found');
      return;
    }
    handler(req, socket, head);
  };
}
