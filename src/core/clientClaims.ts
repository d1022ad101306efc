// Signed client-id claims (the top-level map `claims`): which device key wrote with which Yjs client id, so
// "who wrote what" rests on signatures, never on what a peer announces (docs/FORMAT.md, `claims`).
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from './base64';
import { canonicalJson } from './canonicalContent';
import { CLAIMS } from './docLayout';
import { keyFingerprint } from './fingerprint';
import { isPublicKeyJwk, publicKeyJwk, SIGNATURE_ALGORITHMS, type PublicKeyJwk, type SignatureAlgorithm } from './publicKeyJwk';
import { metaMap } from './referatDoc';
import { verifySignature, type Signer } from './signature';
import { entrySigningInput } from './signedEntry';
import { keyItems } from './yjsInternals';

/** One claim: the value stored under the client id's decimal string, plain JSON. */
export interface ClientClaim {
  clientId: number;
  docId: string;
  fingerprint: string;
  algorithm: SignatureAlgorithm;
  publicKey: PublicKeyJwk;
  /** ISO 8601 time of the claim. */
  claimedAt: string;
  /** Base64 of the signature over the canonical JSON of every other member, 64 bytes. */
  signature: string;
}

/** One value ever written to `claims` (overwritten ones included: the history is kept), as stored. */
export interface ClaimEntry {
  /** The map key: should be the claimed client id as a decimal string. */
  key: string;
  /** The Yjs client id that wrote this map entry: a claim counts only when it equals the claimed id. */
  writer: number;
  clock: number;
  value: unknown;
}

/** A client id someone else tried to claim: ignored for authorship, shown as conflicting. */
export interface ConflictingClaim {
  clientId: number;
  /** The fingerprint the entry names, or null when it names none. */
  fingerprint: string | null;
  writer: number;
}

export interface ClaimCheck {
  /** Client id → the fingerprint of the key whose verified claim owns it. */
  owners: Map<number, string>;
  conflicting: ConflictingClaim[];
}

export function claimsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CLAIMS);
}

/** UTF-8 of the canonical JSON of every member except `signature`: the rule of every signed entry. */
export const claimSigningInput = entrySigningInput;

/** Signs a claim of `clientId` in referat `docId` with the device key; writes nothing. */
export async function signClaim(signer: Signer, clientId: number, docId: string, now = new Date()): Promise<ClientClaim> {
  const publicKey = publicKeyJwk(signer.publicKey, signer.algorithm);
  const unsigned = { clientId, docId, fingerprint: await keyFingerprint(publicKey), algorithm: signer.algorithm, publicKey, claimedAt: now.toISOString() };
  return { ...unsigned, signature: bytesToBase64(await signer.sign(claimSigningInput(unsigned))) };
}

/** Writes a claim of this document's own client id, once: false (nothing written) for another client id or a second claim. */
export function writeClaim(doc: Y.Doc, claim: ClientClaim): boolean {
  if (claim.clientId !== doc.clientID) return false;
  const map = claimsMap(doc);
  const key = String(claim.clientId);
  if (map.has(key)) return false;
  map.set(key, { ...claim });
  return true;
}

/** Every value ever written to `claims`, oldest first per key (the chain of a map key holds its overwritten values). */
export function readClaimEntries(doc: Y.Doc): ClaimEntry[] {
  const out: ClaimEntry[] = [];
  for (const [key, last] of keyItems(claimsMap(doc))) {
    const chain: ClaimEntry[] = [];
    for (let item: Y.Item | null = last; item !== null; item = item.left) {
      const value = item.content instanceof Y.ContentAny ? item.content.arr[0] : item.content instanceof Y.ContentDeleted ? undefined : null;
      if (value !== undefined) chain.push({ key, writer: item.id.client, clock: item.id.clock, value });
    }
    out.push(...chain.toReversed());
  }
  return out;
}

