// The referat's status for the library index: derived from the approvals this device has verified (checkTrust.ts).
import type * as Y from 'yjs';
import { readSignedApprovals } from './approvals';
import { knownApprovalSignature, verifyApprovalSignature } from './approvalSignature';
import { checkTrustSync } from './checkTrust';
import type { KeyDirectory } from './knownKey';
import type { ReferatStatus } from './meta';

/** Checks every signature not yet checked on this device, so derivedStatus can count it; returns how many it checked. */
export async function verifyApprovals(doc: Y.Doc): Promise<number> {
  const unchecked = readSignedApprovals(doc).filter((a) => knownApprovalSignature(a.members) === undefined);
  await Promise.all(unchecked.map((a) => verifyApprovalSignature(a.members)));
  return unchecked.length;
}

/** The status as far as this device has verified the signatures so far (synchronous, for the library index). */
export function derivedStatus(doc: Y.Doc, dir: KeyDirectory): ReferatStatus {
  return checkTrustSync(doc, dir).status;
}
