// Fan-out between relay instances through Redis (@hocuspocus/extension-redis): every instance that holds a mailbox
// gets every other instance's updates, awareness and stateless messages, so members on different instances meet live.
import { Redis } from '@hocuspocus/extension-redis';
import { isServiceUrl } from './serviceUrl.mjs';

/** The transaction origin Hocuspocus and the extension give updates that came through Redis. */
export const REDIS_ORIGIN = '__hocuspocus__redis__origin__';

/**
 * Whether `url` names a Redis server (redis:// or rediss:// for TLS); the start refuses anything else.
 * @param {string} url
 * @returns {boolean}
 */
export function isRedisUrl(url) {
  return isServiceUrl(url, ['redis:', 'rediss:']);
}

/**
 * The extension's configuration from a URL: `redis[s]://[user[:password]@]host[:port][/db]`. A URL without a password
 * takes `REDIS_PASSWORD` from the environment, as `pg` takes `PGPASSWORD`: a password on the command line would show in
 * the process list.
 * @param {string} url
 * @param {Readonly<Record<string, string | undefined>>} [env]
 * @returns {{ host: string, port: number, options: import('ioredis').RedisOptions }}
 */
export function redisConfiguration(url, env = process.env) {
  if (!isRedisUrl(url)) throw new Error('--redis needs a redis:// or rediss:// URL');
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^[0-9]{1,2}$/.test(db)) throw new Error('--redis: the path names a database by number, e.g. redis://127.0.0.1:6379/0');
  /** @type {import('ioredis').RedisOptions} */
  const options = { connectTimeout: 10_000 };
  if (parsed.username !== '') options.username = decodeURIComponent(parsed.username);
  if (parsed.password !== '') options.password = decodeURIComponent(parsed.password);
  else if (env['REDIS_PASSWORD']) options.password = env['REDIS_PASSWORD'];
  if (db !== '') options.db = Number(db);
  if (parsed.protocol === 'rediss:') options.tls = {};
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port === '' ? 6379 : Number(parsed.port), options };
}

/**
 * The Redis extension as the relay uses it. Its store lock is left out: the shared store merges every write into the
 * stored state (postgresStore.mjs), so instances that write one mailbox at once cannot undo each other's writes, while
 * the lock would skip such a write and print an error for it. A publish that fails (Redis down) is logged, never
 * thrown: the extension publishes from places where a rejection would end the process. The members hold full copies
 * and sync again when they reconnect.
 */
class RelayRedis extends Redis {
  /**
   * @param {Partial<import('@hocuspocus/extension-redis').Configuration>} configuration
   * @param {(what: string) => void} report
   */
  constructor(configuration, report) {
    super(configuration);
    const pub = /** @type {{ publish: (...args: unknown[]) => Promise<unknown> }} */ (/** @type {unknown} */ (this.pub));
    const publish = pub.publish.bind(pub);
    pub.publish = (...args) => publish(...args).catch((/** @type {unknown} */ error) => {
      report(`publishing failed (${error instanceof Error ? error.message.slice(0, 100) : 'error'})`);
      return 0;
    });
  }

  /** @override */
  async onStoreDocument() {}

  /** @override */
  async afterStoreDocument() {}
}

/**
 * Connects to Redis and resolves with the extension once both of its connections are ready; rejects (and lets go of
 * them) when Redis does not answer within `timeoutMs`. Outages later are logged once each, and ioredis reconnects.
 * @param {string} url
 * @param {{ log?: (line: string) => void, timeoutMs?: number }} [options]
 * @returns {Promise<Redis>}
 */
export async function connectRedisFanOut(url, { log = (line) => console.warn(line), timeoutMs = 10_000 } = {}) {
  const { host, port, options } = redisConfiguration(url);
  let down = false;
  /** @param {string} what */
  const report = (what) => {
    if (down) return;
    down = true;
    log(`${new Date().toISOString()} relay: redis ${host}:${port} ${what}; live fan-out between instances waits for it`);
  };
  const extension = new RelayRedis({ host, port, options }, report);
  const clients = [extension.pub, extension.sub];
  for (const client of clients) {
    client.on('error', (/** @type {unknown} */ error) => report(`unreachable (${/** @type {{ code?: unknown }} */ (error).code ?? 'error'})`));
    client.on('ready', () => {
      if (!down || clients.some((c) => c.status !== 'ready')) return;
      down = false;
      log(`${new Date().toISOString()} relay: redis ${host}:${port} reachable again`);
    });
  }
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  try {
    await Promise.race([
      Promise.all(clients.map((client) => (client.status === 'ready' ? undefined : new Promise((resolve) => client.once('ready', resolve))))),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`redis ${host}:${port} did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    for (const client of clients) client.disconnect(false);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  down = false;
  return extension;
}
