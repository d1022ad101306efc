// Organisation key lists (`.referat-noegler`): an administrator's signed list of the organisation's keys, its
// parsing with precise refusals, and its verification against this device's key directory (docs/FORMAT.md).
import { base64ToBytes, bytesToBase64 } from './base64';
import { canonicalJson } from './canonicalContent';
import { FINGERPRINT_PATTERN, keyFingerprint } from './fingerprint';
import type { KeyDirectory, KnownKey } from './knownKey';
import { MAX_PROFILE_FIELD, ORGANISATION_KINDS, type OrganisationKind } from './profile';
import { isPublicKeyJwk, publicKeyJwk, SIGNATURE_ALGORITHMS, type PublicKeyJwk, type SignatureAlgorithm } from './publicKeyJwk';
import { verifySignature, type Signer } from './signature';

export const KEY_LIST_FORMAT = 'referat-keylist/1';
export const KEY_LIST_EXTENSION = '.referat-noegler';
export const KEY_LIST_MEDIA_TYPE = 'application/json';
export const MAX_KEY_LIST_BYTES = 1024 * 1024;
export const MAX_KEY_LIST_KEYS = 5000;

export interface KeyListEntry {
  name: string;
  fingerprint: string;
  /** `YYYY-MM-DD`, or '' for an open end. */
  validFrom: string;
  validTo: string;
}

export interface KeyListAdministrator {
  name: string;
  algorithm: SignatureAlgorithm;
  publicKey: PublicKeyJwk;
  fingerprint: string;
}

/** Everything the signature covers. */
export interface KeyListContent {
  format: typeof KEY_LIST_FORMAT;
  organisation: string;
  organisationKind: OrganisationKind;
  /** ISO 8601 time the list was made. */
  issuedAt: string;
  administrator: KeyListAdministrator;
  keys: KeyListEntry[];
}

export interface SignedKeyList extends KeyListContent {
  /** Base64 signature by the administrator's key over the canonical JSON of everything but `signature`. */
  signature: string;
}

export type KeyListErrorCode = 'malformed' | 'unsigned' | 'badSignature' | 'adminNotConfirmed' | 'wrongOrganisation' | 'expired';

/** A refused key list; `detail` says what, in English, for logs and tests. */
export class KeyListError extends Error {
  constructor(
    readonly code: KeyListErrorCode,
    readonly detail: string,
  ) {
    super(`Key list refused (${code}): ${detail}`);
    this.name = 'KeyListError';
  }
}

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TOP_MEMBERS = ['format', 'organisation', 'organisationKind', 'issuedAt', 'administrator', 'keys', 'signature'];
const ADMIN_MEMBERS = ['name', 'algorithm', 'publicKey', 'fingerprint'];
const KEY_MEMBERS = ['name', 'fingerprint', 'validFrom', 'validTo'];

const malformed = (detail: string) => new KeyListError('malformed', detail);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function onlyMembers(v: Record<string, unknown>, allowed: readonly string[], where: string): void {
  const extra = Object.keys(v).find((k) => !allowed.includes(k));
  if (extra !== undefined) throw malformed(`unknown member "${extra}" in ${where}`);
}

function text(v: unknown, where: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw malformed(`${where} is missing`);
  if (v.length > MAX_PROFILE_FIELD) throw malformed(`${where} is longer than ${MAX_PROFILE_FIELD} characters`);
  return v;
}

function day(v: unknown, where: string): string {
  if (v === '') return '';
  if (typeof v !== 'string' || !ISO_DAY.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw malformed(`${where} is not a date (YYYY-MM-DD) or ''`);
  return v;
}

function fingerprint(v: unknown, where: string): string {
  if (typeof v !== 'string' || !FINGERPRINT_PATTERN.test(v)) throw malformed(`${where} is not a fingerprint`);
  return v;
}

function entry(v: unknown, i: number): KeyListEntry {
  const where = `keys[${i}]`;
  if (!isObject(v)) throw malformed(`${where} is not an object`);
  onlyMembers(v, KEY_MEMBERS, where);
  const e = { name: text(v.name, `${where}.name`), fingerprint: fingerprint(v.fingerprint, `${where}.fingerprint`), validFrom: day(v.validFrom, `${where}.validFrom`), validTo: day(v.validTo, `${where}.validTo`) };
  if (e.validFrom && e.validTo && e.validFrom > e.validTo) throw malformed(`${where} is valid to before it is valid from`);
  return e;
}

/** The content's members in a fixed shape, checked strictly; throws `malformed` or `unsigned`. */
function shape(value: unknown): SignedKeyList {
  if (!isObject(value)) throw malformed('not a JSON object');
  if (value.format !== KEY_LIST_FORMAT) throw malformed(`format is not "${KEY_LIST_FORMAT}"`);
  onlyMembers(value, TOP_MEMBERS, 'the list');
  const organisation = text(value.organisation, 'organisation');
  if (!(ORGANISATION_KINDS as readonly unknown[]).includes(value.organisationKind)) throw malformed('organisationKind is not kommune, leverandoer or andet');
  if (typeof value.issuedAt !== 'string' || value.issuedAt.length > 40 || Number.isNaN(Date.parse(value.issuedAt))) throw malformed('issuedAt is not a time');
  const a = value.administrator;
  if (!isObject(a)) throw malformed('administrator is missing');
  onlyMembers(a, ADMIN_MEMBERS, 'administrator');
  if (!(SIGNATURE_ALGORITHMS as readonly unknown[]).includes(a.algorithm)) throw malformed('administrator.algorithm is not ECDSA-P256 or Ed25519');
  const algorithm = a.algorithm as SignatureAlgorithm;
  if (!isPublicKeyJwk(a.publicKey, algorithm)) throw malformed(`administrator.publicKey is not an ${algorithm} public key`);
  const administrator: KeyListAdministrator = { name: text(a.name, 'administrator.name'), algorithm, publicKey: a.publicKey, fingerprint: fingerprint(a.fingerprint, 'administrator.fingerprint') };
  if (!Array.isArray(value.keys)) throw malformed('keys is not a list');
  if (value.keys.length === 0) throw malformed('keys is empty');
  if (value.keys.length > MAX_KEY_LIST_KEYS) throw malformed(`more than ${MAX_KEY_LIST_KEYS} keys`);
  const keys = value.keys.map(entry);
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k.fingerprint)) throw malformed(`key ${k.fingerprint} is listed twice`);
    seen.add(k.fingerprint);
  }
  if (value.signature === undefined || value.signature === '') throw new KeyListError('unsigned', 'the list has no signature');
  if (typeof value.signature !== 'string' || value.signature.length > 200) throw new KeyListError('badSignature', 'the signature is not base64');
  return { format: KEY_LIST_FORMAT, organisation, organisationKind: value.organisationKind as OrganisationKind, issuedAt: value.issuedAt, administrator, keys, signature: value.signature };
}

