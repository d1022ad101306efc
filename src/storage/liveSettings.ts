// Where live sessions find each other: signalling server URLs and ICE (STUN/TURN) servers, stored as settings.
import { originSocketUrl, type PageOrigin } from '../core/originSocketUrl';
import type { LibraryDatabase } from './libraryDatabase';

export interface LiveSettings {
  signallingUrls: string[];
  iceServers: RTCIceServer[];
}

/**
 * The default signalling server is the one `npm start` runs on the app's own origin (`/signal`, `wss:` under
 * `https:`), so a deployment behind TLS needs no settings; no public third-party server.
 */
export function defaultLiveSettings(origin: PageOrigin): LiveSettings {
  return { signallingUrls: [originSocketUrl(origin, '/signal')], iceServers: [] };
}

export function isSignallingUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'ws:' || u.protocol === 'wss:') && u.hash === '' && value.length <= 500;
  } catch {
    return false;
  }
}

export function isIceServerUrl(value: string): boolean {
  return /^(stun|stuns|turn|turns):[^\s]+$/.test(value) && value.length <= 500;
}

function isIceServer(v: unknown): v is RTCIceServer {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const urls = Array.isArray(s.urls) ? s.urls : [s.urls];
  return urls.length > 0 && urls.every((u) => typeof u === 'string' && isIceServerUrl(u)) &&
    (s.username === undefined || typeof s.username === 'string') && (s.credential === undefined || typeof s.credential === 'string');
}

export async function loadLiveSettings(db: LibraryDatabase, origin: PageOrigin): Promise<LiveSettings> {
  const row = await db.settings.get('live');
  const v = row?.value as Partial<LiveSettings> | undefined;
  const fallback = defaultLiveSettings(origin);
  const urls = Array.isArray(v?.signallingUrls) ? v.signallingUrls.filter((u): u is string => typeof u === 'string' && isSignallingUrl(u)) : null;
  const ice = Array.isArray(v?.iceServers) ? v.iceServers.filter(isIceServer) : null;
  return { signallingUrls: urls ?? fallback.signallingUrls, iceServers: ice ?? fallback.iceServers };
}

export async function saveLiveSettings(db: LibraryDatabase, s: LiveSettings): Promise<void> {
  if (!s.signallingUrls.every(isSignallingUrl) || !s.iceServers.every(isIceServer)) throw new RangeError('Invalid live settings');
  await db.settings.put({ key: 'live', value: { signallingUrls: [...s.signallingUrls], iceServers: s.iceServers.map((x) => ({ ...x })) } });
}
