// Keepalive for a WebSocket server: each interval, a socket that did not answer the last ping is terminated, and the
// others are pinged again.

/**
 * @typedef {object} Keepalive
 * @property {(ws: import('ws').WebSocket) => void} watch counts a new socket as alive and notes its pongs
 * @property {() => void} stop
 */

/**
 * @param {import('ws').WebSocketServer} wss its `clients` are checked (ws adds every accepted socket to it)
 * @param {number} intervalMs
 * @returns {Keepalive}
 */
export function startKeepalive(wss, intervalMs) {
  /** @type {WeakSet<import('ws').WebSocket>} sockets that answered the last ping */
  const alive = new WeakSet();
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, intervalMs);
  timer.unref();
  return {
    watch(ws) {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
    },
    stop: () => clearInterval(timer),
  };
}
