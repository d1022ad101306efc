// The byte layout of a relay entry (docs/RELAY.md, "Entry"): the clear outer frame the relay stores, and the signed
// inner record inside the ciphertext. Reading checks every length before using it; nothing here does cryptography.
import { base64UrlToBytes, bytesToBase64Url } from './base64';
import { RELAY_PROTOCOL, SENDER_TAG_BYTES } from './relayKeys';
import { sha256 } from './sha256';
import type { SignatureAlgorithm } from './publicKeyJwk';

export const RELAY_ENTRY_VERSION = 1;

/** `presence` travels only in the relay's awareness (live through the relay), never as a stored entry. */
export type RelayKind = 'update' | 'snapshot' | 'ack' | 'presence';
const KIND_CODES: Record<RelayKind, number> = { update: 1, snapshot: 2, ack: 3, presence: 4 };
const KINDS: readonly RelayKind[] = ['update', 'snapshot', 'ack', 'presence'];
const ALGORITHM_CODES: Record<SignatureAlgorithm, number> = { Ed25519: 1, 'ECDSA-P256': 2 };
const ALGORITHMS: readonly SignatureAlgorithm[] = ['Ed25519', 'ECDSA-P256'];

/**
 * The largest entry of each kind, in bytes, frame included. Each must travel in one relay message, whose default
 * limit is 4 MiB (server/relay.mjs, `maxMessageBytes`); the rest of that is Yjs and Hocuspocus framing.
 */
export const MAX_ENTRY_BYTES: Readonly<Record<RelayKind, number>> = {
  update: 3 * 1024 * 1024,
  snapshot: 3.5 * 1024 * 1024,
  ack: 64 * 1024,
  presence: 32 * 1024,
};
export const MAX_ANY_ENTRY_BYTES = MAX_ENTRY_BYTES.snapshot;

export const MAILBOX_HINT_BYTES = 8;
export const IV_BYTES = 12;
export const GCM_TAG_BYTES = 16;
export const SIGNATURE_BYTES = 64;
/** version, kind, mailbox hint, sender tag, seq: the part of the frame that is also additional data. */
export const OUTER_HEAD_BYTES = 1 + 1 + MAILBOX_HINT_BYTES + SENDER_TAG_BYTES + 4;
/** The whole clear frame before the ciphertext. */
export const OUTER_FRAME_BYTES = OUTER_HEAD_BYTES + IV_BYTES + 4;
export const MAX_SEQ = 0xffffffff;

/** The clear frame: what the relay can read. */
export interface OuterEntry {
  kind: RelayKind;
  mailboxHint: Uint8Array;
  /** The sender's pseudonym in this mailbox, base64url (relayKeys.ts, `senderTag`). */
  tag: string;
  seq: number;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  /** Bytes 0 … 29 as read: version through seq, bound into the AES-GCM additional data. */
  head: Uint8Array;
}

/** The signed record inside the ciphertext. */
export interface InnerEntry {
  algorithm: SignatureAlgorithm;
  fingerprint: Uint8Array;
  /** Ed25519: x (32 bytes); ECDSA P-256: x ‖ y (64 bytes). */
  publicKey: Uint8Array;
  mailbox: Uint8Array;
  kind: RelayKind;
  seq: number;
  /** The sender's clock, ms since 1970 (never trusted for ordering). */
  createdAt: number;
  body: Uint8Array;
  signature: Uint8Array;
}

export type LayoutResult<T> = { ok: true; value: T } | { ok: false; detail: string };

/** Reads big-endian fields, checking each length against what is left. Throws LayoutError. */
class Reader {
  at = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get left(): number {
    return this.bytes.length - this.at;
  }
  take(n: number, what: string): Uint8Array {
    if (n > this.left) throw new LayoutError(`ends inside the ${what}`);
    this.at += n;
    return this.bytes.subarray(this.at - n, this.at);
  }
  u8(what: string): number {
    return this.take(1, what)[0] as number;
  }
  u32(what: string): number {
    this.take(4, what);
    return this.view.getUint32(this.at - 4);
  }
  u64(what: string): number {
    this.take(8, what);
    const value = this.view.getBigUint64(this.at - 8);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new LayoutError(`${what} is out of range`);
    return Number(value);
  }
}

class LayoutError extends Error {}

function readKind(code: number): RelayKind {
  const kind = KINDS[code - 1];
  if (kind === undefined) throw new LayoutError(`unknown kind ${code}`);
  return kind;
}

function readSeq(r: Reader): number {
  const seq = r.u32('sequence number');
  if (seq < 1) throw new LayoutError('sequence number 0');
  return seq;
}

function attempt<T>(read: () => T): LayoutResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    return { ok: false, detail: e instanceof LayoutError ? e.message : 'unreadable' };
  }
}

/** Just the kind byte, for the size limit before anything else is read; null when there is none. */
export function peekKind(bytes: Uint8Array): RelayKind | null {
  const code = bytes[1];
  return bytes[0] === RELAY_ENTRY_VERSION && code !== undefined && code >= 1 && code <= KINDS.length ? readKind(code) : null;
}

