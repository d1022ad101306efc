// A Node child process the bench drives by messages (the relay server, RL2's client processes): each reply is taken
// by the oldest waiting request, an `error` message rejects it, and stopping asks first and kills after a grace time.
import { fork } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {{ type: string, [key: string]: unknown }} ChildMessage
 */

/**
 * @typedef {object} DrivenChild
 * @property {number} pid
 * @property {(message: ChildMessage) => void} send
 * @property {(what: string, timeoutMs: number) => Promise<ChildMessage>} next the next reply (not a `log`)
 * @property {(graceMs: number) => Promise<void>} stop sends `close`, then SIGKILL after graceMs; resolves on exit
 */

/**
 * @param {string} file the child's module
 * @param {object} plan passed as its one argument, as JSON
 * @param {{ execArgv?: string[], onLog?: (line: string) => void }} [options]
 * @returns {DrivenChild}
 */
export function forkDriven(file, plan, options = {}) {
  const child = fork(file, [JSON.stringify(plan)], { execArgv: options.execArgv ?? [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  /** @type {Array<{ settle: (message: ChildMessage) => void }>} */
  const queue = [];
  child.on('message', (raw) => {
    const message = /** @type {ChildMessage} */ (raw);
    if (message.type === 'log') options.onLog?.(String(message['line']));
    else queue.shift()?.settle(message);
  });
  const gone = new Promise((resolve) => child.once('exit', resolve));
  return {
    pid: /** @type {number} */ (child.pid),
    send: (message) => {
      if (child.connected) child.send(message);
    },
    next: (what, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${path.basename(file)}: no ${what} within ${timeoutMs / 1000} s`)), timeoutMs);
        queue.push({
          settle: (message) => {
            clearTimeout(timer);
            if (message.type === 'error') reject(new Error(String(message['message'])));
            else resolve(message);
          },
        });
      }),
    async stop(graceMs) {
      if (child.exitCode === null && child.connected) child.send({ type: 'close' });
      const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await gone;
      clearTimeout(kill);
    },
  };
}

/**
 * In the child: runs the handler of each message's type; `close`, or the parent going away, runs `stop` once.
 * @param {Record<string, (message: ChildMessage) => void>} handlers
 * @param {() => Promise<void> | void} stop
 */
export function answerParent(handlers, stop) {
  let stopping = false;
  const end = () => {
    if (stopping) return;
    stopping = true;
    void stop();
  };
  process.on('disconnect', end);
  process.on('message', (raw) => {
    const message = /** @type {ChildMessage} */ (raw);
    if (message.type === 'close') end();
    else handlers[message.type]?.(message);
  });
}

/**
 * In the child: a message to the parent (dropped once it is gone).
 * @param {ChildMessage} message
 */
export function toParent(message) {
  if (process.connected) process.send?.(message);
}

/**
 * The memory this process holds after two full collections (node --expose-gc; without it, as it stands).
 * @returns {{ heapUsed: number, arrayBuffers: number, rss: number }}
 */
export function heldMemory() {
  const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
  return { heapUsed, arrayBuffers, rss };
}

/**
 * Runs `main` as the child when `moduleUrl` is the process's entry and a parent listens; a failure is sent as `error`.
 * @param {string} moduleUrl import.meta.url of the child's module
 * @param {() => Promise<void>} main
 */
export async function runAsChild(moduleUrl, main) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href || !process.send) return;
  await main().catch((error) => {
    toParent({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
}
