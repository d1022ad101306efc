// The words exported documents use for their headings and labels, in Danish and English.
import type { ReferatStatus } from '../core/meta';
import type { OrganisationApprovalState } from '../core/trustState';
import type { ExportLanguage } from './exportOptions';

export interface ExportLabels {
  locale: string;
  untitled: string;
  meetingDetails: string;
  date: string;
  time: string;
  location: string;
  status: string;
  statuses: Record<ReferatStatus, string>;
  series: string;
  participants: string;
  noParticipants: string;
  name: string;
  organisation: string;
  role: string;
  attendance: string;
  present: string;
  absent: string;
  agenda: string;
  caseNumber: string;
  kleCode: string;
  decision: string;
  actionItems: string;
  what: string;
  owner: string;
  due: string;
  done: string;
  open: string;
  approvals: string;
  noApprovals: string;
  signer: string;
  approvedAt: string;
  fingerprint: string;
  contentHash: string;
  /** Column heads: which version an approval covers, and whether its key is confirmed. */
  version: string;
  key: string;
  currentVersion: string;
  earlierVersion: string;
  keyConfirmed: string;
  keyUnconfirmed: string;
  /** Per organisation that must approve, what this device can say. */
  organisationsToApprove: string;
  organisationStates: Record<OrganisationApprovalState, string>;
  /** Entries that do not count: invalid approvals, and approvals or participants someone removed. */
  notCounted: string;
  invalidApproval: string;
  removedApproval: string;
  removedParticipant: string;
  removedWithKey: string;
  /** One sentence on how the status and approvals were derived. */
  derivation: string;
  page: string;
  referatId: string;
}

const DA: ExportLabels = {
  locale: 'da-DK',
  untitled: 'Uden titel',
  meetingDetails: 'Mødeoplysninger',
  date: 'Dato',
  time: 'Tidspunkt',
  location: 'Sted',
  status: 'Status',
  statuses: { draft: 'Kladde', proposed: 'Til godkendelse', approved: 'Godkendt' },
  series: 'Møderække',
  participants: 'Deltagere',
  noParticipants: 'Ingen deltagere',
  name: 'Navn',
  organisation: 'Organisation',
  role: 'Rolle',
  attendance: 'Fremmøde',
  present: 'Til stede',
  absent: 'Fraværende',
  agenda: 'Dagsorden',
  caseNumber: 'Sagsnummer',
  kleCode: 'KLE-nummer',
  decision: 'Beslutning',
  actionItems: 'Handlingspunkter',
  what: 'Hvad',
  owner: 'Ansvarlig',
  due: 'Frist',
  done: 'Udført',
  open: 'Åben',
  approvals: 'Godkendelser',
  noApprovals: 'Ingen godkendelser',
  signer: 'Godkendt af',
  approvedAt: 'Tidspunkt',
  fingerprint: 'Nøgleaftryk',
  contentHash: 'SHA-256 af den godkendte version',
  version: 'Gælder',
  key: 'Nøgle',
  currentVersion: 'gælder den nuværende version',
  earlierVersion: 'gælder en tidligere version',
  keyConfirmed: 'bekræftet nøgle',
  keyUnconfirmed: 'ubekræftet nøgle',
  organisationsToApprove: 'Organisationer, der skal godkende',
  organisationStates: {
    approved: 'godkendt',
    unconfirmedKey: 'godkendt med ubekræftet nøgle (tæller ikke)',
    earlierVersion: 'godkendte en tidligere version (tæller ikke)',
    missing: 'mangler godkendelse',
  },
  notCounted: 'Tæller ikke med',
  invalidApproval: 'Ugyldig godkendelse (tæller ikke)',
  removedApproval: 'Fjernet godkendelse',
  removedParticipant: 'Fjernet deltager',
  removedWithKey: 'fjernet med nøglen',
  derivation:
    'Status og godkendelser er kontrolleret på den enhed, der dannede filen. En godkendelse tæller kun for en organisation, når underskriften holder, ' +
    'den gælder den nuværende version, og nøglen er bekræftet på enheden som netop den organisations nøgle. ' +
    'Godkendelser af en tidligere version, med ubekræftede nøgler og ugyldige godkendelser tæller ikke.',
  page: 'Side',
  referatId: 'Referat-id',
};

const EN: ExportLabels = {
  locale: 'en-GB',
  untitled: 'Untitled',
  meetingDetails: 'Meeting details',
  date: 'Date',
  time: 'Time',
  location: 'Location',
  status: 'Status',
  statuses: { draft: 'Draft', proposed: 'Proposed for approval', approved: 'Approved' },
  series: 'Meeting series',
  participants: 'Participants',
  noParticipants: 'No participants',
  name: 'Name',
  organisation: 'Organisation',
  role: 'Role',
  attendance: 'Attendance',
  present: 'Present',
  absent: 'Absent',
  agenda: 'Agenda',
  caseNumber: 'Case number',
  kleCode: 'KLE code',
  decision: 'Decision',
  actionItems: 'Action items',
  what: 'What',
  owner: 'Owner',
  due: 'Due',
  done: 'Done',
  open: 'Open',
  approvals: 'Approvals',
  noApprovals: 'No approvals',
  signer: 'Approved by',
  approvedAt: 'Time',
  fingerprint: 'Key fingerprint',
  contentHash: 'SHA-256 of the approved version',
  version: 'Covers',
  key: 'Key',
  currentVersion: 'covers the current version',
  earlierVersion: 'covers an earlier version',
  keyConfirmed: 'confirmed key',
  keyUnconfirmed: 'unconfirmed key',
  organisationsToApprove: 'Organisations that must approve',
  organisationStates: {
    approved: 'approved',
    unconfirmedKey: 'approved with an unconfirmed key (does not count)',
    earlierVersion: 'approved an earlier version (does not count)',
    missing: 'approval missing',
  },
  notCounted: 'Not counted',
  invalidApproval: 'Invalid approval (does not count)',
  removedApproval: 'Removed approval',
  removedParticipant: 'Removed participant',
  removedWithKey: 'removed with the key',
  derivation:
    'The status and approvals were checked on the device that made this file. An approval counts for an organisation only when its signature holds, ' +
    'it covers the current version, and its key is confirmed on that device as that organisation\'s key. ' +
    'Approvals of an earlier version, by unconfirmed keys and invalid approvals do not count.',
  page: 'Page',
  referatId: 'Referat id',
};

export function exportLabels(lang: ExportLanguage): ExportLabels {
  return lang === 'en' ? EN : DA;
}
