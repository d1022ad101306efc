// The JSON header of a `.referat` file: who sent it, for which referat, and how it relates to the receiver's copy.
import * as Y from 'yjs';
import { base64ToBytes } from './base64';
import { FINGERPRINT_PATTERN } from './fingerprint';
import { isPublicKeyJwk, publicKeyJwk, SIGNATURE_ALGORITHMS, type PublicKeyJwk, type SignatureAlgorithm } from './publicKeyJwk';
import { ORGANISATION_KINDS, profileProblems, type OrganisationKind } from './profile';
import { isReferatId } from './referatId';
import { ReferatFileError } from './referatFileError';

export interface ReferatFileSender {
  name: string;
  organisation: string;
  organisationKind: OrganisationKind;
  publicKey: PublicKeyJwk;
  algorithm: SignatureAlgorithm;
  /** `keyFingerprint(publicKey)`; a reader recomputes it and refuses a file where it differs. */
  fingerprint: string;
}

export interface ReferatFileHeader {
  fileVersion: number;
  docId: string;
  title: string;
  /** ISO 8601 time of export. */
  createdAt: string;
  sender: ReferatFileSender;
  /** Base64 of the sender's full Yjs state vector at export. */
  stateVector: string;
  /** Base64 state vector the update is relative to, or null when the update is the whole document. */
  base: string | null;
  /** Lowercase hex SHA-256 of the update bytes. */
  updateSha256: string;
}

export const MAX_FILE_TITLE = 500;
const MAX_CREATED_AT = 40;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const HEADER_KEYS = ['fileVersion', 'docId', 'title', 'createdAt', 'sender', 'stateVector', 'base', 'updateSha256'];
const SENDER_KEYS = ['name', 'organisation', 'organisationKind', 'publicKey', 'algorithm', 'fingerprint'];

function bad(detail: string): never {
  throw new ReferatFileError('badHeader', detail);
}

function record(value: unknown, where: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(`${where} is not an object`);
  const extra = Object.keys(value).filter((k) => !keys.includes(k));
  if (extra.length > 0) bad(`${where} has unknown fields: ${extra.slice(0, 5).join(', ').slice(0, 100)}`);
  const missing = keys.filter((k) => !Object.hasOwn(value, k));
  if (missing.length > 0) bad(`${where} lacks ${missing.join(', ')}`);
  return value as Record<string, unknown>;
}

function string(value: unknown, where: string, max: number): string {
  if (typeof value !== 'string') bad(`${where} is not a string`);
  if (value.length > max) bad(`${where} is longer than ${max} characters`);
  return value;
}

function stateVector(value: unknown, where: string): string {
  if (typeof value !== 'string') bad(`${where} is not a string`);
  const bytes = base64ToBytes(value);
  if (bytes === null) bad(`${where} is not canonical base64`);
  try {
    Y.decodeStateVector(bytes);
  } catch {
    bad(`${where} is not a Yjs state vector`);
  }
  return value;
}

/** Checks every field's type, shape and size; throws ReferatFileError('badHeader') naming the first problem. */
export function readReferatFileHeader(value: unknown, fileVersion: number): ReferatFileHeader {
  const h = record(value, 'header', HEADER_KEYS);
  if (h.fileVersion !== fileVersion) bad(`header.fileVersion is not ${fileVersion}`);
  const docId = string(h.docId, 'header.docId', 36);
  if (!isReferatId(docId)) bad('header.docId is not a referat id');
  const title = string(h.title, 'header.title', MAX_FILE_TITLE);
  const createdAt = string(h.createdAt, 'header.createdAt', MAX_CREATED_AT);
  if (!ISO_TIME.test(createdAt) || Number.isNaN(Date.parse(createdAt))) bad('header.createdAt is not an ISO 8601 time');

  const s = record(h.sender, 'header.sender', SENDER_KEYS);
  const algorithm = s.algorithm as SignatureAlgorithm;
  if (!SIGNATURE_ALGORITHMS.includes(algorithm)) bad('header.sender.algorithm is not ECDSA-P256 or Ed25519');
  if (!isPublicKeyJwk(s.publicKey, algorithm)) bad(`header.sender.publicKey is not exactly an ${algorithm} public key`);
  const fingerprint = string(s.fingerprint, 'header.sender.fingerprint', 39);
  if (!FINGERPRINT_PATTERN.test(fingerprint)) bad('header.sender.fingerprint is not 8 groups of 4 hex digits');
  const name = string(s.name, 'header.sender.name', 200);
  const organisation = string(s.organisation, 'header.sender.organisation', 200);
  const organisationKind = s.organisationKind as OrganisationKind;
  if (!ORGANISATION_KINDS.includes(organisationKind)) bad('header.sender.organisationKind is unknown');
  if (profileProblems({ name, organisation, organisationKind }).length > 0) bad('header.sender is not a usable profile');

  const updateSha256 = string(h.updateSha256, 'header.updateSha256', 64);
  if (!SHA256_HEX.test(updateSha256)) bad('header.updateSha256 is not 64 lowercase hex digits');
  return {
    fileVersion,
    docId,
    title,
    createdAt,
    sender: { name, organisation, organisationKind, publicKey: publicKeyJwk(s.publicKey, algorithm), algorithm, fingerprint },
    stateVector: stateVector(h.stateVector, 'header.stateVector'),
    base: h.base === null ? null : stateVector(h.base, 'header.base'),
    updateSha256,
  };
}
