// WebRTC signalling server speaking y-webrtc's protocol (subscribe / unsubscribe / publish / ping) on top of `ws`,
// with limits for the open internet: Origin allow-list, sockets per address, topics, message rate, slow readers.
import { createServer } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';
import { checkedLimits } from './checkedLimits.mjs';
import { createHandshakeGate, originSet } from './handshakeGate.mjs';
import { startKeepalive } from './keepalive.mjs';
import { createRefusalLog } from './refusalLog.mjs';
import { createTokenBucket } from './tokenBucket.mjs';

/** Largest accepted message; bigger ones close the socket with code 1009. SDP offers are a few KiB. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * @typedef {object} SignallingLimits
 * @property {number} maxSockets sockets open at once, in all; more are answered 503 at the handshake
 * @property {number} maxSocketsPerAddress per IPv4 address or IPv6 /64; more are answered 429 at the handshake
 * @property {number} maxTopicsPerSocket rooms one socket may subscribe to; further topics are ignored
 * @property {number} maxTopicLength characters; a longer topic is ignored (Referat's are 44: `referat-<uuid>`)
 * @property {number} messagesPerSecond steady rate of messages (of any type) one socket may send; more are dropped
 * @property {number} messageBurst messages a socket may send at once before the rate applies
 * @property {number} maxBufferedBytes a receiver with more than this not yet taken by its connection is dropped
 */

/** @type {Readonly<SignallingLimits>} */
export const DEFAULT_LIMITS = Object.freeze({
  maxSockets: 5_000,
  maxSocketsPerAddress: 64,
  maxTopicsPerSocket: 32,
  maxTopicLength: 128,
  messagesPerSecond: 100,
  messageBurst: 200,
  maxBufferedBytes: 256 * 1024,
});

/**
 * @typedef {object} SignallingStats
 * @property {number} sockets open WebSocket connections
 * @property {number} topics topics with at least one subscriber
 * @property {number} subscriptions (socket, topic) pairs
 * @property {number} addresses distinct addresses (IPv6: /64) with an open socket or handshake
 * @property {number} droppedMessages messages dropped over the rate limit, since the start
 * @property {number} droppedReceivers sockets dropped for not reading, since the start
 * @property {number} refusedHandshakes handshakes refused (origin, sockets per address, sockets in all), since the start
 */

/**
 * @typedef {object} SignallingServer
 * @property {string} url ws://host:port
 * @property {number} port The port actually bound (useful with port 0).
 * @property {() => SignallingStats} stats What the server holds now.
 * @property {(req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void}
 *   handleUpgrade Takes a WebSocket handshake that another HTTP server received (the app's port, path /signal): the
 *   same rooms, checks and limits as the server's own port.
 * @property {() => Promise<void>} close Disconnects every client and stops listening.
 */

/**
 * @typedef {object} SignallingOptions
 * @property {string} [host] Interface to bind; 127.0.0.1 unless told otherwise.
 * @property {number} [port] 0 picks a free port.
 * @property {(rawText: string) => void} [onMessage] Sees every text message the server handles (within the rate
 *   limit), before parsing.
 * @property {number} [pingIntervalMs] Keepalive: a socket that misses one pong per interval is terminated.
 * @property {readonly string[] | null} [allowedOrigins] Origins a browser may connect from (`*` in the list: any);
 *   null or left out: any origin. server/main.mjs passes the app's own origins unless told otherwise.
 * @property {boolean} [allowMissingOrigin] Let in handshakes without an Origin header (not from a browser); default true.
 * @property {Partial<SignallingLimits>} [limits] Overrides of DEFAULT_LIMITS.
 * @property {(line: string) => void} [log] Where refusal lines go; console.warn unless told otherwise.
 * @property {number} [maxLogLinesPerSecond] Refusal lines beyond this are counted, not written; default 20.
 * @property {() => number} [now] Clock in milliseconds for the rate limit (tests freeze it); performance.now().
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

const PONG = Buffer.from(JSON.stringify({ type: 'pong' }));

/**
 * @typedef {object} SocketState
 * @property {string} who address, socket number and origin, for log lines
 * @property {Set<string>} subscribed
 * @property {import('./tokenBucket.mjs').TokenBucket} bucket
 * @property {Set<string>} logged limits already logged for this socket (one line per limit per socket)
 * @property {number} dropped messages dropped over the rate limit
 * @property {number} ignoredTopics topics refused (too long, or over the cap)
 */

