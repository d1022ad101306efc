// The security headers the static server sends on every response: the Content-Security-Policy and its neighbours.
// docs/HEADERS.md explains each one and gives the same headers for nginx and Caddy.

/**
 * The policy, directive by directive, before `connect-src` gets the signalling servers. Styles allow 'unsafe-inline'
 * for the print header's <style> (@page content) and style attributes; scripts never run inline.
 * @type {ReadonlyArray<readonly [string, string]>}
 */
const BASE_POLICY = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['media-src', "'none'"],
  ['frame-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Browser features the app never uses; WebRTC data channels need none of them. */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/** The Permissions-Policy value: every feature above denied to every origin, this page included. */
export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/**
 * A CSP source for a server the app may connect to: scheme (ws or wss), host (a `*.` prefix allowed) and an
 * optional port (`*` for any), nothing else. Anything that could end the directive (`;`, `,`, blanks, quotes) fails,
 * and so does an IPv6 literal, which a CSP source cannot name.
 */
const CONNECT_SOURCE = /^wss?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?$/i;

/**
 * Checks and normalises the configured signalling (and relay) servers: `wss://signal.example.dk/` becomes
 * `wss://signal.example.dk` (a CSP source with a path would allow only that path).
 * @param {readonly string[]} sources
 * @returns {string[]}
 * @throws {RangeError} naming the first value that is not a ws: or wss: server
 */
export function checkConnectSources(sources) {
  return sources.map((raw) => {
    const value = raw.trim().replace(/\/$/, '');
    if (!CONNECT_SOURCE.test(value)) {
      throw new RangeError(`not a server the app may connect to: "${raw}" (expected e.g. wss://signal.example.dk or ws://localhost:4444)`);
    }
    return value.toLowerCase();
  });
}

/**
 * The connect sources from an environment variable: blank- or comma-separated URLs, or none.
 * @param {string | undefined} value e.g. process.env.CONNECT_SOURCES
 * @returns {string[]}
 */
export function connectSourcesFromEnv(value) {
  return checkConnectSources((value ?? '').split(/[\s,]+/).filter((v) => v !== ''));
}

/**
 * The host name of a request's Host header, when it is a plain name or IPv4 address (with an optional port); null
 * for anything else, IPv6 literals included (a CSP source cannot name them).
 * @param {string | undefined} hostHeader
 * @returns {string | null} e.g. `localhost` or `192.168.1.5`
 */
export function requestHostName(hostHeader) {
  const match = /^([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d{1,5})?$/i.exec(hostHeader ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * @typedef {object} ConnectOptions
 * @property {readonly string[]} [connectSources] checked sources (checkConnectSources) of the configured signalling
 *   and relay servers
 * @property {number} [signallingPort] the port of the signalling server beside the app: allows
 *   `ws://<the host the page was loaded from>:<port>`, which is the app's default signalling URL
 *   (src/storage/liveSettings.ts)
 */

/**
 * The Content-Security-Policy for one request.
 * @param {ConnectOptions} options
 * @param {string | undefined} hostHeader the request's Host header
 * @returns {string}
 */
export function contentSecurityPolicy({ connectSources = [], signallingPort }, hostHeader) {
  const connect = ["'self'"];
  const host = requestHostName(hostHeader);
  if (signallingPort !== undefined && host !== null) connect.push(`ws://${host}:${signallingPort}`);
  connect.push(...connectSources);
  return BASE_POLICY.map(([name, value]) => `${name} ${name === 'connect-src' ? [...new Set(connect)].join(' ') : value}`).join('; ');
}

/**
 * Every security header for one request.
 * @param {ConnectOptions} options
 * @param {string | undefined} hostHeader
 * @returns {Record<string, string>}
 */
export function securityHeaders(options, hostHeader) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options, hostHeader),
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  };
}
