// Test tooling for the relay's scale-out: a throwaway Postgres 15 cluster and a Redis server on loopback, each in a
// temporary folder on a free port, and relay instances (server/main.mjs --relay-only) in child processes.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
/** Debian's Postgres binaries: 15 where it is installed (bookworm's), else the newest version there is. */
const PG_BIN = (() => {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => /^[0-9]+$/.test(v)) : [];
  const version = versions.includes('15') ? '15' : versions.toSorted((x, y) => Number(y) - Number(x))[0] ?? '15';
  return `/usr/lib/postgresql/${version}/bin`;
})();
const REDIS_SERVER = '/usr/bin/redis-server';
const MAIN = path.resolve(import.meta.dirname, '../../../server/main.mjs');

/**
 * A command under setpriv, which executes it in its own place: with a signal the kernel sends it should the test
 * process die without its afterAll (nothing is left running), and as another user if asked.
 */
function guarded(command: string, args: string[], options: { deathSignal: 'KILL' | 'QUIT'; asPostgres?: boolean }): [string, string[]] {
  const user = options.asPostgres ? ['--reuid=postgres', '--regid=postgres', '--init-groups'] : [];
  return ['setpriv', [...user, `--pdeathsig=${options.deathSignal}`, '--', command, ...args]];
}

/** Stops the test, naming the Debian package to install, when a server binary is missing (scripts/test.sh installs them). */
export function requireServerBinaries(): void {
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is missing: install the Debian package redis-server`);
  for (const tool of ['initdb', 'postgres']) {
    if (!existsSync(path.join(PG_BIN, tool))) throw new Error(`${PG_BIN}/${tool} is missing: install the Debian package postgresql`);
  }
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Polls `attempt` until it gives a value; a failed attempt counts as none, unless `gone` says the server has exited. */
async function pollUntil<T>(what: string, attempt: () => Promise<T | null>, gone: () => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone()) throw new Error(`it exited while waiting for ${what}`);
    const result = await attempt().catch(() => null);
    if (result !== null) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once the child has exited (at once if it has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface Service {
  url: string;
  stop(): Promise<void>;
}

/**
 * Spawns a server that lives in the temporary folder `base` and resolves with its stop (`stopSignal`, then the folder
 * removed) once `ready` answers true; if it does not, stops it and rejects with the end of its output.
 */
async function startDaemon(what: string, [command, args]: [string, string[]], base: string, stopSignal: NodeJS.Signals, ready: () => Promise<boolean>): Promise<() => Promise<void>> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(stopSignal);
    await exited(child);
    await rm(base, { recursive: true, force: true });
  };
  try {
    await pollUntil(`${what} to answer`, async () => ((await ready()) ? true : null), () => child.exitCode !== null || child.signalCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`${what} did not start: ${error instanceof Error ? error.message : String(error)}\n${log}`, { cause: error });
  }
  return stop;
}

/**
 * A Postgres 15 cluster in a temporary folder on 127.0.0.1 (trust authentication, no fsync: a throwaway). Postgres
 * refuses to run as root, so as root it runs as the `postgres` system user (which the Debian package creates).
 */
export async function startPostgres(): Promise<Service> {
  const base = await mkdtemp(path.join(tmpdir(), 'referat-scale-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(base, Number(stdout.trim()), Number(gid.trim()));
  }
  // SIGQUIT: Postgres' immediate shutdown, should the test process die.
  const as = (tool: string, args: string[]): [string, string[]] => guarded(path.join(PG_BIN, tool), args, { deathSignal: 'QUIT', asPostgres: asRoot });
  const data = path.join(base, 'data');
  const [initdb, initArgs] = as('initdb', ['-D', data, '-U', 'referat', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  await run(initdb, initArgs).catch(async (error: unknown) => {
    await rm(base, { recursive: true, force: true });
    throw error;
  });
  const port = await freePort();
  const command = as('postgres', ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', base, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']);
  const url = `postgres://referat@127.0.0.1:${port}/postgres`;
  // SIGINT: Postgres' fast shutdown.
  const stop = await startDaemon('postgres', command, base, 'SIGINT', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.end();
    return true;
  });
  return { url, stop };
}

/** Sends PING to a Redis server with a password; resolves with its answer. */
function ping(port: number, password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let answer = '';
    socket.setTimeout(2_000, () => socket.destroy(new Error('timeout')));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.split('\r\n').length > 2) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.connect(port, '127.0.0.1', () => socket.write(`AUTH ${password}\r\nPING\r\n`));
  });
}

/** A Redis server on 127.0.0.1 with a password and no persistence, in a temporary folder. */
export async function startRedis(): Promise<Service> {
  const base = await mkdtemp(path.join(tmpdir(), 'referat-scale-redis-'));
  const port = await freePort();
  const password = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex');
  const command = guarded(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--requirepass', password, '--save', '', '--appendonly', 'no', '--dir', base], { deathSignal: 'KILL' });
  const stop = await startDaemon('redis-server', command, base, 'SIGTERM', async () => (await ping(port, password)).includes('+PONG'));
  return { url: `redis://:${password}@127.0.0.1:${port}`, stop };
}

export interface RelayInstance {
  port: number;
  url: string;
  /** What the instance wrote on stdout and stderr so far. */
  output(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** SIGKILL: gone at once, nothing written. */
  kill(): Promise<void>;
  /** SIGTERM: closes its sockets and writes its mailboxes first. */
  stop(): Promise<void>;
}

/**
 * `node server/main.mjs --relay-only --postgres … --redis …` on a free port, as a deployment runs an instance: the
 * Redis password in the environment (REDIS_PASSWORD), not on the command line.
 */
export async function startRelayInstance(postgresUrl: string, redisUrl: string): Promise<RelayInstance> {
  const redis = new URL(redisUrl);
  const password = decodeURIComponent(redis.password);
  redis.password = '';
  const [command, args] = guarded(process.execPath, [MAIN, '--relay-only', '--postgres', postgresUrl, '--redis', redis.href], { deathSignal: 'KILL' });
  const child = spawn(command, args, {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', REDIS_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const port = await pollUntil(
    'the relay instance to listen',
    async () => {
      const match = /Relay: ws:\/\/localhost:(\d+)\/relay/.exec(output);
      return match ? Number(match[1]) : null;
    },
    () => !alive(),
  ).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited(child);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`, { cause: error });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (alive()) child.kill(name);
    await exited(child);
  };
  return { port, url: `ws://127.0.0.1:${port}/relay`, output: () => output, alive, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
