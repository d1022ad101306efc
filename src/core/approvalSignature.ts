// What an approval's signature covers, and checking it: every member but `signature`, as canonical JSON.
import { base64ToBytes } from './base64';
import { entrySigningInput, entryString as str, signedEntryVerifier } from './signedEntry';

/** UTF-8 of the canonical JSON of every member except `signature`, so members a later version adds are signed too. */
export const approvalSigningInput = entrySigningInput;

/** Version 2 members (docs/FORMAT.md): `entryVersion` 2, the referat id, the signer's participant id and a Yjs snapshot. */
function entryVersionValid(members: Readonly<Record<string, unknown>>): boolean {
  if (!('entryVersion' in members)) return true;
  if (members.entryVersion !== 2) return false;
  const referatId = str(members.referatId);
  const participantId = str(members.participantId);
  const snapshot = str(members.snapshot);
  if (referatId === null || !/^[a-z0-9-]{1,64}$/.test(referatId)) return false;
  if (participantId === null || participantId.length === 0 || participantId.length > 100) return false;
  return snapshot !== null && base64ToBytes(snapshot) !== null;
}

const approvals = signedEntryVerifier('approvedAt', (members) => {
  const stateVector = str(members.stateVector);
  return stateVector !== null && base64ToBytes(stateVector) !== null && entryVersionValid(members);
});

/**
 * True when the entry is well formed, its fingerprint is its key's, and the signature over its other members
 * verifies with that key. Never throws; a Yjs type among the members makes it invalid.
 */
export const verifyApprovalSignature = approvals.verify;

/** The result of an earlier verifyApprovalSignature of exactly these members on this device, or undefined. */
export const knownApprovalSignature = approvals.known;