/** Reads a key list file's bytes: size, UTF-8, JSON, shape and presence of a signature. Verifies nothing yet. */
export function parseKeyList(bytes: Uint8Array): SignedKeyList {
  if (!(bytes instanceof Uint8Array)) throw malformed('not a file');
  if (bytes.byteLength > MAX_KEY_LIST_BYTES) throw malformed(`larger than ${MAX_KEY_LIST_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw malformed('not UTF-8 JSON');
  }
  return shape(value);
}

/** The exact bytes the signature covers: the canonical JSON (sorted members, no whitespace) without `signature`. */
export function keyListSignedBytes(content: KeyListContent): Uint8Array {
  const { format, organisation, organisationKind, issuedAt, administrator, keys } = content;
  return new TextEncoder().encode(canonicalJson({ format, organisation, organisationKind, issuedAt, administrator, keys }));
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

export interface VerifiedKeyList {
  list: SignedKeyList;
  /** The administrator as confirmed on this device. */
  administrator: KnownKey;
  /** The list's keys as directory entries: confirmed for the administrator's confirmed organisation, via the administrator. */
  keys: KnownKey[];
}

/**
 * Parses and verifies a key list against this device's directory, in this order: malformed, unsigned,
 * badSignature (also a fingerprint that is not the public key's), adminNotConfirmed, wrongOrganisation, expired.
 */
export async function verifyKeyList(bytes: Uint8Array, dir: KeyDirectory, opts: { now?: Date } = {}): Promise<VerifiedKeyList> {
  const now = opts.now ?? new Date();
  const list = parseKeyList(bytes);
  const admin = list.administrator;
  if ((await keyFingerprint(admin.publicKey)) !== admin.fingerprint) throw new KeyListError('badSignature', 'administrator.fingerprint is not the fingerprint of administrator.publicKey');
  const signature = base64ToBytes(list.signature);
  if (!signature || !(await verifySignature(admin.publicKey, admin.algorithm, signature, keyListSignedBytes(list)))) {
    throw new KeyListError('badSignature', 'the signature does not match the list: it was changed after signing, or signed with another key');
  }
  const confirmed = dir.confirmed(admin.fingerprint, now);
  if (!confirmed) throw new KeyListError('adminNotConfirmed', `the administrator key ${admin.fingerprint} is not confirmed on this device`);
  if (norm(confirmed.organisation) !== norm(list.organisation)) {
    throw new KeyListError('wrongOrganisation', `the administrator key is confirmed for ${confirmed.organisation}, the list names ${list.organisation}`);
  }
  const today = now.toISOString().slice(0, 10);
  if (list.keys.every((k) => k.validTo !== '' && k.validTo < today)) throw new KeyListError('expired', `every key's validity ended before ${today}`);
  const confirmedAt = now.toISOString();
  const keys = list.keys.map(
    (k): KnownKey => ({
      fingerprint: k.fingerprint,
      name: k.name.trim().replace(/\s+/g, ' '),
      organisation: confirmed.organisation,
      organisationKind: confirmed.organisationKind,
      confirmedBy: 'keyList',
      confirmedAt,
      via: admin.fingerprint,
      validFrom: k.validFrom,
      validTo: k.validTo,
    }),
  );
  return { list, administrator: confirmed, keys };
}

export interface KeyListDraft {
  organisation: string;
  organisationKind: OrganisationKind;
  administratorName: string;
  keys: KeyListEntry[];
  issuedAt?: Date;
}

/** Makes and signs a key list; returns the file's text (pretty JSON). Throws `malformed` for a bad draft. */
export async function signKeyList(draft: KeyListDraft, signer: Signer): Promise<string> {
  const publicKey = publicKeyJwk(signer.publicKey, signer.algorithm);
  const content: KeyListContent = {
    format: KEY_LIST_FORMAT,
    organisation: draft.organisation,
    organisationKind: draft.organisationKind,
    issuedAt: (draft.issuedAt ?? new Date()).toISOString(),
    administrator: { name: draft.administratorName, algorithm: signer.algorithm, publicKey, fingerprint: await keyFingerprint(publicKey) },
    keys: draft.keys.map((k) => ({ name: k.name, fingerprint: k.fingerprint, validFrom: k.validFrom, validTo: k.validTo })),
  };
  // The same checks a reader makes, so no administrator hands out a list others must refuse.
  shape({ ...content, signature: 'x' });
  const signature = bytesToBase64(await signer.sign(keyListSignedBytes(content)));
  const file: SignedKeyList = { ...content, signature };
  return `${JSON.stringify(file, null, 2)}\n`;
}
