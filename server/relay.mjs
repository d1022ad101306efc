// The relay: Hocuspocus as a store-and-forward mailbox per shared referat. A mailbox is a Yjs document of ciphertext
// entries the relay stores and merges without reading; a device gets in with an access key (trust on first use).
import { Database } from '@hocuspocus/extension-database';
import { Hocuspocus, OutgoingMessage } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { checkedLimits } from './checkedLimits.mjs';
import { createHandshakeGate, originSet } from './handshakeGate.mjs';
import { startKeepalive } from './keepalive.mjs';
import { MAILBOX_ID, accessKeyHash, openMailboxStore } from './mailboxStore.mjs';
import { openPostgresStore } from './postgresStore.mjs';
import { REDIS_ORIGIN, connectRedisFanOut } from './redisFanOut.mjs';
import { createRefusalLog } from './refusalLog.mjs';
import { FRAME_TYPE, readRelayFrame } from './relayFrame.mjs';
import { createTokenBucket } from './tokenBucket.mjs';

/** Largest message that is not a Yjs sync message (awareness, stateless, auth): presence states are a few hundred bytes. */
export const MAX_CONTROL_BYTES = 64 * 1024;

/** The message types a client sends; anything else would only make Hocuspocus print an error. */
/** @type {ReadonlySet<number>} */
const CLIENT_TYPES = new Set(Object.values(FRAME_TYPE));

/**
 * @typedef {object} RelayLimits
 * @property {number} maxMailboxBytes a mailbox's stored Yjs state; writes that add content beyond it are refused
 * @property {number} maxMailboxes mailboxes registered in all; a new one beyond it is refused
 * @property {number} maxMessageBytes one WebSocket message; a bigger one closes the socket with 1009
 * @property {number} maxMailboxesPerSocket mailboxes one socket may name; messages for more are dropped
 * @property {number} messagesPerSecond steady message rate of one socket; beyond the burst the socket is closed (1008)
 * @property {number} messageBurst
 * @property {number} bytesPerSecond steady byte rate of one socket (burst: twice maxMessageBytes); beyond it: closed
 * @property {number} maxSockets sockets open at once, in all; more are answered 503 at the handshake
 * @property {number} maxSocketsPerAddress per IPv4 address or IPv6 /64; more are answered 429 at the handshake
 */

/** @type {Readonly<RelayLimits>} */
export const DEFAULT_RELAY_LIMITS = Object.freeze({
  maxMailboxBytes: 16 * 1024 * 1024,
  maxMailboxes: 10_000,
  maxMessageBytes: 4 * 1024 * 1024,
  maxMailboxesPerSocket: 64,
  messagesPerSecond: 100,
  messageBurst: 200,
  bytesPerSecond: 1024 * 1024,
  maxSockets: 5_000,
  maxSocketsPerAddress: 64,
});

/**
 * @typedef {object} RelayOptions
 * @property {string} [dataDir] where the mailboxes are stored as files (mailboxStore.mjs); needed unless `postgresUrl`
 * @property {string} [postgresUrl] store the mailboxes in this Postgres database instead (postgresStore.mjs), shared
 *   by every instance that names it
 * @property {string} [redisUrl] fan-out through this Redis server (redisFanOut.mjs), so that members on different
 *   instances meet live; only with `postgresUrl` (instances must share their registrations)
 * @property {readonly string[] | null} [allowedOrigins] origins a browser may connect from (`*`: any); null or left
 *   out: any origin
 * @property {boolean} [allowMissingOrigin] let in handshakes without an Origin header (not from a browser); default true
 * @property {Partial<RelayLimits>} [limits] overrides of DEFAULT_RELAY_LIMITS
 * @property {(line: string) => void} [log] where refusal lines go; console.warn unless told otherwise
 * @property {number} [maxLogLinesPerSecond] default 20
 * @property {() => number} [now] clock in milliseconds for the rates; performance.now()
 * @property {number} [pingIntervalMs] keepalive: a socket that misses one pong per interval is terminated (Hocuspocus'
 *   own ping only closes the mailboxes, not the socket); default 30 s
 * @property {number} [storeDebounceMs] a changed mailbox is written this long after its last change (default 1 s)
 * @property {number} [storeMaxDebounceMs] and at least this often while it keeps changing (default 5 s)
 */

