// The signed `.referat` copy file (docs/FORMAT.md): writing it, reading its structure strictly, verifying its signature.
import { bytesToBase64 } from './base64';
import { keyFingerprint } from './fingerprint';
import type { Profile } from './profile';
import { publicKeyJwk } from './publicKeyJwk';
import { ReferatFileError } from './referatFileError';
import { DEFAULT_MAX_REFERAT_FILE_BYTES } from './referatFileLimits';
import { MAX_FILE_TITLE, readReferatFileHeader, type ReferatFileHeader } from './referatFileHeader';
import { sha256Hex } from './sha256';
import { verifySignature, type Signer } from './signature';

export type { Signer } from './signature';

/** `REFERAT` and a line feed: a text-mode transfer that rewrites line ends breaks the file visibly at byte 8. */
export const REFERAT_FILE_MAGIC: readonly number[] = [0x52, 0x45, 0x46, 0x45, 0x52, 0x41, 0x54, 0x0a];
export const REFERAT_FILE_VERSION = 1;
export const MAX_HEADER_BYTES = 1024 * 1024;
export { DEFAULT_MAX_REFERAT_FILE_BYTES };

export interface ReferatFileInput {
  docId: string;
  title: string;
  sender: Profile;
  signer: Signer;
  /** The sender's full state vector (`Y.encodeStateVector(doc)`). */
  stateVector: Uint8Array;
  /** The state vector `update` is relative to, or null when `update` is the whole document. */
  base: Uint8Array | null;
  /** `Y.encodeStateAsUpdate(doc, base ?? undefined)`, v1 encoding. */
  update: Uint8Array;
  now: Date;
}

/** Views into the bytes that were parsed; nothing is copied. */
export interface ParsedReferatFile {
  header: ReferatFileHeader;
  update: Uint8Array;
  signature: Uint8Array;
  /** Every byte the signature covers: magic through the end of the update. */
  signedBytes: Uint8Array;
}

/** Concurrent edits can merge into a longer title than one person may type; the header only shows it, so it is cut. */
function headerTitle(title: string): string {
  const cut = title.slice(0, MAX_FILE_TITLE);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Throws ReferatFileError('badHeader') for input it would refuse to read back (e.g. a bad id or profile). */
export async function encodeReferatFile(input: ReferatFileInput): Promise<Uint8Array> {
  const publicKey = publicKeyJwk(input.signer.publicKey, input.signer.algorithm);
  const header: ReferatFileHeader = {
    fileVersion: REFERAT_FILE_VERSION,
    docId: input.docId,
    title: headerTitle(input.title),
    createdAt: input.now.toISOString(),
    sender: {
      name: input.sender.name,
      organisation: input.sender.organisation,
      organisationKind: input.sender.organisationKind,
      publicKey,
      algorithm: input.signer.algorithm,
      fingerprint: await keyFingerprint(publicKey),
    },
    stateVector: bytesToBase64(input.stateVector),
    base: input.base === null ? null : bytesToBase64(input.base),
    updateSha256: sha256Hex(input.update),
  };
  // Never write a file this code would refuse to read.
  readReferatFileHeader(header, REFERAT_FILE_VERSION);
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  if (headerBytes.length > MAX_HEADER_BYTES) throw new ReferatFileError('badHeader', 'header is too large');

  const signedLength = REFERAT_FILE_MAGIC.length + 2 + 4 + headerBytes.length + 4 + input.update.length;
  const signed = new Uint8Array(signedLength);
  const view = new DataView(signed.buffer);
  signed.set(REFERAT_FILE_MAGIC, 0);
  let at = REFERAT_FILE_MAGIC.length;
  view.setUint16(at, REFERAT_FILE_VERSION);
  view.setUint32(at + 2, headerBytes.length);
  signed.set(headerBytes, at + 6);
  at += 6 + headerBytes.length;
  view.setUint32(at, input.update.length);
  signed.set(input.update, at + 4);

  const signature = await input.signer.sign(signed);
  if (signature.length > 0xffff) throw new Error('Signature is too long');
  const out = new Uint8Array(signedLength + 2 + signature.length);
  out.set(signed, 0);
  new DataView(out.buffer).setUint16(signedLength, signature.length);
  out.set(signature, signedLength + 2);
  return out;
}

/** Reads a length-prefixed layout, checking every length against what is left before reading. */
class Cursor {
  private at = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get offset(): number {
    return this.at;
  }
  get left(): number {
    return this.bytes.length - this.at;
  }
  private need(n: number, what: string): void {
    if (n > this.left) throw new ReferatFileError('truncated', `file ends inside the ${what} (offset ${this.at})`);
  }
  u16(what: string): number {
    this.need(2, what);
    this.at += 2;
    return this.view.getUint16(this.at - 2);
  }
  u32(what: string): number {
    this.need(4, what);
    this.at += 4;
    return this.view.getUint32(this.at - 4);
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    this.at += n;
    return this.bytes.subarray(this.at - n, this.at);
  }
}

function checkMagic(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, REFERAT_FILE_MAGIC.length);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== REFERAT_FILE_MAGIC[i]) throw new ReferatFileError('badMagic', 'not a .referat file');
  }
  if (n < REFERAT_FILE_MAGIC.length) throw new ReferatFileError('truncated', 'file ends inside the magic bytes');
}

