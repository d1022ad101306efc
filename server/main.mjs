// CLI: serves the production build (dist/) and the WebRTC signalling server; `--signalling-only` runs just the latter.
// Flags for the signalling server's Origin allow-list and limits: server/README.md.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './staticServer.mjs';
import { connectSourcesFromEnv } from './securityHeaders.mjs';
import { startSignallingServer } from './signallingServer.mjs';
import { defaultAppOrigins } from './allowedOrigins.mjs';
import { parseServerFlags } from './serverFlags.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

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

/**
 * @param {unknown} error
 * @param {string} what
 * @param {number} port
 * @returns {string}
 */
function describeListenError(error, what, port) {
  const code = /** @type {{ code?: unknown }} */ (error ?? {}).code;
  if (code === 'EADDRINUSE') return `${what}: port ${port} is already in use`;
  return `${what}: ${error instanceof Error ? error.message : String(error)}`;
}

async function main() {
  const flags = parseServerFlags(process.argv.slice(2));
  const signallingOnly = flags.signallingOnly;
  const host = process.env['HOST'] || '127.0.0.1';
  const port = signallingOnly ? 0 : portFromEnv('PORT', 8080);
  const signallingPort = portFromEnv('SIGNALLING_PORT', 4444);

  if (!signallingOnly && !existsSync(`${DIST}index.html`)) {
    console.error(`Referat: ${DIST} is missing or has no index.html; run npm run build first.`);
    process.exit(1);
  }

  /** @type {Array<() => Promise<void>>} */
  const closers = [];
  const shutdown = async () => {
    await Promise.allSettled(closers.map((close) => close()));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  /** @type {number | null} */
  let appPort = null;
  try {
    if (!signallingOnly) {
      // CSP connect-src: the signalling server beside the app, and the servers in CONNECT_SOURCES (docs/HEADERS.md).
      const connect = { signallingPort: signallingPort || undefined, connectSources: connectSourcesFromEnv(process.env['CONNECT_SOURCES']) };
      const app = await startStaticServer({ root: DIST, host, port, ...connect }).catch((error) => {
        throw new Error(describeListenError(error, 'Referat', port), { cause: error });
      });
      closers.push(app.close);
      appPort = app.port;
      console.log(`Referat: http://${displayHost(host)}:${app.port}/`);
    }
    // Unless told otherwise, browsers may connect only from the origins this command serves the app on (with
    // --signalling-only: where `npm start` would serve it, PORT or 8080).
    const allowedOrigins = flags.allowedOrigins ?? defaultAppOrigins({ host, port: appPort ?? portFromEnv('PORT', 8080) });
    const signalling = await startSignallingServer({
      host,
      port: signallingPort,
      allowedOrigins,
      allowMissingOrigin: !flags.requireOrigin,
      limits: flags.limits,
    }).catch((error) => {
      throw new Error(describeListenError(error, 'Signalling', signallingPort), { cause: error });
    });
    closers.push(signalling.close);
    console.log(`Signalling: ws://${displayHost(host)}:${signalling.port}`);
    console.log(`Signalling accepts browsers from: ${allowedOrigins.includes('*') ? 'any origin' : allowedOrigins.join(', ')}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    await Promise.allSettled(closers.map((close) => close()));
    process.exit(1);
  }
}

await main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
