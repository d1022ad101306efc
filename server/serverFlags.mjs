// The command line of server/main.mjs: `--signalling-only`, the Origin allow-list and the signalling limits.
import { normalizeOrigin } from './allowedOrigins.mjs';

/**
 * @typedef {object} ServerFlags
 * @property {boolean} signallingOnly
 * @property {string[] | null} allowedOrigins from `--allowed-origin` (repeatable, or comma-separated; `*`: any);
 *   null when not given (main.mjs then allows the app's own origins)
 * @property {boolean} requireOrigin `--require-origin`: refuse handshakes without an Origin header
 * @property {Partial<import('./signallingServer.mjs').SignallingLimits>} limits
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

export const USAGE =
  'usage: node server/main.mjs [--signalling-only] [--allowed-origin <origin|*>]... [--require-origin] ' +
  Object.keys(LIMIT_FLAGS)
    .map((flag) => `[${flag} <n>]`)
    .join(' ');

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
      const raw = takeValue();
      const value = Number(raw);
      const ok = key === 'messagesPerSecond' ? Number.isFinite(value) && value > 0 : Number.isInteger(value) && value >= 1;
      if (raw.trim() === '' || !ok) throw new Error(`${name} must be a positive ${key === 'messagesPerSecond' ? 'number' : 'whole number'}, got "${raw}"`);
      flags.limits[key] = value;
    } else {
      throw new Error(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  return flags;
}