function decodeHeader(bytes: Uint8Array, fileVersion: number): ReferatFileHeader {
  let json: unknown;
  try {
    // fatal: invalid UTF-8 is refused; ignoreBOM keeps a byte order mark, which JSON.parse then refuses.
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    throw new ReferatFileError('badHeader', 'header is not UTF-8 JSON');
  }
  return readReferatFileHeader(json, fileVersion);
}

/** Reads the size limit, magic, version and header length, leaving the cursor at the start of the header JSON. */
function readFrame(bytes: Uint8Array, maxBytes: number): { c: Cursor; fileVersion: number; headerBytes: Uint8Array } {
  if (bytes.length === 0) throw new ReferatFileError('empty', 'the file is empty');
  if (bytes.length > maxBytes) throw new ReferatFileError('tooLarge', `the file is larger than ${maxBytes} bytes`);
  checkMagic(bytes);
  const c = new Cursor(bytes);
  c.take(REFERAT_FILE_MAGIC.length, 'magic bytes');
  const fileVersion = c.u16('file version');
  if (fileVersion > REFERAT_FILE_VERSION) {
    throw new ReferatFileError('newerVersion', `file version ${fileVersion} is newer than ${REFERAT_FILE_VERSION}`);
  }
  if (fileVersion < 1) throw new ReferatFileError('badHeader', 'file version 0 does not exist');
  const headerLength = c.u32('header length');
  if (headerLength > c.left) throw new ReferatFileError('truncated', 'file ends inside the header');
  if (headerLength > MAX_HEADER_BYTES) throw new ReferatFileError('badHeader', 'header is too large');
  return { c, fileVersion, headerBytes: c.take(headerLength, 'header') };
}

/** Checks structure, header and update hash, not the signature; throws ReferatFileError. */
export function parseReferatFile(bytes: Uint8Array, options: { maxBytes?: number } = {}): ParsedReferatFile {
  const { c, fileVersion, headerBytes } = readFrame(bytes, options.maxBytes ?? DEFAULT_MAX_REFERAT_FILE_BYTES);
  const update = c.take(c.u32('update length'), 'update');
  const signedBytes = bytes.subarray(0, c.offset);
  const signature = c.take(c.u16('signature length'), 'signature');
  if (c.left > 0) throw new ReferatFileError('trailingBytes', `${c.left} bytes after the signature`);
  const header = decodeHeader(headerBytes, fileVersion);
  if (sha256Hex(update) !== header.updateSha256) {
    throw new ReferatFileError('hashMismatch', 'the update does not match its SHA-256 in the header');
  }
  return { header, update, signature, signedBytes };
}

/**
 * Reads only the header, for a first look on the main thread: the update, hash and signature are NOT checked,
 * so nothing in it may be trusted until the file has been parsed and verified. Throws ReferatFileError.
 */
export function peekReferatFileHeader(bytes: Uint8Array, maxBytes = DEFAULT_MAX_REFERAT_FILE_BYTES): ReferatFileHeader {
  const { fileVersion, headerBytes } = readFrame(bytes, maxBytes);
  return decodeHeader(headerBytes, fileVersion);
}

/** True when the header's fingerprint belongs to its key and that key signed the file; never throws. */
export async function verifyReferatFile(parsed: ParsedReferatFile): Promise<boolean> {
  const { publicKey, algorithm, fingerprint } = parsed.header.sender;
  let actual: string;
  try {
    actual = await keyFingerprint(publicKey);
  } catch {
    return false;
  }
  if (actual !== fingerprint) return false;
  return verifySignature(publicKey, algorithm, parsed.signature, parsed.signedBytes);
}