const verified = new Map<string, boolean>();
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function check(m: Record<string, unknown>, docId: string): Promise<boolean> {
  const algorithm = str(m.algorithm) as SignatureAlgorithm | null;
  if (algorithm === null || !SIGNATURE_ALGORITHMS.includes(algorithm)) return false;
  if (!isPublicKeyJwk(m.publicKey, algorithm)) return false;
  if (str(m.fingerprint) !== (await keyFingerprint(m.publicKey))) return false;
  if (m.docId !== docId || typeof m.clientId !== 'number' || !Number.isSafeInteger(m.clientId) || str(m.claimedAt) === null) return false;
  const signature = base64ToBytes(str(m.signature) ?? '');
  if (signature === null || signature.length !== 64) return false;
  return verifySignature(m.publicKey, algorithm, signature, claimSigningInput(m));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** True when the entry is a well-formed claim of its own key's client id, for `docId`, written by that client, and its signature verifies. */
export async function verifyClaimEntry(entry: ClaimEntry, docId: string): Promise<boolean> {
  const v = entry.value;
  if (!isRecord(v) || String(v.clientId) !== entry.key || v.clientId !== entry.writer) return false;
  const cacheKey = canonicalJson(v);
  const cached = verified.get(cacheKey);
  if (cached !== undefined) return cached && v.docId === docId;
  const ok = await check(v, docId).catch(() => false);
  verified.set(cacheKey, ok);
  return ok;
}

/** The result of an earlier verification of this entry on this device, or undefined. */
function knownClaimEntry(entry: ClaimEntry, docId: string): boolean | undefined {
  const v = entry.value;
  if (!isRecord(v) || String(v.clientId) !== entry.key || v.clientId !== entry.writer) return false;
  const cached = verified.get(canonicalJson(v));
  return cached === undefined ? undefined : cached && v.docId === docId;
}

function decide(entries: ClaimEntry[], valid: boolean[]): ClaimCheck {
  const owners = new Map<number, string>();
  const ownerClock = new Map<number, number>();
  entries.forEach((e, i) => {
    if (!valid[i]) return;
    const clientId = e.writer;
    const before = ownerClock.get(clientId);
    // The first claim its own client wrote wins; the key of a valid claim is its fingerprint.
    if (before === undefined || e.clock < before) {
      owners.set(clientId, (e.value as ClientClaim).fingerprint);
      ownerClock.set(clientId, e.clock);
    }
  });
  const conflicting: ConflictingClaim[] = [];
  for (const e of entries) {
    const clientId = Number(e.key);
    const fingerprint = isRecord(e.value) && typeof e.value.fingerprint === 'string' ? e.value.fingerprint : null;
    if (!Number.isSafeInteger(clientId)) continue;
    const owner = owners.get(clientId);
    if (owner !== undefined && fingerprint === owner && e.writer === clientId) continue;
    if (owner === undefined && e.writer === clientId) continue;
    conflicting.push({ clientId, fingerprint, writer: e.writer });
  }
  return { owners, conflicting };
}

function docIdOf(doc: Y.Doc): string {
  const id = metaMap(doc).get('id');
  return typeof id === 'string' ? id : '';
}

/**
 * Verifies every claim: a client id belongs to the key of the first claim that client itself wrote (the map entry's
 * Yjs item id has that client) whose signature verifies for this referat. Any other claim of it is conflicting.
 */
export async function checkClaims(doc: Y.Doc): Promise<ClaimCheck> {
  const docId = docIdOf(doc);
  const entries = readClaimEntries(doc);
  const valid = await Promise.all(entries.map((e) => verifyClaimEntry(e, docId)));
  return decide(entries, valid);
}

/** Client id → fingerprint of its verified owner. */
export async function verifyClaims(doc: Y.Doc): Promise<Map<number, string>> {
  return (await checkClaims(doc)).owners;
}

/** The same as checkClaims, counting only signatures already verified on this device (for a synchronous render). */
export function checkClaimsSync(doc: Y.Doc): ClaimCheck {
  const docId = docIdOf(doc);
  const entries = readClaimEntries(doc);
  return decide(entries, entries.map((e) => knownClaimEntry(e, docId) === true));
}
