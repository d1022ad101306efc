// What every export says about a referat's approvals, from the trust state checked on this device: the derived
// status, only the valid approvals (each marked current or earlier version, confirmed or unconfirmed key), per
// organisation what is missing, and the entries that do not count (invalid or removed), in the same words everywhere.
import type { ReferatStatus } from '../core/meta';
import type { CheckedApproval, OrganisationApprovalState, RemovedEntry, TrustState } from '../core/trustState';
import { formatExportDateTime } from './exportDates';
import type { ExportLabels } from './exportLabels';

/** A valid approval as exports show it. */
export interface ReportedApproval {
  /** The confirmed name and organisation from this device's key directory; for an unconfirmed key, what the signer wrote. */
  name: string;
  organisation: string;
  /** What the signed entry itself says. */
  signedName: string;
  signedOrganisation: string;
  keyConfirmed: boolean;
  currentVersion: boolean;
  approvedAt: string;
  fingerprint: string;
  contentHash: string;
}

/** An entry that does not count: an invalid approval, or an approval or participant someone removed. */
export interface UncountedEntry {
  kind: 'invalidApproval' | 'removedApproval' | 'removedParticipant';
  /** The name and organisation the entry gives (never confirmed). */
  name: string;
  organisation: string;
  /** For a removal: the fingerprint of the key the document names for it, or null. */
  removedBy: string | null;
}

export interface ApprovalReport {
  status: ReferatStatus;
  organisations: Array<{ organisation: string; state: OrganisationApprovalState }>;
  approvals: ReportedApproval[];
  uncounted: UncountedEntry[];
}

function reported(a: CheckedApproval): ReportedApproval {
  const confirmed = a.confirmedAs;
  return {
    name: confirmed ? confirmed.name : a.name,
    organisation: confirmed ? confirmed.organisation : a.organisation,
    signedName: a.name,
    signedOrganisation: a.organisation,
    keyConfirmed: confirmed !== null,
    currentVersion: a.current,
    approvedAt: a.approvedAt,
    fingerprint: a.fingerprint,
    contentHash: a.contentHash,
  };
}

const removedKind = (r: RemovedEntry): UncountedEntry['kind'] => (r.kind === 'approval' ? 'removedApproval' : 'removedParticipant');

export function approvalReport(trust: TrustState): ApprovalReport {
  return {
    status: trust.status,
    organisations: trust.organisations.map((o) => ({ organisation: o.organisation, state: o.state })),
    // Only entries whose signature holds are shown as approvals; the invalid ones are named once, below.
    approvals: trust.approvals.filter((a) => a.valid).map(reported),
    uncounted: [
      ...trust.approvals.filter((a) => !a.valid).map((a): UncountedEntry => ({ kind: 'invalidApproval', name: a.name, organisation: a.organisation, removedBy: null })),
      ...trust.removed.map((r): UncountedEntry => ({ kind: removedKind(r), name: r.name, organisation: r.organisation, removedBy: r.removedBy })),
    ],
  };
}

/** The organisation as shown: a claimed one (unconfirmed key) is marked so. */
export function shownOrganisation(a: ReportedApproval, l: ExportLabels): string {
  if (a.keyConfirmed) return a.organisation;
  return a.organisation.trim() === '' ? `(${l.keyUnconfirmed})` : `${a.organisation} (${l.keyUnconfirmed})`;
}

export const versionWords = (a: ReportedApproval, l: ExportLabels) => (a.currentVersion ? l.currentVersion : l.earlierVersion);
export const keyWords = (a: ReportedApproval, l: ExportLabels) => (a.keyConfirmed ? l.keyConfirmed : l.keyUnconfirmed);

/**
 * "Anne Jensen (Aarhus Kommune) 30. november 2026 kl. 13.15 (CET) – gælder den nuværende version, bekræftet nøgle";
 * for an unconfirmed key the organisation is the signer's own, and the line ends "ubekræftet nøgle".
 */
export function approvalLine(a: ReportedApproval, l: ExportLabels): string {
  const who = a.organisation.trim() === '' ? a.name : `${a.name} (${a.organisation})`;
  return `${who} ${formatExportDateTime(a.approvedAt, l)} – ${versionWords(a, l)}, ${keyWords(a, l)}`;
}

/** "Aarhus Kommune: mangler godkendelse". */
export function organisationLine(o: ApprovalReport['organisations'][number], l: ExportLabels): string {
  return `${o.organisation}: ${l.organisationStates[o.state]}`;
}

/** "Ugyldig godkendelse (tæller ikke): Borgmester (Holstebro Kommune)". */
export function uncountedLine(u: UncountedEntry, l: ExportLabels): string {
  const label = u.kind === 'invalidApproval' ? l.invalidApproval : u.kind === 'removedApproval' ? l.removedApproval : l.removedParticipant;
  const who = [u.name.trim(), u.organisation.trim() && `(${u.organisation.trim()})`].filter(Boolean).join(' ');
  const by = u.removedBy ? `, ${l.removedWithKey} ${u.removedBy}` : '';
  return `${label}: ${who || '–'}${by}`;
}
