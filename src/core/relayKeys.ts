// The relay's keys, derived from a referat's sharing secret with HKDF-SHA-256 (docs/RELAY.md, "Keys").
import { base64UrlToBytes, bytesToBase64Url } from './base64';
import { isReferatId } from './referatId';
import { sha256Hex } from './sha256';

/** Names protocol version 1; every info string and signing context starts with it. */
export const RELAY_PROTOCOL = 'referat-relay/1';

/** HKDF info strings: one per derived value, so no two can ever be equal or related. */
export const RELAY_INFO = {
  mailbox: `${RELAY_PROTOCOL} mailbox`,
  access: `${RELAY_PROTOCOL} access`,
  content: `${RELAY_PROTOCOL} content`,
  sender: `${RELAY_PROTOCOL} sender`,
} as const;

export const MAILBOX_ID_BYTES = 32;
export const ACCESS_TOKEN_BYTES = 32;
export const SENDER_TAG_BYTES = 16;

/** The room secret of an invitation link, optionally bound to its expiry (`session/invite.ts`, `roomPassword`). */
const SHARING_SECRET = /^[A-Za-z0-9_-]{16,128}(\.[0-9]{1,12})?$/;

export interface RelayKeys {
  /** The mailbox's name at the relay: 32 bytes, base64url (43 characters). Unlinkable to the referat id without the secret. */
  mailboxId: string;
  mailboxBytes: Uint8Array;
  /** What a device shows the relay to be let into the mailbox: 32 bytes, base64url. The relay keeps only its verifier. */
  accessToken: string;
  /** AES-GCM-256, non-extractable: encrypts every entry of this mailbox. */
  contentKey: CryptoKey;
  /** HMAC-SHA-256, non-extractable: turns a device fingerprint into this mailbox's pseudonym for it. */
  senderKey: CryptoKey;
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** True for a string `deriveRelayKeys` accepts as a sharing secret. */
export function isSharingSecret(value: unknown): value is string {
  return typeof value === 'string' && SHARING_SECRET.test(value);
}

/**
 * Derives the mailbox id, access token, content key and sender-tag key of one shared referat. The referat id is the
 * HKDF salt, so one secret used for two referater gives two unrelated mailboxes. Throws on a malformed secret or id
 * (both come from this device's own invitation, already checked when it was read).
 */
export async function deriveRelayKeys(sharingSecret: string, referatId: string): Promise<RelayKeys> {
  if (!isSharingSecret(sharingSecret)) throw new Error('Not a sharing secret');
  if (!isReferatId(referatId)) throw new Error('Not a referat id');
  const subtle = globalThis.crypto.subtle;
  const ikm = await subtle.importKey('raw', utf8(sharingSecret), 'HKDF', false, ['deriveBits', 'deriveKey']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: utf8(referatId), info: utf8(info) });
  const mailboxBytes = new Uint8Array(await subtle.deriveBits(hkdf(RELAY_INFO.mailbox), ikm, MAILBOX_ID_BYTES * 8));
  const token = new Uint8Array(await subtle.deriveBits(hkdf(RELAY_INFO.access), ikm, ACCESS_TOKEN_BYTES * 8));
  const contentKey = await subtle.deriveKey(hkdf(RELAY_INFO.content), ikm, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const senderKey = await subtle.deriveKey(hkdf(RELAY_INFO.sender), ikm, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
    'sign',
  ]);
  return { mailboxId: bytesToBase64Url(mailboxBytes), mailboxBytes, accessToken: bytesToBase64Url(token), contentKey, senderKey };
}

/**
 * What the relay stores for a mailbox at first use and compares later: lowercase hex SHA-256 of the token's 32 raw
 * bytes. Null for anything that is not a token.
 */
export function accessVerifier(accessToken: string): string | null {
  const bytes = base64UrlToBytes(accessToken);
  return bytes !== null && bytes.length === ACCESS_TOKEN_BYTES ? sha256Hex(bytes) : null;
}

/** Raw 16 bytes of a fingerprint (`A3F9 12C0 …`), or null when it is not one. */
export function fingerprintBytes(fingerprint: string): Uint8Array | null {
  if (!/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/.test(fingerprint)) return null;
  const hex = fingerprint.replaceAll(' ', '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** The fingerprint spelled as people read it, from its 16 raw bytes. */
export function fingerprintText(bytes: Uint8Array): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) {
    groups.push((((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16).toUpperCase().padStart(4, '0'));
  }
  return groups.join(' ');
}

/**
 * A device's pseudonym in this mailbox: the first 16 bytes of HMAC(senderKey, fingerprint bytes), base64url
 * (22 characters). The relay sees it instead of the fingerprint, so it cannot link one device across referater.
 */
export async function senderTag(keys: Pick<RelayKeys, 'senderKey'>, fingerprint: Uint8Array): Promise<string> {
  const mac = await globalThis.crypto.subtle.sign('HMAC', keys.senderKey, new Uint8Array(fingerprint));
  return bytesToBase64Url(new Uint8Array(mac, 0, SENDER_TAG_BYTES));
}
