// The words exported documents use for their headings and labels, in Danish and English.
import type { ReferatStatus } from '../core/meta';
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
  page: 'Page',
  referatId: 'Referat id',
};

export function exportLabels(lang: ExportLanguage): ExportLabels {
  return lang === 'en' ? EN : DA;
}
