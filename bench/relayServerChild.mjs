// The real server (server/referatServer.mjs: app, /signal and /relay on one port) in a child process of its own, with
// a bare `ws` echo mounted on the same HTTP server, port and route (`/relay?echo`) as the relay arms' floor. The parent
// reads the child's CPU time from /proc and asks it for its held memory. Run directly, this file is the child.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { answerParent, forkDriven, heldMemory, runAsChild, toParent } from './childProcess.mjs';

/**
 * @typedef {object} RelayMemory after two full garbage collections in the child
 * @property {number} heapUsed V8 heap in use
 * @property {number} arrayBuffers Buffers and ArrayBuffers
 * @property {number} rss resident
 * @property {import('../server/relay.mjs').RelayStats} stats
 */

/**
 * @typedef {object} RelayServerChild
 * @property {number} pid
 * @property {string} relayUrl ws://127.0.0.1:<port>/relay
 * @property {string} echoUrl the echo on the same port and route
 * @property {() => Promise<RelayMemory>} measure
 * @property {() => number} cpuMs user + system CPU time the child used so far (/proc/<pid>/stat)
 * @property {() => number} rssBytes resident memory now (/proc/<pid>/status), without a collection
 * @property {() => string[]} logLines the relay's refusal lines so far (the last 200)
 * @property {() => Promise<void>} close stops the server (writing pending mailboxes) and the process
 */

const CHILD_FILE = fileURLToPath(import.meta.url);
const START_TIMEOUT_MS = 20_000;

/** @type {number | null} */
let clockTicks = null;
/** @returns {number} clock ticks per second, as /proc/<pid>/stat counts CPU time */
function ticksPerSecond() {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * User + system CPU time of a process, from /proc/<pid>/stat (fields 14 and 15, after the command name).
 * @param {number} pid
 * @returns {number} milliseconds
 */
export function processCpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond();
}

/**
 * @param {number} pid
 * @returns {number} VmRSS in bytes
 */
export function processRssBytes(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/**
 * @param {{ dataDir: string, limits?: Partial<import('../server/relay.mjs').RelayLimits> }} options
 * @returns {Promise<RelayServerChild>}
 */
export async function startRelayServerChild(options) {
  /** @type {string[]} */
  const lines = [];
  const driven = forkDriven(CHILD_FILE, options, {
    execArgv: ['--expose-gc'],
    onLog: (line) => {
      if (lines.push(line) > 200) lines.shift();
    },
  });
  let port;
  try {
    port = Number((await driven.next('ready', START_TIMEOUT_MS))['port']);
  } catch (error) {
    await driven.stop(0);
    throw error;
  }
  const pid = driven.pid;
  return {
    pid,
    relayUrl: `ws://127.0.0.1:${port}/relay`,
    echoUrl: `ws://127.0.0.1:${port}/relay?echo`,
    async measure() {
      const answer = driven.next('memory', START_TIMEOUT_MS);
      driven.send({ type: 'measure' });
      return /** @type {RelayMemory} */ (/** @type {unknown} */ ((await answer)['memory']));
    },
    cpuMs: () => processCpuMs(pid),
    rssBytes: () => processRssBytes(pid),
    logLines: () => [...lines],
    close: () => driven.stop(15_000),
  };
}

/** The child: the server in mode `all` (an empty app folder), the echo beside the relay, `measure` and `close`. */
async function childMain() {
  /** @type {{ dataDir: string, limits?: Partial<import('../server/relay.mjs').RelayLimits> }} */
  const options = JSON.parse(process.argv[2] ?? '{}');
  // Loaded here, not at the top: the parent never loads the server (nor its copy of yjs).
  const { startReferatServer } = await import('../server/referatServer.mjs');
  // An empty app folder beside the data folder, inside the case's temp folder (removed with it, whatever happens here).
  const root = mkdtempSync(path.join(path.dirname(options.dataDir), 'app-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>bench</title>\n');
  const server = await startReferatServer({
    mode: 'all',
    root,
    host: '127.0.0.1',
    port: 0,
    signallingPort: 0,
    allowedOrigins: null,
    relay: { dataDir: options.dataDir, limits: options.limits ?? {} },
    log: (line) => toParent({ type: 'log', line }),
  });
  const relay = /** @type {import('../server/relay.mjs').Relay} */ (server.relay);
  // The floor: a bare ws server that sends every message back. It takes the handshakes of /relay whose query says
  // `echo`, so it sits behind the same listener and path routing (upgradeRoutes.mjs) as the relay.
  const echo = new WebSocketServer({ noServer: true });
  echo.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(/** @type {Buffer} */ (data), { binary: isBinary })));
  const relayUpgrade = relay.handleUpgrade;
  relay.handleUpgrade = (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').searchParams.has('echo')) echo.handleUpgrade(req, socket, head, (ws) => echo.emit('connection', ws, req));
    else relayUpgrade(req, socket, head);
  };
  answerParent({ measure: () => toParent({ type: 'memory', memory: { ...heldMemory(), stats: relay.stats() } }) }, async () => {
    for (const ws of echo.clients) ws.terminate();
    echo.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
    process.exit(0);
  });
  toParent({ type: 'ready', port: server.port });
}

await runAsChild(import.meta.url, childMain);
