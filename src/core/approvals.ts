// Reads the signed approvals (godkendelser) stored in a referat's `approvals` array; see docs/FORMAT.md.
import * as Y from 'yjs';
import { mapString } from './mapString';
import { organisationKindOf, type OrganisationKind } from './profile';
import { approvalsArray } from './referatDoc';

/** One party's approval of the referat as it stood at a given state. */
export interface Approval {
  id: string;
  /** The signer's name and organisation as they were when they approved. */
  name: string;
  organisation: string;
  organisationKind: OrganisationKind;
  /** The signer's key fingerprint (8 groups of 4 hex digits). */
  fingerprint: string;
  /** ISO 8601 time of the approval. */
  approvedAt: string;
  /** Lower-case hex SHA-256 of the canonical content that was approved. */
  contentHash: string;
}

function toApproval(m: Y.Map<unknown>): Approval | null {
  const s = (k: string) => mapString(m, k);
  const id = s('id');
  const contentHash = s('contentHash');
  if (id === '' || !/^[0-9a-f]{64}$/.test(contentHash)) return null;
  return {
    id,
    name: s('name'),
    organisation: s('organisation'),
    organisationKind: organisationKindOf(s('organisationKind')),
    fingerprint: s('fingerprint'),
    approvedAt: s('approvedAt'),
    contentHash,
  };
}

/** An approval with the members its signature covers, for verification (approvalSignature.ts). */
export interface SignedApproval extends Approval {
  /** Every member of the entry as stored, `signature` included; Yjs types inside are kept as they are. */
  members: Readonly<Record<string, unknown>>;
}

function isMap(m: unknown): m is Y.Map<unknown> {
  return m instanceof Y.Map;
}

function byTime(a: Approval, b: Approval): number {
  return a.approvedAt < b.approvedAt ? -1 : a.approvedAt > b.approvedAt ? 1 : 0;
}

/** Well-formed approvals, oldest first; entries of the wrong shape are skipped, never thrown on. */
export function readApprovals(doc: Y.Doc): Approval[] {
  const out: Approval[] = [];
  for (const m of approvalsArray(doc)) {
    if (!isMap(m)) continue;
    const a = toApproval(m);
    if (a) out.push(a);
  }
  return out.toSorted(byTime);
}

/** Like readApprovals, with each entry's stored members; ties keep array order, the same on every copy. */
export function readSignedApprovals(doc: Y.Doc): SignedApproval[] {
  const out: SignedApproval[] = [];
  for (const m of approvalsArray(doc)) {
    if (!isMap(m)) continue;
    const a = toApproval(m);
    if (a) out.push({ ...a, members: Object.fromEntries(m.entries()) });
  }
  return out.toSorted(byTime);
}
