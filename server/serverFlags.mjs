// The command line of server/main.mjs: `--signalling-only` / `--relay-only`, the Origin allow-list, the signalling
// limits, and the relay's data folder and limits.
import { normalizeOrigin } from './allowedOrigins.mjs';

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
  ' [--relay-data <folder>]';

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
  if (flags.signallingOnly && flags.relayOnly) throw new Error('--signalling-only and --relay-only exclude each other: give one');
  if (flags.signallingOnly && (flags.relayDataDir !== undefined || flags.relayLimits !== undefined)) {
    throw new Error('--signalling-only runs no relay: leave out --relay-data and the --relay-… limits');
  }
  return flags;
}
