// The referat's status derived from its approvals: approved when every party has a valid approval of the current text.
import type * as Y from 'yjs';
import { readSignedApprovals, type SignedApproval } from './approvals';
import { knownApprovalSignature, verifyApprovalSignature } from './approvalSignature';
import { contentHash } from './canonicalContent';
import { readMeta, type ReferatStatus } from './meta';
import { readParticipants } from './participants';

export interface ApprovalCheck {
  signatureValid: boolean;
  /** The approved hash is the current content's: nothing visible has changed since. */
  matchesCurrentContent: boolean;
}

export interface ApprovalState {
  status: ReferatStatus;
  /** The organisations among the participants, as first written, in first-seen order. */
  organisations: string[];
  /** Those without a valid approval of the current content. */
  missing: string[];
  currentHash: string;
}

/** Organisations compare case-blind with spaces trimmed and collapsed, as people type them differently. */
export function sameOrganisation(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  return norm(a) === norm(b);
}

/** Verifies one entry against the document; pass `currentHash` when checking many. */
export async function verifyApproval(doc: Y.Doc, entry: SignedApproval, currentHash = contentHash(doc)): Promise<ApprovalCheck> {
  return { signatureValid: await verifyApprovalSignature(entry.members), matchesCurrentContent: entry.contentHash === currentHash };
}

function participantOrganisations(doc: Y.Doc): string[] {
  const out: string[] = [];
  for (const p of readParticipants(doc)) {
    const org = p.organisation.trim();
    if (org && !out.some((o) => sameOrganisation(o, org))) out.push(org);
  }
  return out;
}

/**
 * approved: at least one organisation among the participants, and each has a valid approval of the current content.
 * proposed: some valid approval (of any version), or `meta.status` says proposed or approved. Else draft.
 */
export function approvalState(doc: Y.Doc, isValid: (a: SignedApproval) => boolean): ApprovalState {
  const approvals = readSignedApprovals(doc);
  const written = readMeta(doc).status;
  const organisations = participantOrganisations(doc);
  // Hashing walks the whole text: only referater with approvals pay for it.
  const currentHash = approvals.length > 0 ? contentHash(doc) : '';
  const valid = approvals.filter(isValid);
  const current = valid.filter((a) => a.contentHash === currentHash);
  const missing = organisations.filter((o) => !current.some((a) => sameOrganisation(a.organisation, o)));
  let status: ReferatStatus = written === 'draft' && valid.length === 0 ? 'draft' : 'proposed';
  if (current.length > 0 && organisations.length > 0 && missing.length === 0) status = 'approved';
  return { status, organisations, missing, currentHash };
}

/** Checks every signature not yet checked on this device, so derivedStatus can count it; returns how many it checked. */
export async function verifyApprovals(doc: Y.Doc): Promise<number> {
  const unchecked = readSignedApprovals(doc).filter((a) => knownApprovalSignature(a.members) === undefined);
  await Promise.all(unchecked.map((a) => verifyApprovalSignature(a.members)));
  return unchecked.length;
}

/** The status as far as this device has verified the signatures so far (synchronous, for the library index). */
export function derivedStatus(doc: Y.Doc): ReferatStatus {
  return approvalState(doc, (a) => knownApprovalSignature(a.members) === true).status;
}
