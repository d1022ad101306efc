// The Origin allow-list of the signalling server: parsing `--allowed-origin` values, and the app's own origins.
import { networkInterfaces, hostname } from 'node:os';

/**
 * An http(s) origin as browsers send it in the Origin header (scheme://host[:port], default port left out).
 * @param {string} value e.g. `https://referat.example.dk` or `http://localhost:8080/`
 * @returns {string}
 * @throws {Error} when the value is not an http or https origin
 */
export function normalizeOrigin(value) {
  /** @type {URL} */
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`not an origin: "${value}" (expected e.g. https://referat.example.dk)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`not an http or https origin: "${value}"`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(`an origin has no path, query or user: "${value}" (expected e.g. ${url.origin})`);
  }
  return url.origin;
}

/**
 * @param {string} host
 * @returns {string} host as it appears in a URL
 */
function urlHost(host) {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * The origins `npm start` serves the app on for a given HOST and PORT: on loopback, localhost, 127.0.0.1 and [::1];
 * on a wildcard address (0.0.0.0, ::) also this machine's name and every address of its network interfaces.
 * @param {{ host: string, port: number }} app
 * @returns {string[]}
 */
export function defaultAppOrigins({ host, port }) {
  /** @type {string[]} */
  const hosts = [];
  const loopback = ['127.0.0.1', '::1', 'localhost'];
  const wildcard = ['0.0.0.0', '::'];
  if (loopback.includes(host) || wildcard.includes(host)) hosts.push('localhost', '127.0.0.1', '::1');
  else hosts.push(host);
  if (wildcard.includes(host)) {
    hosts.push(hostname());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const info of addresses ?? []) {
        if (host === '0.0.0.0' && info.family !== 'IPv4') continue;
        if (!info.address.startsWith('fe80:')) hosts.push(info.address);
      }
    }
  }
  /** @type {Set<string>} */
  const origins = new Set();
  for (const h of hosts) {
    try {
      origins.add(normalizeOrigin(`http://${urlHost(h)}:${port}`));
    } catch {
      // A machine name no URL can hold is left out; --allowed-origin names it otherwise.
    }
  }
  return [...origins];
}

/**
 * @param {ReadonlySet<string> | null} allowed null: any origin
 * @param {string | undefined} origin the request's Origin header
 * @param {boolean} allowMissing whether a request without Origin (not from a browser) is let in
 * @returns {boolean}
 */
export function originAllowed(allowed, origin, allowMissing) {
  if (origin === undefined) return allowMissing;
  if (allowed === null) return true;
  return allowed.has(origin.toLowerCase());
}
