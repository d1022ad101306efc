// WebRTC signalling server speaking y-webrtc's protocol (subscribe / unsubscribe / publish / ping) on top of `ws`.
import { createServer } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

/** Largest accepted message; bigger ones close the socket with code 1009. SDP offers are a few KiB. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * @typedef {object} SignallingServer
 * @property {string} url ws://host:port
 * @property {number} port The port actually bound (useful with port 0).
 * @property {() => Promise<void>} close Disconnects every client and stops listening.
 */

/**
 * @typedef {object} SignallingOptions
 * @property {string} [host] Interface to bind; 127.0.0.1 unless told otherwise.
 * @property {number} [port] 0 picks a free port.
 * @property {(rawText: string) => void} [onMessage] Sees every text message received, before parsing.
 * @property {number} [pingIntervalMs] Keepalive: a socket that misses one pong per interval is terminated.
 */

/**
 * @param {import('ws').RawData} data
 * @returns {string}
 */
function rawToText(data) {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/**
 * @param {unknown} value
 * @returns {string[]}
 */
function topicList(value) {
  return Array.isArray(value) ? value.filter((topic) => typeof topic === 'string') : [];
}

/**
 * @param {WebSocket} conn
 * @param {object} message
 */
function send(conn, message) {
  if (conn.readyState !== WebSocket.OPEN) return;
  try {
    conn.send(JSON.stringify(message));
  } catch {
    conn.terminate();
  }
}

/**
 * @param {SignallingOptions} [options]
 * @returns {Promise<SignallingServer>}
 */
export async function startSignallingServer({
  host = '127.0.0.1',
  port = 0,
  onMessage,
  pingIntervalMs = 30_000,
} = {}) {
  /** @type {Map<string, Set<WebSocket>>} topic name -> subscribers */
  const topics = new Map();
  /** @type {WeakSet<WebSocket>} sockets that answered the last ping */
  const alive = new WeakSet();

  const httpServer = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('okay\n');
  });
  const wss = new WebSocketServer({ server: httpServer, maxPayload: MAX_MESSAGE_BYTES });

  /**
   * @param {WebSocket} conn
   * @param {string} topicName
   */
  function unsubscribe(conn, topicName) {
    const subscribers = topics.get(topicName);
    if (!subscribers) return;
    subscribers.delete(conn);
    if (subscribers.size === 0) topics.delete(topicName);
  }

  /**
   * @param {WebSocket} conn
   * @param {Set<string>} subscribed
   * @param {string} text
   */
  function handleMessage(conn, subscribed, text) {
    /** @type {unknown} */
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
    const message = /** @type {Record<string, unknown>} */ (parsed);
    switch (message['type']) {
      case 'subscribe':
        for (const topicName of topicList(message['topics'])) {
          let subscribers = topics.get(topicName);
          if (!subscribers) {
            subscribers = new Set();
            topics.set(topicName, subscribers);
          }
          subscribers.add(conn);
          subscribed.add(topicName);
        }
        break;
      case 'unsubscribe':
        for (const topicName of topicList(message['topics'])) {
          unsubscribe(conn, topicName);
          subscribed.delete(topicName);
        }
        break;
      case 'publish': {
        const topicName = message['topic'];
        if (typeof topicName !== 'string') break;
        const receivers = topics.get(topicName);
        if (!receivers) break;
        const forwarded = { ...message, clients: receivers.size };
        for (const receiver of receivers) send(receiver, forwarded);
        break;
      }
      case 'ping':
        send(conn, { type: 'pong' });
        break;
      default:
        break;
    }
  }

  wss.on('connection', (conn) => {
    /** @type {Set<string>} */
    const subscribed = new Set();
    alive.add(conn);
    conn.on('pong', () => alive.add(conn));
    // Oversized (code 1009) or malformed frames surface here; ws closes the socket itself. Without a
    // listener the 'error' event would crash the process.
    conn.on('error', () => {});
    conn.on('close', () => {
      for (const topicName of subscribed) unsubscribe(conn, topicName);
      subscribed.clear();
    });
    conn.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = rawToText(data);
      try {
        onMessage?.(text);
      } catch {
        // A broken recording hook must not take the server down.
      }
      handleMessage(conn, subscribed, text);
    });
  });

  const keepalive = setInterval(() => {
    for (const conn of wss.clients) {
      if (!alive.has(conn)) {
        conn.terminate();
        continue;
      }
      alive.delete(conn);
      try {
        conn.ping();
      } catch {
        conn.terminate();
      }
    }
  }, pingIntervalMs);
  keepalive.unref();

  // ws re-emits the HTTP server's errors; listen errors are reported below, later ones must not crash the process.
  wss.on('error', () => {});
  try {
    await new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, host, () => {
        httpServer.off('error', reject);
        resolve(undefined);
      });
    });
  } catch (error) {
    clearInterval(keepalive);
    wss.close();
    throw error;
  }

  const address = httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('signalling server has no TCP address');
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `ws://${urlHost}:${address.port}`,
    port: address.port,
    close() {
      clearInterval(keepalive);
      for (const conn of wss.clients) conn.terminate();
      topics.clear();
      return new Promise((resolve, reject) => {
        wss.close(() => {
          if (!httpServer.listening) {
            resolve();
            return;
          }
          httpServer.close((error) => (error ? reject(error) : resolve()));
          httpServer.closeAllConnections();
        });
      });
    },
  };
}