/**
 * @param {SignallingOptions} [options]
 * @returns {Promise<SignallingServer>}
 */
export async function startSignallingServer({
  host = '127.0.0.1',
  port = 0,
  onMessage,
  pingIntervalMs = 30_000,
  allowedOrigins = null,
  allowMissingOrigin = true,
  limits: limitOverrides = {},
  log = (line) => console.warn(line),
  maxLogLinesPerSecond = 20,
  now = () => performance.now(),
} = {}) {
  const limits = checkedLimits(DEFAULT_LIMITS, limitOverrides, 'signalling');
  const origins = originSet(allowedOrigins);
  const refusals = createRefusalLog({ write: log, maxLinesPerSecond: maxLogLinesPerSecond, now });

  /** @type {Map<string, Set<WebSocket>>} topic name -> subscribers */
  const topics = new Map();
  /** @type {Map<WebSocket, SocketState>} */
  const states = new Map();
  const gate = createHandshakeGate({
    origins,
    allowMissingOrigin,
    maxSockets: limits.maxSockets,
    maxSocketsPerAddress: limits.maxSocketsPerAddress,
    refusals,
  });
  let droppedMessages = 0;
  let droppedReceivers = 0;
  let nextSocketNumber = 0;

  const httpServer = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('okay\n');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  /**
   * @param {SocketState} state
   * @param {string} limit
   * @param {string} detail
   */
  function refuseOnce(state, limit, detail) {
    if (state.logged.has(limit)) return;
    state.logged.add(limit);
    refusals.refuse(state.who, limit, detail);
  }

  /**
   * Sends unless the receiver has stopped reading: then it is dropped instead of buffering for it.
   * @param {WebSocket} receiver
   * @param {Buffer} payload a JSON text
   */
  function deliver(receiver, payload) {
    if (receiver.readyState !== WebSocket.OPEN) return;
    const buffered = receiver.bufferedAmount;
    if (buffered > limits.maxBufferedBytes) {
      const who = states.get(receiver)?.who ?? 'unknown socket';
      refusals.refuse(who, `outgoing buffer over ${limits.maxBufferedBytes} bytes`, `${buffered} bytes not taken by the client; socket dropped`);
      droppedReceivers += 1;
      receiver.terminate();
      return;
    }
    try {
      receiver.send(payload, { binary: false });
    } catch {
      receiver.terminate();
    }
  }

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
   * @param {SocketState} state
   * @param {unknown} list
   */
  function subscribe(conn, state, list) {
    let tooLong = 0;
    let overCap = 0;
    for (const topicName of topicList(list)) {
      if (topicName.length === 0 || topicName.length > limits.maxTopicLength) {
        tooLong += 1;
        continue;
      }
      if (!state.subscribed.has(topicName) && state.subscribed.size >= limits.maxTopicsPerSocket) {
        overCap += 1;
        continue;
      }
      let subscribers = topics.get(topicName);
      if (!subscribers) {
        subscribers = new Set();
        topics.set(topicName, subscribers);
      }
      subscribers.add(conn);
      state.subscribed.add(topicName);
    }
    state.ignoredTopics += tooLong + overCap;
    if (tooLong > 0) refuseOnce(state, `topic length over ${limits.maxTopicLength}`, `${tooLong} topic${tooLong === 1 ? '' : 's'} of one subscribe ignored`);
    if (overCap > 0) refuseOnce(state, `topics per socket over ${limits.maxTopicsPerSocket}`, `${overCap} topic${overCap === 1 ? '' : 's'} of one subscribe ignored`);
  }

  /**
   * @param {WebSocket} conn
   * @param {SocketState} state
   * @param {string} text
   */
  function handleMessage(conn, state, text) {
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
        subscribe(conn, state, message['topics']);
        break;
      case 'unsubscribe':
        for (const topicName of topicList(message['topics'])) {
          unsubscribe(conn, topicName);
          state.subscribed.delete(topicName);
        }
        break;
      case 'publish': {
        const topicName = message['topic'];
        if (typeof topicName !== 'string') break;
        const receivers = topics.get(topicName);
        if (!receivers) break;
        // Serialised once for every receiver; ws sends the same bytes to each.
        const payload = Buffer.from(JSON.stringify({ ...message, clients: receivers.size }));
        for (const receiver of receivers) deliver(receiver, payload);
        break;
      }
      case 'ping':
        deliver(conn, PONG);
        break;
      default:
        break;
    }
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:stream').Duplex} socket
   * @param {Buffer} head
   */
  function handleUpgrade(req, socket, head) {
    socket.on('error', () => {});
    const who = gate.admit(req, socket);
    if (who === null) return;
    // ws adds the socket to wss.clients (keepalive, close) before calling back.
    wss.handleUpgrade(req, socket, head, (conn) => accept(conn, who));
  }
  httpServer.on('upgrade', handleUpgrade);

  /**
   * @param {WebSocket} conn
   * @param {string} who
   */
  function accept(conn, who) {
    nextSocketNumber += 1;
    /** @type {SocketState} */
    const state = {
      who: `${who} #${nextSocketNumber}`,
      subscribed: new Set(),
      bucket: createTokenBucket({ ratePerSecond: limits.messagesPerSecond, burst: limits.messageBurst, now }),
      logged: new Set(),
      dropped: 0,
      ignoredTopics: 0,
    };
    states.set(conn, state);
    keepalive.watch(conn);
    // Oversized (code 1009) or malformed frames surface here; ws closes the socket itself. Without a
    // listener the 'error' event would crash the process.
    conn.on('error', () => {});
    conn.on('close', () => {
      for (const topicName of state.subscribed) unsubscribe(conn, topicName);
      state.subscribed.clear();
      states.delete(conn);
      if (state.dropped > 0) {
        refusals.refuse(state.who, `messages per second over ${limits.messagesPerSecond}`, `${state.dropped} messages dropped in all; socket closed`);
      }
    });
    conn.on('message', (data, isBinary) => {
      // Checked before anything else, so a flood costs only the frame decoding.
      if (!state.bucket.take()) {
        state.dropped += 1;
        droppedMessages += 1;
        refuseOnce(state, `messages per second over ${limits.messagesPerSecond}`, `burst of ${limits.messageBurst} used up; dropping until it slows down`);
        return;
      }
      if (isBinary) return;
      const text = rawToText(data);
      try {
        onMessage?.(text);
      } catch {
        // A broken recording hook must not take the server down.
      }
      handleMessage(conn, state, text);
    });
  }

  const keepalive = startKeepalive(wss, pingIntervalMs);

  wss.on('error', () => {});
  // Listen errors are reported below; later ones must not crash the process.
  try {
    await new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, host, () => {
        httpServer.off('error', reject);
        httpServer.on('error', () => {});
        resolve(undefined);
      });
    });
  } catch (error) {
    keepalive.stop();
    wss.close();
    throw error;
  }

  const address = httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('signalling server has no TCP address');
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `ws://${urlHost}:${address.port}`,
    port: address.port,
    handleUpgrade,
    stats() {
      let subscriptions = 0;
      for (const subscribers of topics.values()) subscriptions += subscribers.size;
      return {
        sockets: wss.clients.size,
        topics: topics.size,
        subscriptions,
        addresses: gate.addresses(),
        droppedMessages,
        droppedReceivers,
        refusedHandshakes: gate.refused(),
      };
    },
    close() {
      keepalive.stop();
      for (const conn of wss.clients) conn.terminate();
      topics.clear();
      refusals.flush();
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
