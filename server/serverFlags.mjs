// The command line of server/main.mjs: `--signalling-only` / `--relay-only`, the Origin allow-list, the signalling
// limits, the relay's data folder and limits, and the TLS certificate and key.
import { normalizeOrigin } from './allowedOrigins.mjs';
import { isPostgresUrl } from './postgresStore.mjs';
import { isRedisUrl } from './redisFanOut.mjs';

/**
 * @typedef {object} ServerFlags
 * @property {boolean} signallingOnly
 * @property {string[] | null} allowedOrigins from `--allowed-origin` (repeatable, or comma-separated; `*`: any);
 *   null when not given (main.mjs then allows the app's own origins)
 * @property {boolean} requireOrigin `--require-origin`: refuse handshakes without an Origin header
 * @property {Partial<import('./signallingServer.mjs').SignallingLimits>} limits (`--max-sockets` and
 *   `--max-sockets-per-address` apply to the relay too)
 * @property {true} [relayOnly] `--relay-only`: serve only the relay (left out when not given)
 * @property {string} [relayDataDir] `--relay-data <folder>` (left out when not given; main.mjs then uses .relay-data/)
 * @property {Partial<import('./relay.mjs').RelayLimits>} [relayLimits] the `--relay-…` limits given (left out when none)
 * @property {string} [postgresUrl] `--postgres <url>`: the relay's mailboxes in Postgres, shared by relay instances
 * @property {string} [redisUrl] `--redis <url>`: fan-out between relay instances (needs `--postgres`)
 * @property {{ certFile: string, keyFile: string }} [tls] `--tls-cert <file> --tls-key <file>`: serve the app's port
 *   over HTTPS (left out when not given; the files are read by tlsCredentials.mjs)
 */

/** @type {Readonly<Record<string, keyof import('./signallingServer.mjs').SignallingLimits>>} */
const LIMIT_FLAGS = {
  '--max-sockets': 'maxSockets',
  '--max-sockets-per-address': 'maxSocketsPerAddress',
  '--max-topics-per-socket': 'maxTopicsPerSocket',
  '--max-topic-length': 'maxTopicLength',
  '--max-messages-per-second': 'messagesPerSecond',
  '--message-burst': 'messageBurst',
  '--max-buffered-bytes': 'maxBufferedBytes',
};

/** @type {Readonly<Record<string, keyof import('./relay.mjs').RelayLimits>>} */
const RELAY_LIMIT_FLAGS = {
  '--relay-max-mailbox-bytes': 'maxMailboxBytes',
  '--relay-max-mailboxes': 'maxMailboxes',
  '--relay-max-message-bytes': 'maxMessageBytes',
  '--relay-max-mailboxes-per-socket': 'maxMailboxesPerSocket',
  '--relay-max-messages-per-second': 'messagesPerSecond',
  '--relay-message-burst': 'messageBurst',
  '--relay-max-bytes-per-second': 'bytesPerSecond',
};

export const USAGE =
  'usage: node server/main.mjs [--signalling-only | --relay-only] [--allowed-origin <origin|*>]... [--require-origin] ' +
  [...Object.keys(LIMIT_FLAGS), ...Object.keys(RELAY_LIMIT_FLAGS)].map((flag) => `[${flag} <n>]`).join(' ') +
  ' [--relay-data <folder> | --postgres <url>] [--redis <url>] [--tls-cert <file> --tls-key <file>]';

/**
 * @param {string} flag
 * @param {string} raw
 * @param {boolean} fractional whether a fraction is allowed (a rate)
 * @returns {number}
 */
function positiveNumber(flag, raw, fractional) {
  const value = Number(raw);
  const ok = fractional ? Number.isFinite(value) && value > 0 : Number.isInteger(value) && value >= 1;
  if (raw.trim() === '' || !ok) throw new Error(`${flag} must be a positive ${fractional ? 'number' : 'whole number'}, got "${raw}"`);
  return value;
}

/**
 * @param {readonly string[]} argv the arguments after the script name
 * @returns {ServerFlags}
 * @throws {Error} naming the flag, on an unknown flag or a bad value
 */
