// The proof exchange of one awareness room (core/peerProof.ts): answers each peer's nonce with this device's key,
// and checks each peer's answer to this device's nonce. Used by a referat's live room and by a series' lobby.
import type { Awareness } from 'y-protocols/awareness';
import { bytesToBase64 } from '../core/base64';
import { canonicalJson } from '../core/canonicalContent';
import { MAX_PROOFS, newNonce, parseLiveProofs, signPeerProof, verifyPeerProof } from '../core/peerProof';
import { parsePresence, type Presence } from '../core/presence';
import type { SignatureAlgorithm } from '../core/publicKeyJwk';

/** Verdicts remembered at most; a peer changing its presence endlessly only costs verifications, not memory. */
const MAX_VERDICTS = 512;

/** Where a peer's proof stands: none for my nonce yet, being checked, proven, or given and refused. */
export type PeerProofState = 'none' | 'checking' | 'proven' | 'failed';

/** This device's key, to answer the other peers' nonces. */
export interface PeerSigner {
  algorithm: SignatureAlgorithm;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** Another peer of the room that announces a valid presence, with where its proof stands. */
export interface CheckedPeer {
  clientId: number;
  state: unknown;
  presence: Presence;
  proof: PeerProofState;
}

export interface PeerProofExchange {
  /**
   * Every other peer with a valid presence (core/presence.ts): answers each one's nonce (once per nonce), says where
   * its proof of my nonce stands, and drops my answers to peers that left.
   */
  peers(): CheckedPeer[];
  stop(): void;
}

/**
 * `room` is what every proof here is bound to; `presence` is what this device signs about itself; `changed` is
 * called when a verdict arrives. Publishes this device's nonce and proofs in `awareness`.
 */
export function peerProofExchange(awareness: Awareness, signer: PeerSigner, room: string, presence: () => Presence, changed: () => void): PeerProofExchange {
  const nonce = newNonce();
  let stopped = false;
  awareness.setLocalStateField('nonce', nonce);

  // My answers to the other peers' nonces, by their awareness client id.
  const answered = new Map<number, { nonce: string; proof: string }>();
  const signing = new Set<string>();
  const publishProofs = () =>
    awareness.setLocalStateField('proofs', Object.fromEntries([...answered].map(([id, a]) => [String(id), a.proof])));
  const answer = (clientId: number, peerNonce: string) => {
    const job = `${clientId} ${peerNonce}`;
    if (answered.get(clientId)?.nonce === peerNonce || signing.has(job)) return;
    if (!answered.has(clientId) && answered.size >= MAX_PROOFS) return;
    signing.add(job);
    void signPeerProof(signer, room, peerNonce, awareness.clientID, presence())
      .then((proof) => {
        if (stopped) return;
        answered.set(clientId, { nonce: peerNonce, proof });
        publishProofs();
      })
      .catch(() => undefined)
      .finally(() => signing.delete(job));
  };

  // Whether a peer proved its key, by everything the verdict depends on; null while it is being checked.
  const verdicts = new Map<string, boolean | null>();
  const proofState = (clientId: number, p: Presence, proof: Uint8Array | undefined): PeerProofState => {
    if (!proof) return 'none';
    const key = canonicalJson([clientId, p.fingerprint, p.algorithm, p.publicKey, p.name, p.organisation, p.organisationKind, bytesToBase64(proof)]);
    const verdict = verdicts.get(key);
    if (verdict !== undefined) return verdict === null ? 'checking' : verdict ? 'proven' : 'failed';
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(key, null);
    void verifyPeerProof(p, clientId, proof, room, nonce).then((ok) => {
      verdicts.set(key, ok);
      if (!stopped) changed();
    });
    return 'checking';
  };

  return {
    peers() {
      const out: CheckedPeer[] = [];
      const states = awareness.getStates();
      for (const [clientId, state] of states) {
        if (clientId === awareness.clientID) continue;
        const p = parsePresence(state);
        if (!p) continue;
        const { nonce: theirNonce, proofs } = parseLiveProofs(state);
        if (theirNonce) answer(clientId, theirNonce);
        out.push({ clientId, state, presence: p, proof: proofState(clientId, p, proofs.get(awareness.clientID)) });
      }
      let gone = false;
      for (const id of answered.keys()) {
        if (!states.has(id)) gone = answered.delete(id) || gone;
      }
      if (gone) publishProofs();
      return out;
    },
    stop() {
      stopped = true;
    },
  };
}