export function decodeOuter(bytes: Uint8Array): LayoutResult<OuterEntry> {
  return attempt(() => {
    const r = new Reader(bytes);
    const version = r.u8('version');
    if (version !== RELAY_ENTRY_VERSION) throw new LayoutError(`entry version ${version} is not ${RELAY_ENTRY_VERSION}`);
    const kind = readKind(r.u8('kind'));
    const mailboxHint = r.take(MAILBOX_HINT_BYTES, 'mailbox hint');
    const tag = bytesToBase64Url(r.take(SENDER_TAG_BYTES, 'sender tag'));
    const seq = readSeq(r);
    const head = bytes.subarray(0, r.at);
    const iv = r.take(IV_BYTES, 'IV');
    const length = r.u32('ciphertext length');
    if (length !== r.left) throw new LayoutError(`ciphertext length ${length} is not the ${r.left} bytes left`);
    if (length < GCM_TAG_BYTES) throw new LayoutError('ciphertext shorter than its authentication tag');
    return { kind, mailboxHint, tag, seq, iv, ciphertext: r.take(length, 'ciphertext'), head };
  });
}

/** The clear head (version through seq) for a new entry. */
export function encodeOuterHead(kind: RelayKind, mailboxHint: Uint8Array, tag: string, seq: number): Uint8Array {
  const tagBytes = base64UrlToBytes(tag);
  if (tagBytes?.length !== SENDER_TAG_BYTES) throw new Error('Not a sender tag');
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new Error('Sequence number out of range');
  const head = new Uint8Array(OUTER_HEAD_BYTES);
  head[0] = RELAY_ENTRY_VERSION;
  head[1] = KIND_CODES[kind];
  head.set(mailboxHint.subarray(0, MAILBOX_HINT_BYTES), 2);
  head.set(tagBytes, 2 + MAILBOX_HINT_BYTES);
  new DataView(head.buffer).setUint32(2 + MAILBOX_HINT_BYTES + SENDER_TAG_BYTES, seq);
  return head;
}

export function encodeOuter(head: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const out = new Uint8Array(head.length + iv.length + 4 + ciphertext.length);
  out.set(head, 0);
  out.set(iv, head.length);
  new DataView(out.buffer).setUint32(head.length + iv.length, ciphertext.length);
  out.set(ciphertext, head.length + iv.length + 4);
  return out;
}

/** AES-GCM additional data: the protocol, the full mailbox id and the clear head, so none can be changed or moved. */
export function outerAdditionalData(mailbox: Uint8Array, head: Uint8Array): Uint8Array<ArrayBuffer> {
  const context = new TextEncoder().encode(`${RELAY_PROTOCOL} entry\0`);
  const out = new Uint8Array(context.length + mailbox.length + head.length);
  out.set(context, 0);
  out.set(mailbox, context.length);
  out.set(head, context.length + mailbox.length);
  return out;
}

function publicKeyBytes(algorithm: SignatureAlgorithm): number {
  return algorithm === 'Ed25519' ? 32 : 64;
}

/** The inner record's bytes up to (not including) the body: algorithm through body length. */
function innerHeadLength(algorithm: SignatureAlgorithm): number {
  return 1 + 16 + publicKeyBytes(algorithm) + 32 + 1 + 4 + 8 + 4;
}

/** The inner record without its signature, and the bytes that signature covers. */
export function encodeInnerUnsigned(e: Omit<InnerEntry, 'signature'>): { record: Uint8Array; signingInput: Uint8Array } {
  if (e.publicKey.length !== publicKeyBytes(e.algorithm) || e.fingerprint.length !== 16 || e.mailbox.length !== 32) {
    throw new Error('Inner entry fields have the wrong length');
  }
  const headLength = innerHeadLength(e.algorithm);
  const record = new Uint8Array(headLength + e.body.length + SIGNATURE_BYTES);
  const view = new DataView(record.buffer);
  let at = 0;
  record[at++] = ALGORITHM_CODES[e.algorithm];
  record.set(e.fingerprint, at);
  at += 16;
  record.set(e.publicKey, at);
  at += e.publicKey.length;
  record.set(e.mailbox, at);
  at += 32;
  record[at++] = KIND_CODES[e.kind];
  view.setUint32(at, e.seq);
  at += 4;
  view.setBigUint64(at, BigInt(e.createdAt));
  at += 8;
  view.setUint32(at, e.body.length);
  at += 4;
  record.set(e.body, at);
  return { record, signingInput: innerSigningInput(record.subarray(0, headLength), sha256(e.body)) };
}

/** What the device key signs: a context string, the inner head (algorithm through body length) and SHA-256 of the body. */
export function innerSigningInput(head: Uint8Array, bodyHash: Uint8Array): Uint8Array {
  const context = new TextEncoder().encode(`${RELAY_PROTOCOL} entry-signature\0`);
  const out = new Uint8Array(context.length + head.length + bodyHash.length);
  out.set(context, 0);
  out.set(head, context.length);
  out.set(bodyHash, context.length + head.length);
  return out;
}

/** Reads the inner record strictly: exact lengths, known codes, nothing after the signature. */
export function decodeInner(bytes: Uint8Array): LayoutResult<{ entry: InnerEntry; head: Uint8Array }> {
  return attempt(() => {
    const r = new Reader(bytes);
    const code = r.u8('algorithm');
    const algorithm = ALGORITHMS[code - 1];
    if (algorithm === undefined) throw new LayoutError(`unknown algorithm ${code}`);
    const fingerprint = r.take(16, 'fingerprint');
    const publicKey = r.take(publicKeyBytes(algorithm), 'public key');
    const mailbox = r.take(32, 'mailbox id');
    const kind = readKind(r.u8('kind'));
    const seq = readSeq(r);
    const createdAt = r.u64('time');
    const length = r.u32('body length');
    const head = bytes.subarray(0, r.at);
    const body = r.take(length, 'body');
    const signature = r.take(SIGNATURE_BYTES, 'signature');
    if (r.left !== 0) throw new LayoutError(`${r.left} bytes after the signature`);
    return { entry: { algorithm, fingerprint, publicKey, mailbox, kind, seq, createdAt, body, signature }, head };
  });
}
