// Signed client-id claims for the fuzz's peers, made synchronously (node:crypto Ed25519, keys derived from the
// client id, so a seed reproduces byte for byte), and the file gate run on every file a peer imports.
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import * as Y from 'yjs';
import { bytesToBase64 } from '../../../src/core/base64';
import { approvalSigningInput } from '../../../src/core/approvalSignature';
import { contentHash } from '../../../src/core/canonicalContent';
import { claimSigningInput, type ClientClaim } from '../../../src/core/clientClaims';
import { readMeta } from '../../../src/core/meta';
import { approvalsArray } from '../../../src/core/referatDoc';
import { claimRefusal } from '../../../src/sync/claimRefusal';
import { divergentClient, structsByClient } from '../../../src/sync/divergentClient';
import { receiverFacts } from '../../../src/sync/receiverFacts';

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

function keyOf(clientId: number) {
  const seed = createHash('sha256').update(`fuzz-key-${clientId}`).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: String(jwk.x) };
  const digest = createHash('sha256').update(JSON.stringify({ crv: publicKey.crv, kty: publicKey.kty, x: publicKey.x })).digest();
  const fingerprint = Array.from({ length: 8 }, (_, i) => digest.subarray(2 * i, 2 * i + 2).toString('hex').toUpperCase()).join(' ');
  return { privateKey, publicKey, fingerprint };
}

/** The fingerprint of the key the fuzz gives `clientId`. */
export function fuzzFingerprint(clientId: number): string {
  return keyOf(clientId).fingerprint;
}

/** A valid claim of `clientId` in referat `docId`, signed with the key the fuzz gives that client. */
export function fuzzClaim(clientId: number, docId: string): ClientClaim {
  const { privateKey, publicKey, fingerprint } = keyOf(clientId);
  const unsigned = { clientId, docId, fingerprint, algorithm: 'Ed25519' as const, publicKey, claimedAt: '2026-01-01T00:00:00.000Z' };
  return { ...unsigned, signature: bytesToBase64(new Uint8Array(sign(null, claimSigningInput(unsigned), privateKey))) };
}

/**
 * What the app's file gate (fileImportDecode) would say about applying `update` to `doc`, where `owners` are the
 * claims every peer made: null when it passes. Honest traffic must always pass.
 */
export function fileGateProblem(doc: Y.Doc, update: Uint8Array, owners: ReadonlyMap<number, string>): string | null {
  const diff = Y.diffUpdate(update, Y.encodeStateVector(doc));
  const check = { owners: new Map([...owners].filter(([client]) => claimed(doc, client))), conflicting: [] };
  const facts = receiverFacts(doc, check, owners.get(doc.clientID) ?? '');
  const refusal = claimRefusal({ structs: structsByClient(Y.decodeUpdate(diff).structs), deletes: new Map() }, facts);
  if (refusal !== null) return `${refusal.code}: ${refusal.detail}`;
  const diverged = divergentClient(structsByClient(Y.decodeUpdate(update).structs), structsByClient(Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs));
  return diverged === null ? null : `divergent under client ${diverged}`;
}

function claimed(doc: Y.Doc, client: number): boolean {
  return doc.getMap('claims').has(String(client));
}

/** The organisation the fuzz gives the peer with `clientId`: its approvals name it, and the test's directory confirms it. */
export function fuzzOrganisation(clientId: number): string {
  return ['Aarhus Kommune', 'Netcompany', 'KMD'][clientId % 3] ?? 'KMD';
}

/** A version-2 approval of `doc` as it stands, signed synchronously with the peer's key, pushed as the app's approve() does. */
export function fuzzApprove(doc: Y.Doc, id: string): void {
  const { privateKey, publicKey, fingerprint } = keyOf(doc.clientID);
  const unsigned = {
    id,
    name: `Peer ${doc.clientID}`,
    organisation: fuzzOrganisation(doc.clientID),
    organisationKind: 'andet',
    algorithm: 'Ed25519',
    fingerprint,
    publicKey,
    approvedAt: '2026-01-02T00:00:00.000Z',
    contentHash: contentHash(doc),
    stateVector: bytesToBase64(Y.encodeStateVector(doc)),
    entryVersion: 2,
    referatId: readMeta(doc).id,
    participantId: '-',
    snapshot: bytesToBase64(Y.encodeSnapshot(Y.snapshot(doc))),
  };
  const signature = bytesToBase64(new Uint8Array(sign(null, approvalSigningInput(unsigned), privateKey)));
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    for (const [k, v] of Object.entries({ ...unsigned, signature })) entry.set(k, v);
    approvalsArray(doc).push([entry]);
  });
}
