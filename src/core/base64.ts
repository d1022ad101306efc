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

/** Each character code's 6-bit value in `alphabet`, or -1: a table, so decoding costs one lookup per character. */
function lookupTable(alphabet: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
}
const TABLES = new Map([STANDARD, URL_SAFE].map((a) => [a, lookupTable(a)]));

/** Decodes only the canonical encoding (the one `encode` would write back), else returns null. */
function decode(text: string, alphabet: string, pad: boolean): Uint8Array | null {
  const table = TABLES.get(alphabet) ?? lookupTable(alphabet);
  let end = text.length;
  if (pad) {
    if (text.length % 4 !== 0) return null;
    if (text.endsWith('==')) end -= 2;
    else if (text.endsWith('=')) end -= 1;
  }
  if (end % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (table[code] as number) : -1;
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
