// The relay's mailboxes in Postgres, shared by several relay instances: per mailbox, the SHA-256 of its access key and
// its Yjs state, with the same semantics as the files of mailboxStore.mjs.
import { timingSafeEqual } from 'node:crypto';
import { Pool } from 'pg';
import * as Y from 'yjs';
import { mailboxFileStem } from './mailboxStore.mjs';
import { isServiceUrl } from './serviceUrl.mjs';

/** Serialises first registrations across instances (pg_advisory_xact_lock), so the mailbox cap holds in all. */
const REGISTRATION_LOCK = 0x5265_6c61; // "Rela"

/** The table, created at the first start; the stem is the hex SHA-256 of the mailbox id, as the file names are. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS relay_mailboxes (
  stem       char(64)    PRIMARY KEY,
  key_sha256 bytea       NOT NULL,
  state      bytea,
  updated_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Whether `url` names a Postgres server (postgres:// or postgresql://); the start refuses anything else.
 * @param {string} url
 * @returns {boolean}
 */
export function isPostgresUrl(url) {
  return isServiceUrl(url, ['postgres:', 'postgresql:']);
}

/**
 * The server and database a Postgres URL names, for log lines: never the user or password.
 * @param {string} url
 * @returns {string}
 */
export function postgresWhere(url) {
  const parsed = new URL(url);
  return `postgres ${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

/**
 * A key column as the relay trusts it: 32 bytes. Anything else keeps its mailbox closed to everyone (fail closed).
 * @param {unknown} value
 * @returns {Buffer | null}
 */
function storedKey(value) {
  return Buffer.isBuffer(value) && value.length === 32 ? value : null;
}

/**
 * One state holding both: what is stored and what this instance writes. Another instance may have written changes
 * this one has not received yet; merging (through a document, so deleted content is dropped) keeps them.
 * @param {Uint8Array | null} stored
 * @param {Uint8Array} state
 * @returns {Uint8Array}
 */
function mergedState(stored, state) {
  if (stored === null || stored.length === 0) return state;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, stored);
    Y.applyUpdate(doc, state);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Opens the store in the Postgres database at `url` (creating its table if needed). Registration is decided by
 * Postgres, not by one instance's memory: the first key to commit a mailbox's row wins, and every other instance reads
 * that row. A write merges into the stored state under a row lock, so two instances that hold the same mailbox cannot
 * undo each other's writes.
 * @param {string} url postgres://user:password@host:port/database
 * @param {{ log?: (line: string) => void, maxConnections?: number }} [options]
 * @returns {Promise<import('./mailboxStore.mjs').MailboxStore>}
 */
export async function openPostgresStore(url, { log = (line) => console.warn(line), maxConnections = 10 } = {}) {
  const pool = new Pool({ connectionString: url, max: maxConnections, connectionTimeoutMillis: 10_000 });
  let poolFailing = false;
  // An idle connection that breaks (the server restarts) must not end the process; the pool opens a new one.
  pool.on('error', (error) => {
    if (poolFailing) return;
    poolFailing = true;
    log(`${new Date().toISOString()} relay: postgres connection lost (${/** @type {{ code?: unknown }} */ (error).code ?? 'error'}); reconnecting on demand`);
  });
  pool.on('connect', () => {
    poolFailing = false;
  });

  /**
   * @template T
   * @param {(client: import('pg').PoolClient) => Promise<T>} work
   * @returns {Promise<T>}
   */
  const transaction = async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };

  try {
    // Two instances starting at once would race on CREATE TABLE IF NOT EXISTS; the lock makes them take turns.
    await transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [REGISTRATION_LOCK]);
      await client.query(SCHEMA);
    });
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`${postgresWhere(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }

  /** @type {Map<string, Buffer | null>} stem -> key hash as last read (null: unusable, refused) */
  const keys = new Map();
  /** @type {Map<string, number>} stem -> stored state bytes, as last read or written */
  const sizes = new Map();
  let count = Number((await pool.query('SELECT count(*) AS n FROM relay_mailboxes')).rows[0]?.n ?? 0);

  /**
   * @param {string} stem
   * @param {Buffer} hash
   * @returns {boolean}
   */
  const sameKey = (stem, hash) => {
    const known = keys.get(stem);
    return known !== undefined && known !== null && known.length === hash.length && timingSafeEqual(known, hash);
  };

  /**
   * @param {import('pg').Pool | import('pg').PoolClient} db
   * @param {string} stem
   * @returns {Promise<boolean>} whether the mailbox has a row (its key is then in `keys`)
   */
  const readKey = async (db, stem) => {
    const { rows } = await db.query('SELECT key_sha256 FROM relay_mailboxes WHERE stem = $1', [stem]);
    if (rows.length === 0) {
      keys.delete(stem);
      return false;
    }
    const key = storedKey(rows[0].key_sha256);
    if (key === null) log(`${new Date().toISOString()} relay: a mailbox row holds no usable key; it refuses every connection`);
    keys.set(stem, key);
    return true;
  };

  /** @type {Set<Promise<unknown>>} */
  const writes = new Set();
  /**
   * @template T
   * @param {Promise<T>} write
   * @returns {Promise<T>}
   */
  const track = (write) => {
    writes.add(write);
    void write.finally(() => writes.delete(write)).catch(() => {});
    return write;
  };

  /** @type {import('./mailboxStore.mjs').MailboxStore['admit']} */
  async function admit(mailboxId, hash, maxMailboxes) {
    const stem = mailboxFileStem(mailboxId);
    // Registrations are never undone by the relay, so a row once read decides; only a new mailbox needs the lock.
    if (keys.has(stem) || (await readKey(pool, stem))) return sameKey(stem, hash) ? 'known' : 'mismatch';
    return track(
      transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [REGISTRATION_LOCK]);
        // Another instance may have registered it since the read above.
        if (await readKey(client, stem)) return sameKey(stem, hash) ? 'known' : 'mismatch';
        count = Number((await client.query('SELECT count(*) AS n FROM relay_mailboxes')).rows[0]?.n ?? 0);
        if (count >= maxMailboxes) return 'full';
        // The primary key is the last guard: should a row appear regardless, it decides and this insert does nothing.
        const inserted = await client.query('INSERT INTO relay_mailboxes (stem, key_sha256) VALUES ($1, $2) ON CONFLICT (stem) DO NOTHING', [stem, hash]);
        if (inserted.rowCount === 1) {
          count += 1;
          keys.set(stem, Buffer.from(hash));
          return 'registered';
        }
        await readKey(client, stem);
        return sameKey(stem, hash) ? 'known' : 'mismatch';
      }),
    );
  }

  return {
    dir: postgresWhere(url),
    count: () => count,
    isRegistered: (mailboxId) => keys.has(mailboxFileStem(mailboxId)),
    matches: (mailboxId, hash) => sameKey(mailboxFileStem(mailboxId), hash),
    async register(mailboxId, hash) {
      const verdict = await admit(mailboxId, hash, Number.POSITIVE_INFINITY);
      if (verdict !== 'registered') throw new Error('mailbox already registered');
    },
    admit,
    async fetch(mailboxId) {
      const stem = mailboxFileStem(mailboxId);
      const { rows } = await pool.query('SELECT state FROM relay_mailboxes WHERE stem = $1', [stem]);
      const state = rows[0]?.state;
      if (!Buffer.isBuffer(state)) return null;
      sizes.set(stem, state.length);
      return new Uint8Array(state.buffer, state.byteOffset, state.length);
    },
    store(mailboxId, state) {
      const stem = mailboxFileStem(mailboxId);
      return track(
        transaction(async (client) => {
          const { rows } = await client.query('SELECT state FROM relay_mailboxes WHERE stem = $1 FOR UPDATE', [stem]);
          // No row: an operator removed the mailbox while it was open; it is not brought back.
          if (rows.length === 0) return;
          const stored = rows[0].state;
          const merged = mergedState(Buffer.isBuffer(stored) ? new Uint8Array(stored) : null, state);
          await client.query('UPDATE relay_mailboxes SET state = $2, updated_at = now() WHERE stem = $1', [stem, Buffer.from(merged.buffer, merged.byteOffset, merged.length)]);
          sizes.set(stem, merged.length);
        }),
      );
    },
    storedBytes: (mailboxId) => sizes.get(mailboxFileStem(mailboxId)) ?? 0,
    async idle() {
      while (writes.size > 0) await Promise.allSettled(writes);
    },
    async close() {
      while (writes.size > 0) await Promise.allSettled(writes);
      await pool.end();
    },
  };
}
