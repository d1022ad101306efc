// Sealing and opening relay entries: signed with the device key, then encrypted with the mailbox's content key.
import { base64UrlToBytes, bytesToBase64Url } from './base64';
import { keyFingerprint } from './fingerprint';
import { isPublicKeyJwk, publicKeyJwk, type PublicKeyJwk, type SignatureAlgorithm } from './publicKeyJwk';
import {
  decodeInner,
  decodeOuter,
  encodeInnerUnsigned,
  encodeOuter,
  encodeOuterHead,
  innerSigningInput,
  IV_BYTES,
  MAILBOX_HINT_BYTES,
  MAX_ANY_ENTRY_BYTES,
  MAX_ENTRY_BYTES,
  outerAdditionalData,
  peekKind,
  SIGNATURE_BYTES,
  type RelayKind,
} from './relayEntryLayout';
import { fingerprintBytes, fingerprintText, senderTag, type RelayKeys } from './relayKeys';
import { refuse, type RelayRefusal } from './relayRefusal';
import { sha256 } from './sha256';
import { verifySignature, type Signer } from './signature';

export interface SealInput {
  keys: RelayKeys;
  signer: Signer;
  kind: RelayKind;
  /** 1, 2, 3 … per sender and kind in this mailbox; never reused (relayCursor.ts keeps the count). */
  seq: number;
  /** A Yjs update (v1), a snapshot body or an acknowledgement body. */
  body: Uint8Array;
  now: number;
}

/** An entry that passed every check, with who signed it. */
export interface OpenedEntry {
  ok: true;
  kind: RelayKind;
  seq: number;
  /** The sender's pseudonym in this mailbox (the key it is stored under). */
  tag: string;
  fingerprint: string;
  algorithm: SignatureAlgorithm;
  publicKey: PublicKeyJwk;
  /** The sender's clock when it sealed the entry, ms since 1970: shown, never trusted for order. */
  createdAt: number;
  body: Uint8Array;
}

/** What the receiver expects of an entry from where it found it; a mismatch is a `replay`. */
export interface OpenExpectation {
  kind?: RelayKind;
  tag?: string;
  seq?: number;
  /** The entry's seq must be above this (the newest acknowledgement or snapshot already seen from this sender). */
  after?: number;
  /** True when this receiver already applied that (tag, seq) of an update. */
  applied?: (tag: string, seq: number) => boolean;
}

function rawPublicKey(jwk: PublicKeyJwk): Uint8Array {
  const x = base64UrlToBytes(jwk.x) as Uint8Array;
  if (jwk.kty === 'OKP') return x;
  const out = new Uint8Array(64);
  out.set(x, 0);
  out.set(base64UrlToBytes(jwk.y) as Uint8Array, 32);
  return out;
}

function jwkOf(algorithm: SignatureAlgorithm, raw: Uint8Array): PublicKeyJwk | null {
  const jwk =
    algorithm === 'Ed25519'
      ? { kty: 'OKP', crv: 'Ed25519', x: bytesToBase64Url(raw) }
      : { kty: 'EC', crv: 'P-256', x: bytesToBase64Url(raw.subarray(0, 32)), y: bytesToBase64Url(raw.subarray(32)) };
  return isPublicKeyJwk(jwk, algorithm) ? jwk : null;
}

/** Signs the body with the device key, encrypts the signed record, and frames it. Throws only on bad local input. */
export async function sealEntry(input: SealInput): Promise<Uint8Array> {
  const { keys, signer, kind, seq, body } = input;
  if (body.length > MAX_ENTRY_BYTES[kind]) throw new Error(`A relay ${kind} entry may not exceed ${MAX_ENTRY_BYTES[kind]} bytes`);
  const publicKey = publicKeyJwk(signer.publicKey, signer.algorithm);
  const fingerprint = fingerprintBytes(await keyFingerprint(publicKey)) as Uint8Array;
  const { record, signingInput } = encodeInnerUnsigned({
    algorithm: signer.algorithm,
    fingerprint,
    publicKey: rawPublicKey(publicKey),
    mailbox: keys.mailboxBytes,
    kind,
    seq,
    createdAt: Math.floor(input.now),
    body,
  });
  const signature = await signer.sign(signingInput);
  if (signature.length !== SIGNATURE_BYTES) throw new Error('The device key made a signature of an unexpected length');
  record.set(signature, record.length - SIGNATURE_BYTES);
  return encryptRecord(keys, kind, await senderTag(keys, fingerprint), seq, record);
}

