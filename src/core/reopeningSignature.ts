// What a reopening's signature covers, and checking it: every member but `signature`, as canonical JSON (like approvals).
import * as Y from 'yjs';
import { base64ToBytes } from './base64';
import { entrySigningInput, entryString as str, signedEntryVerifier } from './signedEntry';

/** The bytes a reopening's signature covers: the same rule as an approval's. */
export const reopeningSigningInput = entrySigningInput;

function decodableStateVector(value: unknown): boolean {
  const bytes = base64ToBytes(str(value) ?? '');
  if (bytes === null) return false;
  try {
    Y.decodeStateVector(bytes);
    return true;
  } catch {
    return false;
  }
}

const reopenings = signedEntryVerifier(
  'reopenedAt',
  (members) => /^[a-z0-9-]{1,64}$/.test(str(members.referatId) ?? '') && decodableStateVector(members.stateVector),
);

/**
 * True when the entry is well formed, its fingerprint is its key's and the signature over its other members verifies.
 * It does not say the entry belongs to this referat: compare `referatId` (verifiedReopenings does). Never throws.
 */
export const verifyReopening = reopenings.verify;

/** The result of an earlier verifyReopening of exactly these members on this device, or undefined. */
export const knownReopeningSignature = reopenings.known;
