// The signalling server in a child process of its own (node --expose-gc), so a load test and bench SG1 can read the
// heap the server holds, apart from the load generator's. Run directly, this file is the child.
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startSignallingServer } from './signallingServer.mjs';

/**
 * @typedef {object} HeldMemory after two full garbage collections in the child
 * @property {number} heapUsed bytes of V8 heap in use
 * @property {number} arrayBuffers bytes of Buffers and ArrayBuffers (what ws queues for a socket lives here)
 * @property {number} rss bytes resident
 * @property {import('./signallingServer.mjs').SignallingStats} stats
 * @property {number} logLines refusal lines written so far
 */

/**
 * @typedef {object} SignallingChild
 * @property {string} url
 * @property {() => Promise<HeldMemory>} measure
 * @property {() => string[]} logLines the refusal lines the child wrote so far (the last 200)
 * @property {() => Promise<void>} close stops the server and the process
 */

/**
 * @typedef {object} ChildOptions
 * @property {Partial<import('./signallingServer.mjs').SignallingLimits>} [limits]
 * @property {string[] | null} [allowedOrigins]
 * @property {string} [host]
 */

const CHILD_FILE = fileURLToPath(import.meta.url);
/** @type {import('./signallingServer.mjs').SignallingStats} */
const NO_STATS = { sockets: -1, topics: -1, subscriptions: -1, addresses: -1, droppedMessages: -1, droppedReceivers: -1, refusedHandshakes: -1 };
const START_TIMEOUT_MS = 15_000;

/**
 * @param {ChildOptions} [options]
 * @returns {Promise<SignallingChild>}
 */
export async function startSignallingChild(options = {}) {
  const child = fork(CHILD_FILE, [JSON.stringify(options)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  /** @type {string[]} */
  const lines = [];
  /** @type {Array<(message: { type: string, [key: string]: unknown }) => void>} */
  const waiting = [];
  child.on('message', (raw) => {
    const message = /** @type {{ type: string, line?: string }} */ (raw);
    if (message.type === 'log') {
      lines.push(String(message.line));
      if (lines.length > 200) lines.shift();
      return;
    }
    waiting.shift()?.(message);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  /**
   * @param {string} type
   * @returns {Promise<{ type: string, [key: string]: unknown }>}
   */
  const reply = (type) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`signalling child: no ${type} reply`)), START_TIMEOUT_MS);
      waiting.push((message) => {
        clearTimeout(timer);
        if (message.type === 'error') reject(new Error(String(message['message'])));
        else resolve(message);
      });
    });
  const ready = reply('ready');
  let url;
  try {
    url = String((await ready)['url']);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    async measure() {
      const answer = reply('memory');
      child.send({ type: 'measure' });
      return /** @type {HeldMemory} */ (/** @type {unknown} */ ((await answer)['memory']));
    },
    logLines: () => [...lines],
    async close() {
      if (child.exitCode === null && child.connected) child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child: starts the server, answers `measure`, stops on `close` or when the parent goes away. */
async function childMain() {
  const send = /** @type {(message: object) => void} */ (process.send?.bind(process));
  /** @type {ChildOptions} */
  const options = JSON.parse(process.argv[2] ?? '{}');
  const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
  let logLines = 0;
  const server = await startSignallingServer({
    host: options.host ?? '127.0.0.1',
    allowedOrigins: options.allowedOrigins ?? null,
    limits: options.limits ?? {},
    log: (line) => {
      logLines += 1;
      send({ type: 'log', line });
    },
  });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('disconnect', () => void stop());
  process.on('message', (raw) => {
    const message = /** @type {{ type: string }} */ (raw);
    if (message.type === 'close') void stop();
    if (message.type === 'measure') {
      gc?.();
      gc?.();
      const usage = process.memoryUsage();
      // (A server without stats(), as before issue #14, still reports its heap.)
      const stats = typeof server.stats === 'function' ? server.stats() : NO_STATS;
      send({ type: 'memory', memory: { heapUsed: usage.heapUsed, arrayBuffers: usage.arrayBuffers, rss: usage.rss, stats, logLines } });
    }
  });
  send({ type: 'ready', url: server.url });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.send) {
  await childMain().catch((error) => {
    process.send?.({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
}
