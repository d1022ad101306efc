// Live peers prove who they are: each signs the other's fresh nonce, the room and its own presence with its device key.
import { base64ToBytes, bytesToBase64 } from './base64';
import { canonicalJson } from './canonicalContent';
import { keyFingerprint } from './fingerprint';
import type { Presence } from './presence';
import { isPublicKeyJwk } from './publicKeyJwk';
import { verifySignature } from './signature';

/** Names what a proof signs, so no other signature of the same key (an approval, a file) can pass for one. */
export const PEER_PROOF_CONTEXT = 'referat-live-proof/1';
/** A proofs map with more entries than this is ignored as a whole. */
export const MAX_PROOFS = 64;
const NONCE_BYTES = 24;
const SIGNATURE_BYTES = 64;
const CLIENT_ID = /^(0|[1-9][0-9]{0,9})$/;

/** What a peer publishes beside its presence: its nonce, and its proofs for the other peers' nonces. */
export interface LiveProofs {
  /** Base64 of fresh random bytes, new for every session; null when missing or malformed. */
  nonce: string | null;
  /** Awareness client id of the peer whose nonce was signed → the signature. */
  proofs: ReadonlyMap<number, Uint8Array>;
}

/** A fresh random nonce for one live session (base64). */
export function newNonce(): string {
  return bytesToBase64(globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES)));
}

function isNonce(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 100) return false;
  const bytes = base64ToBytes(v);
  return bytes !== null && bytes.length >= 16 && bytes.length <= 64;
}

/** Reads `nonce` and `proofs` from an awareness state; anything malformed is left out, never half-used. */
export function parseLiveProofs(state: unknown): LiveProofs {
  const none: LiveProofs = { nonce: null, proofs: new Map() };
  if (typeof state !== 'object' || state === null) return none;
  const s = state as Record<string, unknown>;
  const nonce = isNonce(s.nonce) ? s.nonce : null;
  const raw = s.proofs;
  const proofs = new Map<number, Uint8Array>();
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const entries = Object.entries(raw as Record<string, unknown>);
    if (entries.length <= MAX_PROOFS) {
      for (const [k, v] of entries) {
        if (!CLIENT_ID.test(k) || typeof v !== 'string' || v.length > 100) continue;
        const sig = base64ToBytes(v);
        if (sig && sig.length === SIGNATURE_BYTES) proofs.set(Number(k), sig);
      }
    }
  }
  return { nonce, proofs };
}

/** What the signer proves: who it says it is, in which room, as which awareness client, answering which nonce. */
export function peerProofInput(room: string, nonce: string, clientId: number, p: Presence): Uint8Array {
  return new TextEncoder().encode(
    canonicalJson({
      context: PEER_PROOF_CONTEXT,
      room,
      nonce,
      clientId,
      fingerprint: p.fingerprint,
      algorithm: p.algorithm,
      publicKey: p.publicKey,
      name: p.name,
      organisation: p.organisation,
      organisationKind: p.organisationKind,
    }),
  );
}

/** Signs another peer's nonce; `myClientId` is this device's awareness client id. Returns the base64 signature. */
export async function signPeerProof(
  signer: { sign(data: Uint8Array): Promise<Uint8Array> },
  room: string,
  peerNonce: string,
  myClientId: number,
  me: Presence,
): Promise<string> {
  return bytesToBase64(await signer.sign(peerProofInput(room, peerNonce, myClientId, me)));
}

/**
 * True when the peer proved its key: its public key hashes to the fingerprint it announces, and its proof for MY
 * nonce, made as the awareness client it speaks as, verifies under that key. Never throws.
 */
export async function verifyPeerProof(
  peer: Presence,
  peerClientId: number,
  proof: Uint8Array | undefined,
  room: string,
  myNonce: string,
): Promise<boolean> {
  if (!proof || !peer.publicKey || !peer.algorithm || !isPublicKeyJwk(peer.publicKey, peer.algorithm)) return false;
  try {
    if ((await keyFingerprint(peer.publicKey)) !== peer.fingerprint) return false;
  } catch {
    return false;
  }
  return verifySignature(peer.publicKey, peer.algorithm, proof, peerProofInput(room, myNonce, peerClientId, peer));
}