/**
 * @typedef {object} RelayStats
 * @property {number} sockets open WebSocket connections
 * @property {number} mailboxesOpen mailboxes loaded in memory
 * @property {number} mailboxesRegistered mailboxes in the store
 * @property {number} refusedHandshakes handshakes refused (origin, sockets), since the start
 * @property {number} refusedConnections mailbox connections refused (id, key, relay full), since the start
 * @property {number} refusedWrites Yjs writes refused over a mailbox's byte limit, since the start
 * @property {number} closedSockets sockets closed for a rate, a malformed or an oversized message, since the start
 */

/**
 * @typedef {object} Relay
 * @property {import('./upgradeRoutes.mjs').UpgradeHandler} handleUpgrade takes a WebSocket handshake (path /relay)
 * @property {() => RelayStats} stats
 * @property {string} storeName where the mailboxes are, for the start line: the folder, or `postgres <host>/<db>`
 * @property {() => Promise<void>} close disconnects every client, writes what is pending, and stops
 */

/**
 * @typedef {object} SocketState
 * @property {string} who address, socket number and origin, for log lines
 * @property {import('ws').WebSocket} ws
 * @property {Map<string, 'named' | 'pending' | 'open' | 'refused'>} mailboxes what the socket has named: not yet
 *   authenticated, authenticating, admitted, refused
 * @property {import('./tokenBucket.mjs').TokenBucket} messages the message rate
 * @property {import('./tokenBucket.mjs').TokenBucket} bytes the byte rate
 * @property {WeakSet<object>} counted messages already counted against the rates (Hocuspocus replays queued ones)
 * @property {Set<string>} logged limits already logged for this socket
 * @property {Set<string>} told mailboxes already sent a "full" notice
 * @property {boolean} closing
 */

/**
 * A refusal Hocuspocus passes to the client as the permission-denied reason. Its message is empty on purpose: the
 * relay logs refusals itself (refusalLog.mjs), and Hocuspocus would print any message once more.
 * @param {string} reason
 * @returns {Error & { reason: string }}
 */
function denial(reason) {
  return Object.assign(new Error(''), { reason });
}

/**
 * Whether a Yjs update only deletes (adds no content): such an update is always taken, so that a full mailbox can
 * still be compacted.
 * @param {Uint8Array} update
 * @returns {boolean}
 */
function onlyDeletes(update) {
  try {
    return Y.decodeUpdate(update).structs.length === 0;
  } catch {
    return false;
  }
}

/**
 * @param {RelayOptions} options
 * @returns {Promise<Relay>}
 */
