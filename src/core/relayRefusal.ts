// Why a relay entry (an update, a snapshot or an acknowledgement) was refused, as a code the UI can translate.

/**
 * - `malformed`: the bytes do not follow the layout of docs/RELAY.md (garbage, a bad length, a bad key).
 * - `tooLarge`: over the limit for its kind, refused before anything else is read.
 * - `wrongMailbox`: made for another mailbox (copied between mailboxes, or re-encrypted by a member of both).
 * - `badCiphertext`: AES-GCM refuses it: altered bytes, a wrong key, or a header changed after encryption.
 * - `badSignature`: the signature does not verify, or the key is not the fingerprint's, or the fingerprint not the sender's.
 * - `replay`: a valid entry under another key, sequence number or kind than it was signed for, or an old one again.
 */
export type RelayRefusalReason = 'malformed' | 'tooLarge' | 'wrongMailbox' | 'badCiphertext' | 'badSignature' | 'replay';

export interface RelayRefusal {
  ok: false;
  reason: RelayRefusalReason;
  /** One English sentence for logs and tests; the UI translates `reason`. */
  detail: string;
}

export function refuse(reason: RelayRefusalReason, detail: string): RelayRefusal {
  return { ok: false, reason, detail };
}
