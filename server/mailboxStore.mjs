// The relay's mailboxes on disk: per mailbox, the SHA-256 of its access key and its Yjs state, each written atomically.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** A mailbox id as the relay accepts it: base64url, 16 to 128 characters (the client picks 32 random bytes: 43). */
export const MAILBOX_ID = /^[A-Za-z0-9_-]{16,128}$/;

/** An access key as the relay accepts it: base64url of 16 to 256 bytes (22 to 342 characters, no padding). */
const ACCESS_KEY = /^[A-Za-z0-9_-]{22,342}$/;

/** What a key file holds: a version tag and the hash, so a file from elsewhere is not mistaken for one. */
const KEY_FILE_PREFIX = 'referat-relay-key v1 sha256:';

/**
 * The file name stem of a mailbox: the hex SHA-256 of its id. Fixed length, [0-9a-f] only, so no id can climb out of
 * the folder, and two ids that differ only in case stay apart on a case-insensitive file system.
 * @param {string} mailboxId
 * @returns {string}
 */
export function mailboxFileStem(mailboxId) {
  return createHash('sha256').update(mailboxId, 'utf8').digest('hex');
}

/**
 * The SHA-256 of an access key's bytes, or null when the key is not base64url of 16 to 256 bytes.
 * @param {string} token as the client sent it
 * @returns {Buffer | null}
 */
export function accessKeyHash(token) {
  if (!ACCESS_KEY.test(token) || token.length % 4 === 1) return null;
  return createHash('sha256').update(Buffer.from(token, 'base64url')).digest();
}

/**
 * @typedef {object} MailboxStore
 * @property {string} dir where the mailboxes are: the folder holding the files (postgresStore.mjs: `postgres <host>/<db>`)
 * @property {() => number} count registered mailboxes
 * @property {(mailboxId: string) => boolean} isRegistered
 * @property {(mailboxId: string, hash: Buffer) => boolean} matches whether `hash` is the registered key's (constant time)
 * @property {(mailboxId: string, hash: Buffer) => Promise<void>} register records the key's hash (trust on first use);
 *   the registration counts at once, before the write finishes, so two first connections cannot both register
 * @property {(mailboxId: string, hash: Buffer, maxMailboxes: number) => Promise<Admission>} admit the access-key rule in
 *   one step: the registered key decides; an unregistered mailbox is registered to `hash` while fewer than
 *   `maxMailboxes` are; rejects when the registration could not be recorded (nothing is registered then)
 * @property {(mailboxId: string) => Promise<Uint8Array | null>} fetch the stored Yjs state, or null
 * @property {(mailboxId: string, state: Uint8Array) => Promise<void>} store replaces the stored Yjs state
 * @property {(mailboxId: string) => number} storedBytes size of the stored state (0 when none)
 * @property {() => Promise<void>} idle resolves once every write begun so far has finished
 * @property {() => Promise<void>} close waits for the writes, then lets go of what the store holds open
 */

/**
 * What `admit` decides: `known` (the registered key), `registered` (this key now registers the mailbox), `mismatch`
 * (another key, or an unreadable one), `full` (a new mailbox while the store holds the most it may).
 * @typedef {'known' | 'registered' | 'mismatch' | 'full'} Admission
 */

/**
 * Writes a file atomically: a temporary file in the same folder, flushed to disk, then renamed over the target.
 * @param {string} dir
 * @param {string} name
 * @param {Uint8Array | string} data
 */
async function writeAtomically(dir, name, data) {
  const temp = path.join(dir, `.tmp-${name}-${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path.join(dir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // The rename itself survives a power cut only once the folder is flushed; not every platform allows that.
  try {
    const folder = await open(dir, 'r');
    await folder.sync().finally(() => folder.close());
  } catch {
    // best effort
  }
}

/**
 * Opens (creating if needed) the store in `dataDir`/mailboxes/: `<stem>.key` (the access key's hash) and
 * `<stem>.ydoc` (the Yjs state), `<stem>` = mailboxFileStem(id). Left-over temporary files are removed. A key file
 * that cannot be read keeps its mailbox closed to everyone (fail closed) rather than open to the next claimant.
 * @param {string} dataDir
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<MailboxStore>}
 */
export async function openMailboxStore(dataDir, { log = (line) => console.warn(line) } = {}) {
  const dir = path.join(path.resolve(dataDir), 'mailboxes');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  /** @type {Map<string, Buffer | null>} stem -> key hash (null: unreadable, refused) */
  const keys = new Map();
  /** @type {Map<string, number>} stem -> stored state bytes */
  const sizes = new Map();
  for (const name of await readdir(dir)) {
    if (name.startsWith('.tmp-')) {
      await rm(path.join(dir, name), { force: true });
      continue;
    }
    const match = /^([0-9a-f]{64})\.(key|ydoc)$/.exec(name);
    if (!match) continue;
    const stem = /** @type {string} */ (match[1]);
    if (match[2] === 'ydoc') {
      sizes.set(stem, (await stat(path.join(dir, name))).size);
      continue;
    }
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => '');
    const hex = text.startsWith(KEY_FILE_PREFIX) ? text.slice(KEY_FILE_PREFIX.length).trim() : '';
    if (/^[0-9a-f]{64}$/.test(hex)) keys.set(stem, Buffer.from(hex, 'hex'));
    else {
      keys.set(stem, null);
      log(`${new Date().toISOString()} relay: ${name} is not a key file; its mailbox refuses every connection`);
    }
  }

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

  /** @type {MailboxStore['matches']} */
  const matches = (mailboxId, hash) => {
    const known = keys.get(mailboxFileStem(mailboxId));
    return known !== undefined && known !== null && known.length === hash.length && timingSafeEqual(known, hash);
  };
  /** @type {MailboxStore['register']} */
  const register = (mailboxId, hash) => {
    const stem = mailboxFileStem(mailboxId);
    if (keys.has(stem)) return Promise.reject(new Error('mailbox already registered'));
    keys.set(stem, Buffer.from(hash));
    return track(
      writeAtomically(dir, `${stem}.key`, `${KEY_FILE_PREFIX}${hash.toString('hex')}\n`).catch((error) => {
        keys.delete(stem);
        throw error;
      }),
    );
  };
  const idle = async () => {
    while (writes.size > 0) await Promise.allSettled(writes);
  };

  return {
    dir,
    count: () => keys.size,
    isRegistered: (mailboxId) => keys.has(mailboxFileStem(mailboxId)),
    matches,
    register,
    // One process holds the registrations in memory: the check and the registration happen in one turn, so two
    // first connections cannot both register (the second sees the first's key before its file is written).
    async admit(mailboxId, hash, maxMailboxes) {
      if (keys.has(mailboxFileStem(mailboxId))) return matches(mailboxId, hash) ? 'known' : 'mismatch';
      if (keys.size >= maxMailboxes) return 'full';
      await register(mailboxId, hash);
      return 'registered';
    },
    async fetch(mailboxId) {
      const stem = mailboxFileStem(mailboxId);
      try {
        const bytes = await readFile(path.join(dir, `${stem}.ydoc`));
        sizes.set(stem, bytes.length);
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      } catch (error) {
        if (/** @type {{ code?: unknown }} */ (error).code === 'ENOENT') return null;
        throw error;
      }
    },
    store(mailboxId, state) {
      const stem = mailboxFileStem(mailboxId);
      return track(writeAtomically(dir, `${stem}.ydoc`, state).then(() => void sizes.set(stem, state.length)));
    },
    storedBytes: (mailboxId) => sizes.get(mailboxFileStem(mailboxId)) ?? 0,
    idle,
    close: idle,
  };
}
