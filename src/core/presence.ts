// What a live peer tells the others about itself (awareness state), and the strict check of what arrives.
import { FINGERPRINT_PATTERN } from './fingerprint';
import { ORGANISATION_KINDS, type OrganisationKind } from './profile';
import { isPublicKeyJwk, SIGNATURE_ALGORITHMS, type PublicKeyJwk, type SignatureAlgorithm } from './publicKeyJwk';

export interface Presence {
  name: string;
  organisation: string;
  organisationKind: OrganisationKind;
  /** The key fingerprint the peer claims; proven only by its peer proof (core/peerProof.ts). */
  fingerprint: string;
  /** The peer's signing algorithm and public key; null from a version that did not announce them (never proven). */
  algorithm: SignatureAlgorithm | null;
  publicKey: PublicKeyJwk | null;
  color: string;
  /** Base64 of the peer's Yjs state vector, announced for the copy ledger. */
  stateVector: string;
  /** Hex SHA-256 of the peer's delete set and of its canonical content (core/divergence.ts); '' when not announced. */
  deleteSetHash: string;
  contentHash: string;
}

const MAX = 200;
const MAX_STATE_VECTOR = 100_000;
const COLOR = /^#[0-9a-f]{6}$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const HASH = /^([0-9a-f]{64})?$/;

/** Returns the presence inside an awareness state, or null if it is missing or malformed; every field is bounded. */
export function parsePresence(state: unknown): Presence | null {
  if (typeof state !== 'object' || state === null) return null;
  const p = (state as Record<string, unknown>).presence;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return null;
  const v = p as Record<string, unknown>;
  const str = (k: string, max = MAX) => (typeof v[k] === 'string' && (v[k] as string).length <= max ? (v[k] as string) : null);
  const name = str('name');
  const organisation = str('organisation');
  const kind = str('organisationKind') as OrganisationKind | null;
  const fingerprint = str('fingerprint', 39);
  const color = str('color', 7);
  const stateVector = str('stateVector', MAX_STATE_VECTOR);
  const deleteSetHash = v.deleteSetHash === undefined ? '' : str('deleteSetHash', 64);
  const contentHash = v.contentHash === undefined ? '' : str('contentHash', 64);
  if (name === null || organisation === null || fingerprint === null || color === null || stateVector === null) return null;
  if (!kind || !ORGANISATION_KINDS.includes(kind) || !COLOR.test(color) || !BASE64.test(stateVector)) return null;
  if (!FINGERPRINT_PATTERN.test(fingerprint) || deleteSetHash === null || contentHash === null) return null;
  if (!HASH.test(deleteSetHash) || !HASH.test(contentHash)) return null;
  let algorithm: SignatureAlgorithm | null = null;
  let publicKey: PublicKeyJwk | null = null;
  if (v.algorithm !== undefined || v.publicKey !== undefined) {
    // A key that is announced must be well formed; a peer without one is listed, never proven.
    const alg = SIGNATURE_ALGORITHMS.find((a) => a === v.algorithm);
    if (!alg || !isPublicKeyJwk(v.publicKey, alg)) return null;
    algorithm = alg;
    publicKey = { ...v.publicKey };
  }
  return { name, organisation, organisationKind: kind, fingerprint, algorithm, publicKey, color, stateVector, deleteSetHash, contentHash };
}

/** Organisation colours: the same organisation always gets the same colour, each with AA contrast on white. */
const PALETTE = ['#1f4e79', '#8a3b12', '#2e6b30', '#6b2e6b', '#7a5c00', '#0f6b6b', '#9c1c4a', '#4a4a9c'];

export function organisationColor(organisation: string): string {
  let h = 0;
  for (const ch of organisation.trim().toLowerCase()) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#1f4e79';
}
