// Invitation links for live co-editing. Everything secret sits in the URL fragment, which browsers never send
// to any server: `/join#doc=<referat id>&room=<random room id>&key=<room secret>&exp=<expiry, Unix seconds>`.
// The expiry is bound into the room password (roomPassword), so a link whose expiry was edited meets nobody. The room
// is the series' room: each referat syncs in a y-webrtc room derived from it and its id (core/seriesRoom.ts).
import { bytesToBase64Url } from '../core/base64';
import { isReferatId } from '../core/referatId';
import { docRoomName, docRoomPassword, lobbyPassword, lobbyRoomName } from '../core/seriesRoom';

export interface Invitation {
  docId: string;
  roomId: string;
  secret: string;
  /** When the invitation ends, in ms since 1970 (whole seconds); null for a link from before expiries. */
  expiresAt: number | null;
}

/** How long a new invitation lasts, as offered when inviting; the first is the default. */
export const INVITATION_DAYS = [7, 1, 30, 90] as const;
export type InvitationDays = (typeof INVITATION_DAYS)[number];

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const EXPIRY = /^[1-9][0-9]{8,10}$/;
const DAY_MS = 86_400_000;

export function randomToken(bytes = 24): string {
  return bytesToBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A new room with a new secret: every invitation gets its own, never one used before. */
export function newInvitation(docId: string, days: number = INVITATION_DAYS[0], now = Date.now()): Invitation {
  const expiresAt = Math.floor((now + days * DAY_MS) / 1000) * 1000;
  return { docId, roomId: randomToken(16), secret: randomToken(32), expiresAt };
}

export function invitationFragment(inv: Invitation): string {
  const fields: Record<string, string> = { doc: inv.docId, room: inv.roomId, key: inv.secret };
  if (inv.expiresAt !== null) fields['exp'] = String(inv.expiresAt / 1000);
  return new URLSearchParams(fields).toString();
}

export function invitationUrl(origin: string, inv: Invitation): string {
  return `${origin}/join#${invitationFragment(inv)}`;
}

export function isExpired(inv: Pick<Invitation, 'expiresAt'>, now = Date.now()): boolean {
  return inv.expiresAt !== null && now >= inv.expiresAt;
}

/** The password the room's traffic is encrypted with: the secret, bound to the expiry when there is one. */
export function roomPassword(inv: Pick<Invitation, 'secret' | 'expiresAt'>): string {
  return inv.expiresAt === null ? inv.secret : `${inv.secret}.${inv.expiresAt / 1000}`;
}

/** A y-webrtc room: its name (what the signalling server sees) and the password its traffic is encrypted with. */
export interface DerivedRoom {
  name: string;
  password: string;
}

/** The room the invitation's referat syncs in: no other referat of the series meets there. */
export function docRoom(inv: Invitation): DerivedRoom {
  return { name: docRoomName(inv.roomId, inv.docId), password: docRoomPassword(roomPassword(inv), inv.docId) };
}

/** The series' lobby: devices announce there which referater of the series they hold (awareness only). */
export function lobbyRoom(inv: Pick<Invitation, 'roomId' | 'secret' | 'expiresAt'>): DerivedRoom {
  return { name: lobbyRoomName(inv.roomId), password: lobbyPassword(roomPassword(inv)) };
}

export type InvitationParse = { ok: true; invitation: Invitation } | { ok: false; reason: 'missing' | 'malformed' };

/** Reads an invitation from a URL fragment; anything malformed is refused, never half-used. */
export function parseInvitation(hash: string): InvitationParse {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return { ok: false, reason: 'missing' };
  if (raw.length > 1000) return { ok: false, reason: 'malformed' };
  const p = new URLSearchParams(raw);
  const docId = p.get('doc') ?? '';
  const roomId = p.get('room') ?? '';
  const secret = p.get('key') ?? '';
  const exp = p.get('exp');
  if (!isReferatId(docId) || !TOKEN.test(roomId) || !TOKEN.test(secret)) return { ok: false, reason: 'malformed' };
  if (exp !== null && !EXPIRY.test(exp)) return { ok: false, reason: 'malformed' };
  return { ok: true, invitation: { docId, roomId, secret, expiresAt: exp === null ? null : Number(exp) * 1000 } };
}