export async function startRelay({
  dataDir,
  postgresUrl,
  redisUrl,
  allowedOrigins = null,
  allowMissingOrigin = true,
  limits: limitOverrides = {},
  log = (line) => console.warn(line),
  maxLogLinesPerSecond = 20,
  now = () => performance.now(),
  pingIntervalMs = 30_000,
  storeDebounceMs = 1_000,
  storeMaxDebounceMs = 5_000,
}) {
  const limits = checkedLimits(DEFAULT_RELAY_LIMITS, limitOverrides, 'relay');
  const refusals = createRefusalLog({ write: log, maxLinesPerSecond: maxLogLinesPerSecond, now, name: 'relay' });
  const gate = createHandshakeGate({
    origins: originSet(allowedOrigins),
    allowMissingOrigin,
    maxSockets: limits.maxSockets,
    maxSocketsPerAddress: limits.maxSocketsPerAddress,
    refusals,
  });
  if (redisUrl !== undefined && postgresUrl === undefined) {
    throw new Error('Redis fan-out needs the Postgres store: instances that share mailboxes must share their registrations');
  }
  if (postgresUrl === undefined && dataDir === undefined) throw new Error('no data folder and no Postgres database given');
  const store = postgresUrl === undefined ? await openMailboxStore(/** @type {string} */ (dataDir), { log }) : await openPostgresStore(postgresUrl, { log });
  /** @type {import('@hocuspocus/extension-redis').Redis | null} */
  let redis = null;
  if (redisUrl !== undefined) {
    try {
      redis = await connectRedisFanOut(redisUrl, { log });
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  /** @type {Map<string, number>} mailbox id -> stored bytes plus the writes taken since (an upper estimate) */
  const estimates = new Map();
  /** @type {Set<string>} mailboxes whose estimate was measured and no write taken since: no need to measure again */
  const measured = new Set();
  let nextSocketNumber = 0;
  let refusedConnections = 0;
  let refusedWrites = 0;
  let closedSockets = 0;

  const hocuspocus = new Hocuspocus({
    name: 'referat-relay',
    quiet: true,
    debounce: storeDebounceMs,
    maxDebounce: storeMaxDebounceMs,
    extensions: [
      // Before the store: the extension's own hooks expect to run first (its priority says so too).
      ...(redis === null ? [] : [redis]),
      new Database({
        fetch: async ({ documentName }) => {
          const state = await store.fetch(documentName);
          estimates.set(documentName, state?.length ?? 0);
          return state;
        },
        store: async ({ documentName, state }) => {
          estimates.set(documentName, state.length);
          // A failed write (disk full) is logged, never thrown: Hocuspocus runs stores from a timer, where a rejection
          // would end the process. The members still hold full copies and upload again what the relay lacks.
          await store.store(documentName, state).catch((error) => {
            const code = /** @type {{ code?: unknown }} */ (error).code;
            log(`${new Date().toISOString()} relay: writing a mailbox failed (${typeof code === 'string' ? code : 'error'}); it stays in memory until unloaded`);
          });
        },
      }),
    ],
    onAuthenticate: authenticate,
    // Writes through another instance were counted there; here they count against the byte limit as they arrive.
    async onChange({ documentName, update, transactionOrigin }) {
      if (transactionOrigin !== REDIS_ORIGIN || !estimates.has(documentName)) return;
      estimates.set(documentName, /** @type {number} */ (estimates.get(documentName)) + update.length);
      measured.delete(documentName);
    },
    async afterUnloadDocument({ documentName }) {
      estimates.delete(documentName);
      measured.delete(documentName);
    },
    // The mailbox's connection on this socket ended: the socket may name it again (and must authenticate again).
    async onDisconnect({ documentName, context }) {
      /** @type {{ socketState?: SocketState }} */ (context).socketState?.mailboxes.delete(documentName);
    },
  });

  /**
   * Admits a socket to a mailbox: a well-formed id, a well-formed access key, and the key registered for the mailbox
   * (the first key registers it, if the relay has room).
   * @param {import('@hocuspocus/server').onAuthenticatePayload} payload
   */
  async function authenticate({ documentName, token, context }) {
    const state = /** @type {{ socketState?: SocketState }} */ (context).socketState;
    /**
     * @param {string} limit
     * @param {string} reason
     * @returns {never}
     */
    const refuse = (limit, reason) => {
      state?.mailboxes.set(documentName, 'refused');
      refusedConnections += 1;
      // Mailbox ids are never logged: with a key they open a mailbox.
      refusals.refuse(state?.who ?? 'unknown socket', limit, `mailbox refused: ${reason}`);
      throw denial(reason);
    };
    if (!MAILBOX_ID.test(documentName)) return refuse('mailbox id malformed', 'mailbox-id-malformed');
    const hash = accessKeyHash(token);
    if (hash === null) return refuse('access key malformed', 'access-key-malformed');
    /** @type {import('./mailboxStore.mjs').Admission} */
    let admission;
    try {
      admission = await store.admit(documentName, hash, limits.maxMailboxes);
    } catch {
      // The registration could not be recorded or read (disk full, database down): this connection is turned away.
      return refuse('registering a mailbox failed', 'relay-unavailable');
    }
    if (admission === 'mismatch') return refuse('access key does not match', 'access-key-mismatch');
    if (admission === 'full') return refuse(`mailboxes at ${limits.maxMailboxes}`, 'relay-full');
    state?.mailboxes.set(documentName, 'open');
  }

  /**
   * Tells a client its write was not taken: a sync status "not saved" (the provider keeps counting it as unsynced)
   * and, once per mailbox and socket, a stateless notice the app can show.
   * @param {SocketState} state
   * @param {string} mailboxId
   */
  function refuseWrite(state, mailboxId) {
    refusedWrites += 1;
    state.ws.send(new OutgoingMessage(mailboxId).writeSyncStatus(false).toUint8Array());
    if (state.told.has(mailboxId)) return;
    state.told.add(mailboxId);
    const notice = JSON.stringify({ type: 'relay-refused', reason: 'mailbox-full', limit: limits.maxMailboxBytes });
    state.ws.send(new OutgoingMessage(mailboxId).writeStateless(notice).toUint8Array());
    refuseOnce(state, `mailbox bytes at ${limits.maxMailboxBytes}`, 'writes that add content refused; deletions still taken');
  }

  /**
   * Whether a Yjs write to an open mailbox fits under its byte limit; if so, it counts against the limit at once.
   * @param {string} mailboxId
   * @param {Uint8Array} update
   * @returns {boolean}
   */
  function writeFits(mailboxId, update) {
    const document = hocuspocus.documents.get(mailboxId);
    // Not loaded yet: Hocuspocus queues the message and replays it once the mailbox is loaded; it is checked then.
    if (document === undefined) return true;
    let estimate = estimates.get(mailboxId) ?? store.storedBytes(mailboxId);
    if (estimate + update.length > limits.maxMailboxBytes && !measured.has(mailboxId)) {
      // The estimate only grows between writes to disk; measure once before refusing (not for every refused write).
      estimate = Y.encodeStateAsUpdate(document).length;
      estimates.set(mailboxId, estimate);
      measured.add(mailboxId);
    }
    if (estimate + update.length > limits.maxMailboxBytes && !onlyDeletes(update)) return false;
    estimates.set(mailboxId, estimate + update.length);
    measured.delete(mailboxId);
    return true;
  }

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
   * @param {SocketState} state
   * @param {number} code
   * @param {string} limit
   * @param {string} detail
   */
  function closeSocket(state, code, limit, detail) {
    state.closing = true;
    closedSockets += 1;
    refusals.refuse(state.who, limit, detail);
    state.ws.close(code, limit.slice(0, 100));
  }

  /**
   * Every message passes here before Hocuspocus sees it: the rates, the mailboxes per socket, the state of the
   * mailbox on this socket, the size of control messages, and a write's room in its mailbox.
   * @param {SocketState} state
   * @param {unknown} data
   * @param {unknown} isBinary false for a text frame (Hocuspocus' replays of queued messages leave it out)
   * @returns {boolean} whether Hocuspocus gets the message
   */
  function admitMessage(state, data, isBinary) {
    if (state.closing) return false;
    if (isBinary === false || !(data instanceof Uint8Array)) {
      closeSocket(state, 1003, 'text message', 'the relay speaks binary Hocuspocus messages; socket closed');
      return false;
    }
    if (!state.counted.has(data)) {
      state.counted.add(data);
      if (!state.messages.take()) {
        closeSocket(state, 1008, `messages per second over ${limits.messagesPerSecond}`, `burst of ${limits.messageBurst} used up; socket closed`);
        return false;
      }
      if (!state.bytes.take(data.length)) {
        closeSocket(state, 1008, `bytes per second over ${limits.bytesPerSecond}`, 'socket closed');
        return false;
      }
    }
    /** @type {import('./relayFrame.mjs').RelayFrame} */
    let frame;
    try {
      frame = readRelayFrame(data);
    } catch (error) {
      closeSocket(state, 1002, 'malformed message', `${error instanceof Error ? error.message : 'unreadable'}; socket closed`);
      return false;
    }
    if (!CLIENT_TYPES.has(frame.type)) {
      refuseOnce(state, 'unknown message type', 'dropped');
      return false;
    }
    let mailboxState = state.mailboxes.get(frame.mailboxId);
    if (mailboxState === undefined) {
      if (state.mailboxes.size >= limits.maxMailboxesPerSocket) {
        refuseOnce(state, `mailboxes per socket over ${limits.maxMailboxesPerSocket}`, 'messages for further mailboxes dropped');
        return false;
      }
      mailboxState = 'named';
      state.mailboxes.set(frame.mailboxId, mailboxState);
    }
    // After a refusal Hocuspocus would queue the socket's messages for that mailbox for as long as it lives.
    if (mailboxState === 'refused') return false;
    if (frame.type === FRAME_TYPE.auth) {
      // One authentication per mailbox connection: Hocuspocus would queue a second one, then print an error for it.
      if (mailboxState !== 'named') return false;
      state.mailboxes.set(frame.mailboxId, 'pending');
    }
    if (frame.update === null) {
      // A sync step 1 (a state vector) grows with the clients that ever wrote; the message size bounds it.
      const sync = frame.type === FRAME_TYPE.sync || frame.type === FRAME_TYPE.syncReply;
      if (!sync && data.length > MAX_CONTROL_BYTES) {
        refuseOnce(state, `control message over ${MAX_CONTROL_BYTES} bytes`, 'dropped');
        return false;
      }
      return true;
    }
    if (mailboxState !== 'open') return true;
    if (writeFits(frame.mailboxId, frame.update)) return true;
    refuseWrite(state, frame.mailboxId);
    return false;
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  wss.on('error', () => {});
  const keepalive = startKeepalive(wss, pingIntervalMs);

  /**
   * @param {import('ws').WebSocket} ws
   * @param {import('node:http').IncomingMessage} req
   * @param {string} who
   */
  function accept(ws, req, who) {
    nextSocketNumber += 1;
    /** @type {SocketState} */
    const state = {
      who: `${who} #${nextSocketNumber}`,
      ws,
      mailboxes: new Map(),
      messages: createTokenBucket({ ratePerSecond: limits.messagesPerSecond, burst: limits.messageBurst, now }),
      bytes: createTokenBucket({ ratePerSecond: limits.bytesPerSecond, burst: 2 * limits.maxMessageBytes, now }),
      counted: new WeakSet(),
      logged: new Set(),
      told: new Set(),
      closing: false,
    };
    keepalive.watch(ws);
    ws.on('error', (error) => {
      const code = /** @type {{ code?: unknown }} */ (error).code;
      if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        closedSockets += 1;
        refusals.refuse(state.who, `message over ${limits.maxMessageBytes} bytes`, 'socket closed with 1009');
      }
    });
    // Hocuspocus listens for 'message' itself, so the gate sits in front of every listener, replays included.
    const emit = ws.emit.bind(ws);
    ws.emit = /** @type {typeof ws.emit} */ (
      (/** @type {string | symbol} */ event, /** @type {unknown[]} */ ...args) => {
        if (event === 'message' && !admitMessage(state, args[0], args[1])) return false;
        return emit(event, ...args);
      }
    );
    hocuspocus.handleConnection(ws, req, { socketState: state });
  }

  return {
    handleUpgrade(req, socket, head) {
      socket.on('error', () => {});
      const who = gate.admit(req, socket);
      if (who === null) return;
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, who));
    },
    storeName: store.dir,
    stats: () => ({
      sockets: wss.clients.size,
      mailboxesOpen: hocuspocus.getDocumentsCount(),
      mailboxesRegistered: store.count(),
      refusedHandshakes: gate.refused(),
      refusedConnections,
      refusedWrites,
      closedSockets,
    }),
    async close() {
      keepalive.stop();
      for (const ws of wss.clients) ws.terminate();
      // Closing the last connection of a mailbox writes it (Hocuspocus stores at once, then unloads).
      const deadline = Date.now() + 10_000;
      while ((hocuspocus.getDocumentsCount() > 0 || hocuspocus.loadingDocuments.size > 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await store.close();
      await redis?.onDestroy();
      refusals.flush();
      await new Promise((resolve) => wss.close(() => resolve(undefined)));
    },
  };
}
