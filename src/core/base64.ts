// Strict Base64 (RFC 4648): standard alphabet with padding, and the URL-safe unpadded form JWKs use.
const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += alphabet[b0 >> 2];
    out += alphabet[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)];
    out += b1 === undefined ? (pad ? '=' : '') : alphabet[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)];
    out += b2 === undefined ? (pad ? '=' : '') : alphabet[b2 & 63];
  }
  return out;
}

/** Decodes only the canonical encoding (the one `encode` would write back), else returns null. */
function decode(text: string, alphabet: string, pad: boolean): Uint8Array | null {
  let body = text;
  if (pad) {
    if (text.length % 4 !== 0) return null;
    if (text.endsWith('==')) body = text.slice(0, -2);
    else if (text.endsWith('=')) body = text.slice(0, -1);
  }
  if (body.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < body.length; i++) {
    const v = alphabet.indexOf(body.charAt(i));
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, so every byte string has exactly one accepted spelling.
  if ((acc & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  return encode(bytes, STANDARD, true);
}

export function base64ToBytes(text: string): Uint8Array | null {
  return decode(text, STANDARD, true);
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  return encode(bytes, URL_SAFE, false);
}

export function base64UrlToBytes(text: string): Uint8Array | null {
  return decode(text, URL_SAFE, false);
}
