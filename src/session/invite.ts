// Invitation links for live co-editing. Everything secret sits in the URL fragment, which browsers never send
// to any server: `/join#doc=<referat id>&room=<random room id>&key=<room secret>`.
import { isReferatId } from '../core/referatId';

export interface Invitation {
  docId: string;
  roomId: string;
  secret: string;
}

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function randomToken(bytes = 24): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function newInvitation(docId: string): Invitation {
  return { docId, roomId: randomToken(16), secret: randomToken(32) };
}

export function invitationUrl(origin: string, inv: Invitation): string {
  const fragment = new URLSearchParams({ doc: inv.docId, room: inv.roomId, key: inv.secret }).toString();
  return `${origin}/join#${fragment}`;
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
  if (!isReferatId(docId) || !TOKEN.test(roomId) || !TOKEN.test(secret)) return { ok: false, reason: 'malformed' };
  return { ok: true, invitation: { docId, roomId, secret } };
}
