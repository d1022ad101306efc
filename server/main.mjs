// CLI: serves the production build (dist/), the signalling server (its own port, and /signal) and the relay (/relay) on
// one origin, over HTTPS with `--tls-cert`/`--tls-key`; `--signalling-only` runs just the signalling server,
// `--relay-only` just the relay. Flags: server/README.md.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connectSourcesFromEnv } from './securityHeaders.mjs';
import { parseServerFlags } from './serverFlags.mjs';
import { RELAY_PATH, SIGNAL_PATH, ownOrigins, startReferatServer } from './referatServer.mjs';
import { readTlsCredentials } from './tlsCredentials.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** The relay's default data folder, beside the repository's other folders (git-ignored). */
const DEFAULT_RELAY_DATA = fileURLToPath(new URL('../.relay-data/', import.meta.url));

/**
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number between 0 and 65535, got "${raw}"`);
  }
  return port;
}

/**
 * Loopback and wildcard addresses are shown as "localhost", the origin people should open.
 * @param {string} host
 * @returns {string}
 */
function displayHost(host) {
  if (['127.0.0.1', '::1', '0.0.0.0', '::'].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

async function main() {
  const flags = parseServerFlags(process.argv.slice(2));
  /** @type {import('./referatServer.mjs').ServerMode} */
  const mode = flags.signallingOnly ? 'signalling-only' : flags.relayOnly ? 'relay-only' : 'all';
  const host = process.env['HOST'] || '127.0.0.1';
  const port = portFromEnv('PORT', 8080);
  const signallingPort = portFromEnv('SIGNALLING_PORT', 4444);
  // --tls-cert / --tls-key: read and checked before anything listens, so a bad file stops the start with its name.
  const tls = flags.tls === undefined ? undefined : await readTlsCredentials(flags.tls);

  if (mode === 'all' && !existsSync(`${DIST}index.html`)) {
    console.error(`Referat: ${DIST} is missing or has no index.html; run npm run build first.`);
    process.exit(1);
  }

  // The socket caps of the signalling flags hold for the relay too; its own limits come from the --relay-… flags.
  const { maxSockets, maxSocketsPerAddress } = flags.limits;
  const relayLimits = {
    ...(maxSockets === undefined ? {} : { maxSockets }),
    ...(maxSocketsPerAddress === undefined ? {} : { maxSocketsPerAddress }),
    ...flags.relayLimits,
  };
  const relayDataDir = flags.relayDataDir ?? DEFAULT_RELAY_DATA;

  const server = await startReferatServer({
    mode,
    root: DIST,
    host,
    port,
    signallingPort,
    // CSP connect-src: the app's origin ('self', which covers ws: and wss: on it), the signalling port beside the
    // app, and the servers in CONNECT_SOURCES (docs/HEADERS.md).
    connectSources: connectSourcesFromEnv(process.env['CONNECT_SOURCES']),
    // Unless told otherwise, browsers may connect only from the origins this command serves the app on (with
    // --signalling-only: where `npm start` would serve it, PORT or 8080; with --relay-only: PORT).
    // (https: ones when the port speaks TLS).
    allowedOrigins: flags.allowedOrigins ?? ((boundPort) => ownOrigins({ host, port: boundPort, secure: tls !== undefined })),
    allowMissingOrigin: !flags.requireOrigin,
    signallingLimits: flags.limits,
    // --postgres (and --redis): the mailboxes in Postgres, shared with other relay instances, instead of the folder.
    relay: { dataDir: relayDataDir, limits: relayLimits, postgresUrl: flags.postgresUrl, redisUrl: flags.redisUrl },
    ...(tls === undefined ? {} : { tls: { cert: tls.cert, key: tls.key } }),
  });

  const shutdown = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  const shown = displayHost(host);
  const [http, ws] = server.secure ? ['https', 'wss'] : ['http', 'ws'];
  if (mode === 'all') console.log(`Referat: ${http}://${shown}:${server.port}/`);
  if (server.signallingPort !== null) {
    const beside = mode === 'all' ? ` and ${ws}://${shown}:${server.port}${SIGNAL_PATH}` : '';
    console.log(`Signalling: ws://${shown}:${server.signallingPort}${beside}`);
  }
  if (server.relay !== null) console.log(`Relay: ${ws}://${shown}:${server.port}${RELAY_PATH} (mailboxes in ${server.relay.storeName}${flags.redisUrl === undefined ? '' : ', fan-out through redis'})`);
  if (tls !== undefined) {
    const expired = tls.validTo.getTime() <= Date.now() ? ' – EXPIRED: browsers will refuse it' : '';
    console.log(`TLS certificate for ${tls.names.join(', ')}, valid until ${tls.validTo.toISOString()}${expired}`);
  }
  const origins = server.allowedOrigins;
  console.log(`Browsers accepted from: ${origins === null || origins.includes('*') ? 'any origin' : origins.join(', ')}`);
}

await main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
