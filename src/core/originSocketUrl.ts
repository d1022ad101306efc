// A WebSocket address on the app's own origin: `wss:` under `https:` (a page served over TLS may not open `ws:`).
export interface PageOrigin {
  protocol: string;
  /** Host and port, as `location.host` gives them. */
  host: string;
}

export function originSocketUrl(origin: PageOrigin, path: `/${string}`): string {
  return `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host || 'localhost'}${path}`;
}