export function parseServerFlags(argv) {
  /** @type {ServerFlags} */
  const flags = { signallingOnly: false, allowedOrigins: null, requireOrigin: false, limits: {} };
  /** @type {string | undefined} */
  let tlsCertFile;
  /** @type {string | undefined} */
  let tlsKeyFile;
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = () => {
      if (eq > 0 && name !== arg) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value`);
      i += 1;
      return next;
    };
    if (name === '--signalling-only' && name === arg) {
      flags.signallingOnly = true;
    } else if (name === '--require-origin' && name === arg) {
      flags.requireOrigin = true;
    } else if (name === '--relay-only' && name === arg) {
      flags.relayOnly = true;
    } else if (name === '--relay-data') {
      const dir = takeValue();
      if (dir.trim() === '' || dir.includes('\0')) throw new Error(`--relay-data needs a folder, got "${dir}"`);
      flags.relayDataDir = dir;
    } else if (name === '--postgres' || name === '--redis') {
      // The URL may hold a password: a message never repeats it.
      const url = takeValue();
      if (name === '--postgres' && !isPostgresUrl(url)) throw new Error('--postgres needs a URL postgres://user:password@host:port/database');
      if (name === '--redis' && !isRedisUrl(url)) throw new Error('--redis needs a URL redis://[:password@]host:port (rediss:// for TLS)');
      if (name === '--postgres') flags.postgresUrl = url;
      else flags.redisUrl = url;
    } else if (name === '--tls-cert' || name === '--tls-key') {
      const file = takeValue();
      if (file.trim() === '' || file.includes('\0')) throw new Error(`${name} needs a PEM file, got "${file}"`);
      if (name === '--tls-cert') tlsCertFile = file;
      else tlsKeyFile = file;
    } else if (Object.hasOwn(RELAY_LIMIT_FLAGS, name)) {
      const key = /** @type {keyof import('./relay.mjs').RelayLimits} */ (RELAY_LIMIT_FLAGS[name]);
      flags.relayLimits ??= {};
      flags.relayLimits[key] = positiveNumber(name, takeValue(), key === 'messagesPerSecond');
    } else if (name === '--allowed-origin') {
      const values = takeValue().split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (values.length === 0) throw new Error('--allowed-origin needs an origin, e.g. https://referat.example.dk, or *');
      flags.allowedOrigins ??= [];
      for (const value of values) {
        try {
          flags.allowedOrigins.push(value === '*' ? '*' : normalizeOrigin(value));
        } catch (error) {
          throw new Error(`--allowed-origin: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      }
    } else if (Object.hasOwn(LIMIT_FLAGS, name)) {
      const key = /** @type {keyof import('./signallingServer.mjs').SignallingLimits} */ (LIMIT_FLAGS[name]);
      flags.limits[key] = positiveNumber(name, takeValue(), key === 'messagesPerSecond');
    } else {
      throw new Error(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  if ((tlsCertFile === undefined) !== (tlsKeyFile === undefined)) {
    throw new Error('--tls-cert and --tls-key go together: give both (the certificate chain and its private key, PEM files) or neither');
  }
  if (tlsCertFile !== undefined && tlsKeyFile !== undefined) flags.tls = { certFile: tlsCertFile, keyFile: tlsKeyFile };
  if (flags.signallingOnly && flags.relayOnly) throw new Error('--signalling-only and --relay-only exclude each other: give one');
  if (flags.signallingOnly && (flags.relayDataDir !== undefined || flags.relayLimits !== undefined)) {
    throw new Error('--signalling-only runs no relay: leave out --relay-data and the --relay-… limits');
  }
  if (flags.postgresUrl !== undefined && flags.relayDataDir !== undefined) {
    throw new Error('--relay-data and --postgres are two stores for the mailboxes: give one');
  }
  if (flags.redisUrl !== undefined && flags.postgresUrl === undefined) {
    throw new Error('--redis needs --postgres: relay instances that share mailboxes must share their registrations');
  }
  if (flags.signallingOnly && (flags.postgresUrl !== undefined || flags.redisUrl !== undefined)) {
    throw new Error('--signalling-only runs no relay: leave out --postgres and --redis');
  }
  if (flags.signallingOnly && flags.tls !== undefined) {
    throw new Error('--signalling-only serves plain ws: on its own port: leave out --tls-cert and --tls-key (serve /signal over TLS without it, or put a proxy in front)');
  }
  return flags;
}
