// Derives a referat's trust state on this device: which approvals count, for which organisation, and what is missing.
// The rule, in plain words, is docs/TRUST.md; its pieces are requiredOrganisations.ts and the approval entry checks.
import * as Y from 'yjs';
import { readSignedApprovals, type SignedApproval } from './approvals';
import { knownApprovalSignature, verifyApprovalSignature } from './approvalSignature';
import { sameOrganisation } from './sameOrganisation';
import { base64ToBytes } from './base64';
import { contentHash } from './canonicalContent';
import { checkClaims, checkClaimsSync } from './clientClaims';
import type { KeyDirectory, KnownKey } from './knownKey';
import { readMeta, type ReferatStatus } from './meta';
import { removedEntries } from './removedEntries';
import { knownReopenings, supersedes, verifiedReopenings, type ReopeningMark } from './reopen';
import { requiredOrganisations, type ClientOwner } from './requiredOrganisations';
import type { CheckedApproval, OrganisationApprovalState, OrganisationStatus, TrustState } from './trustState';

/** A recorded "Genåbn": the state it was made at, and its own entry; reopen.ts `supersedes` says what it voids. */
export type ReopenMark = Pick<ReopeningMark, 'stateVector' | 'entryId'>;

export interface TrustOptions {
  /** The time key validity is judged at for revocation; an approval's validity window is judged at its own time. */
  now?: Date;
  /** Who owns each Yjs client id; by default from the document's verified claims (clientClaims.ts). */
  clientOwner?: ClientOwner;
  /** Valid reopenings; by default the document's, verified (reopen.ts). */
  reopenings?: readonly ReopenMark[];
}

function ownerOf(owners: Map<number, string>): ClientOwner {
  return (client) => owners.get(client) ?? null;
}

function entryVersionOf(members: Readonly<Record<string, unknown>>): 1 | 2 {
  return members.entryVersion === 2 ? 2 : 1;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function decodeStateVector(b64: string | null): Map<number, number> | null {
  const bytes = b64 === null ? null : base64ToBytes(b64);
  if (bytes === null) return null;
  try {
    return Y.decodeStateVector(bytes);
  } catch {
    return null;
  }
}

function approvalTime(a: SignedApproval): Date {
  const t = Date.parse(a.approvedAt);
  return Number.isNaN(t) ? new Date(0) : new Date(t);
}

/** The key's directory entry when it is confirmed at the approval's time and not revoked now. */
function confirmedKey(dir: KeyDirectory, a: SignedApproval, now: Date): KnownKey | null {
  const atApproval = dir.confirmed(a.fingerprint, approvalTime(a));
  if (!atApproval) return null;
  return dir.confirmed(a.fingerprint, now) ?? (atApproval.revokedAt ? null : atApproval);
}

function checkOne(
  a: SignedApproval,
  signatureValid: boolean,
  referatId: string,
  currentHash: string,
  reopened: readonly ReopenMark[],
  dir: KeyDirectory,
  now: Date,
): CheckedApproval {
  const { members, ...shown } = a;
  const entryVersion = entryVersionOf(members);
  const valid = signatureValid && (entryVersion === 1 || str(members.referatId) === referatId);
  const approvedState = decodeStateVector(str(members.stateVector));
  const superseded = approvedState !== null && reopened.some((r) => supersedes(r, approvedState));
  return {
    ...shown,
    entryVersion,
    valid,
    current: valid && a.contentHash === currentHash && !superseded,
    confirmedAs: valid ? confirmedKey(dir, a, now) : null,
    participantId: entryVersion === 2 ? str(members.participantId) : null,
    snapshot: entryVersion === 2 ? str(members.snapshot) : null,
  };
}

/** What this device can say for one organisation: the best among its approvals. */
function organisationState(org: string, approvals: CheckedApproval[]): OrganisationApprovalState {
  // This device's own key signed what this device's user wrote, so its own approval counts for the organisation it names.
  const confirmedFor = (a: CheckedApproval) =>
    a.confirmedAs !== null && sameOrganisation(a.confirmedAs.confirmedBy === 'own' ? a.organisation : a.confirmedAs.organisation, org);
  if (approvals.some((a) => a.current && confirmedFor(a))) return 'approved';
  if (approvals.some((a) => a.current && !confirmedFor(a) && sameOrganisation(a.organisation, org))) return 'unconfirmedKey';
  if (approvals.some((a) => a.valid && !a.current && (confirmedFor(a) || sameOrganisation(a.organisation, org)))) return 'earlierVersion';
  return 'missing';
}

/** The trust state from signature results already known; `signatureValid` says what each entry's check gave. */
interface Facts {
  owner: ClientOwner;
  reopenings: readonly ReopenMark[];
}

function derive(doc: Y.Doc, dir: KeyDirectory, opts: TrustOptions, facts: Facts, signatureValid: (a: SignedApproval) => boolean): TrustState {
  const now = opts.now ?? new Date();
  const entries = readSignedApprovals(doc);
  const meta = readMeta(doc);
  // Hashing walks the whole text: only referater with approvals pay for it.
  const currentHash = entries.length > 0 ? contentHash(doc) : '';
  const approvals = entries.map((a) => checkOne(a, signatureValid(a), meta.id, currentHash, facts.reopenings, dir, now));
  const required = requiredOrganisations(doc, dir, facts.owner, now);
  const organisations: OrganisationStatus[] = required.map((organisation) => ({ organisation, state: organisationState(organisation, approvals) }));
  let status: ReferatStatus = meta.status === 'draft' && !approvals.some((a) => a.valid) ? 'draft' : 'proposed';
  if (organisations.length > 0 && organisations.every((o) => o.state === 'approved')) status = 'approved';
  return {
    status,
    organisations,
    approvals,
    removed: removedEntries(doc, facts.owner),
    locked: status === 'approved',
    currentHash,
  };
}

/** Verifies every approval entry (results are remembered on this device) and derives the trust state. */
export async function checkTrust(doc: Y.Doc, dir: KeyDirectory, opts: TrustOptions = {}): Promise<TrustState> {
  const entries = readSignedApprovals(doc);
  const results = new Map<SignedApproval, boolean>();
  const [claims, reopenings] = await Promise.all([
    opts.clientOwner ? null : checkClaims(doc),
    opts.reopenings ? null : verifiedReopenings(doc),
    ...entries.map(async (a) => results.set(a, await verifyApprovalSignature(a.members))),
  ]);
  const facts: Facts = { owner: opts.clientOwner ?? ownerOf(claims?.owners ?? new Map()), reopenings: opts.reopenings ?? reopenings ?? [] };
  return derive(doc, dir, opts, facts, (a) => results.get(a) ?? knownApprovalSignature(a.members) === true);
}

/** The same, synchronously, counting only signatures this device has already verified (for the library index). */
export function checkTrustSync(doc: Y.Doc, dir: KeyDirectory, opts: TrustOptions = {}): TrustState {
  const facts: Facts = {
    owner: opts.clientOwner ?? ownerOf(checkClaimsSync(doc).owners),
    reopenings: opts.reopenings ?? knownReopenings(doc),
  };
  return derive(doc, dir, opts, facts, (a) => knownApprovalSignature(a.members) === true);
}