/** Encrypts an inner record under a clear head. Exported for tests that play a hostile member holding the key. */
export async function encryptRecord(keys: RelayKeys, kind: RelayKind, tag: string, seq: number, record: Uint8Array): Promise<Uint8Array> {
  const head = encodeOuterHead(kind, keys.mailboxBytes.subarray(0, MAILBOX_HINT_BYTES), tag, seq);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: outerAdditionalData(keys.mailboxBytes, head), tagLength: 128 },
    keys.contentKey,
    new Uint8Array(record),
  );
  const out = encodeOuter(head, iv, new Uint8Array(ciphertext));
  if (out.length > MAX_ENTRY_BYTES[kind]) throw new Error(`A relay ${kind} entry may not exceed ${MAX_ENTRY_BYTES[kind]} bytes`);
  return out;
}

/** Decrypts an entry's inner record, or null when AES-GCM refuses it. Exported for tests that play a hostile member. */
export async function decryptRecord(keys: RelayKeys, bytes: Uint8Array): Promise<Uint8Array | null> {
  const outer = decodeOuter(bytes);
  if (!outer.ok) return null;
  const { iv, ciphertext, head } = outer.value;
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(iv), additionalData: outerAdditionalData(keys.mailboxBytes, head), tagLength: 128 },
      keys.contentKey,
      new Uint8Array(ciphertext),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Checks an entry from the envelope in this order, cheapest first: size, frame, mailbox, where it was found, AES-GCM,
 * the inner record, the signed mailbox, kind and seq, the key's fingerprint and sender tag, the signature. Returns the
 * body only when all pass; otherwise a refusal naming the first failure. Never throws, whatever `bytes` is.
 */
export async function openEntry(bytes: unknown, keys: RelayKeys, expect: OpenExpectation = {}): Promise<OpenedEntry | RelayRefusal> {
  try {
    return await open(bytes, keys, expect);
  } catch {
    return refuse('malformed', 'the entry could not be read');
  }
}

async function open(bytes: unknown, keys: RelayKeys, expect: OpenExpectation): Promise<OpenedEntry | RelayRefusal> {
  if (!(bytes instanceof Uint8Array)) return refuse('malformed', 'the entry is not binary');
  if (bytes.length > MAX_ANY_ENTRY_BYTES) return refuse('tooLarge', `the entry is larger than ${MAX_ANY_ENTRY_BYTES} bytes`);
  const kindByte = peekKind(bytes);
  if (kindByte !== null && bytes.length > MAX_ENTRY_BYTES[kindByte]) {
    return refuse('tooLarge', `the ${kindByte} entry is larger than ${MAX_ENTRY_BYTES[kindByte]} bytes`);
  }
  const outer = decodeOuter(bytes);
  if (!outer.ok) return refuse('malformed', `the entry frame ${outer.detail}`);
  const { kind, tag, seq, mailboxHint } = outer.value;
  if (!sameBytes(mailboxHint, keys.mailboxBytes.subarray(0, MAILBOX_HINT_BYTES))) {
    return refuse('wrongMailbox', 'the entry was made for another mailbox');
  }
  if (expect.kind !== undefined && expect.kind !== kind) return refuse('replay', `a ${kind} entry where a ${expect.kind} belongs`);
  if ((expect.tag !== undefined && expect.tag !== tag) || (expect.seq !== undefined && expect.seq !== seq)) {
    return refuse('replay', `the entry of ${tag}/${seq} is stored under another sender or number`);
  }
  if (expect.after !== undefined && seq <= expect.after) return refuse('replay', `${kind} ${seq} is not newer than ${expect.after}`);
  if (kind === 'update' && expect.applied?.(tag, seq)) return refuse('replay', `update ${tag}/${seq} was already applied`);

  const record = await decryptRecord(keys, bytes);
  if (record === null) return refuse('badCiphertext', 'the entry does not decrypt with this mailbox key');
  const inner = decodeInner(record);
  if (!inner.ok) return refuse('malformed', `the signed record ${inner.detail}`);
  const e = inner.value.entry;
  if (!sameBytes(e.mailbox, keys.mailboxBytes)) return refuse('wrongMailbox', 'the entry was signed for another mailbox');
  if (e.kind !== kind || e.seq !== seq) return refuse('replay', `signed as ${e.kind} ${e.seq}, framed as ${kind} ${seq}`);

  const publicKey = jwkOf(e.algorithm, e.publicKey);
  if (publicKey === null) return refuse('badSignature', 'the public key is not a valid key');
  const fingerprint = await keyFingerprint(publicKey);
  if (fingerprint !== fingerprintText(e.fingerprint)) return refuse('badSignature', 'the public key does not match the fingerprint');
  if ((await senderTag(keys, e.fingerprint)) !== tag) return refuse('badSignature', 'the fingerprint is not the sender the entry names');
  const signed = innerSigningInput(inner.value.head, sha256(e.body));
  if (!(await verifySignature(publicKey, e.algorithm, e.signature, signed))) {
    return refuse('badSignature', 'the signature does not verify');
  }
  return { ok: true, kind, seq, tag, fingerprint, algorithm: e.algorithm, publicKey, createdAt: e.createdAt, body: e.body };
}
