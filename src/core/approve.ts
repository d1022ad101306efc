// Approving a referat: signs the hash of its current content and adds the entry to `approvals` (docs/FORMAT.md).
import * as Y from 'yjs';
import { readSignedApprovals, type SignedApproval } from './approvals';
import { approvalSigningInput, verifyApprovalSignature } from './approvalSignature';
import { bytesToBase64 } from './base64';
import { contentHash } from './canonicalContent';
import { keyFingerprint } from './fingerprint';
import { readMeta } from './meta';
import { readParticipants } from './participants';
import { profileProblems, type Profile } from './profile';
import { publicKeyJwk } from './publicKeyJwk';
import { approvalsArray } from './referatDoc';
import type { Signer } from './signature';

/** The content changed between showing the user what they sign and signing it. */
export class ContentChangedError extends Error {
  readonly currentHash: string;
  constructor(currentHash: string) {
    super('The referat changed before it was approved');
    this.name = 'ContentChangedError';
    this.currentHash = currentHash;
  }
}

export interface ApproveOptions {
  /** The signer's participant entry (version 2 entries sign it); see participantKeys.linkOwnParticipant. */
  participantId?: string;
  /** The hash the user was shown and confirmed; approving refuses if the content has changed since. */
  expectedHash?: string;
  now?: Date;
}

/** The participant entry linked to this key (participantKeys.ts); '-' when the signer is not listed. */
function ownParticipantId(doc: Y.Doc, fingerprint: string): string {
  return readParticipants(doc).find((p) => p.fingerprint === fingerprint)?.id ?? '-';
}

/** Signs the current content as `signer` and pushes the entry in one transaction. Throws for an unusable profile. */
export async function approve(doc: Y.Doc, who: Profile, signer: Signer, opts: ApproveOptions = {}): Promise<SignedApproval> {
  if (profileProblems(who).length > 0) throw new RangeError('An approval needs a valid profile');
  const hash = contentHash(doc);
  if (opts.expectedHash !== undefined && opts.expectedHash !== hash) throw new ContentChangedError(hash);
  const publicKey = publicKeyJwk(signer.publicKey, signer.algorithm);
  const fingerprint = await keyFingerprint(publicKey);
  const unsigned = {
    id: globalThis.crypto.randomUUID(),
    name: who.name,
    organisation: who.organisation,
    organisationKind: who.organisationKind,
    algorithm: signer.algorithm,
    fingerprint,
    publicKey,
    approvedAt: (opts.now ?? new Date()).toISOString(),
    contentHash: hash,
    stateVector: bytesToBase64(Y.encodeStateVector(doc)),
    // Version 2: bound to this referat and participant, with the exact Yjs state approved (state vector and delete set).
    entryVersion: 2,
    referatId: readMeta(doc).id,
    participantId: opts.participantId ?? ownParticipantId(doc, fingerprint),
    snapshot: bytesToBase64(Y.encodeSnapshot(Y.snapshot(doc))),
  };
  const members = { ...unsigned, signature: bytesToBase64(await signer.sign(approvalSigningInput(unsigned))) };
  // Checked before it is written, so a broken signer never leaves an invalid entry; this also remembers the result.
  if (!(await verifyApprovalSignature(members))) throw new Error('The signature of the approval does not verify');
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    for (const [k, v] of Object.entries(members)) entry.set(k, v);
    approvalsArray(doc).push([entry]);
  });
  const written = readSignedApprovals(doc).find((a) => a.id === unsigned.id);
  if (!written) throw new Error('The approval was not stored');
  return written;
}
