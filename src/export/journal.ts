// The journal of an aktindsigt package: one row per referat with the fields offentlighedsloven §15 asks for
// (date, short description of the subject, parties), plus case numbers, KLE codes, the derived status, the
// verified approvals and the document id; written as journal.json and as journal.csv (RFC 4180, UTF-8 with BOM so
// Excel reads æ, ø, å; every field quoted, and guarded so no spreadsheet reads a formula: csvField.ts). Status and
// approvals come from the trust state checked on this device (approvalReport.ts), the same as in the referat's own
// files beside it.
import type * as Y from 'yjs';
import { readMeta, type ReferatStatus } from '../core/meta';
import { readParticipants } from '../core/participants';
import { readStructure } from '../core/structure';
import type { OrganisationApprovalState, TrustState } from '../core/trustState';
import { csvField } from './csvField';
import { approvalLine, approvalReport, organisationLine, uncountedLine, type ReportedApproval, type UncountedEntry } from './approvalReport';
import { exportLabels } from './exportLabels';
import type { ExportLanguage } from './exportOptions';

/** A valid approval: `name` and `organisation` as confirmed on this device, or as signed for an unconfirmed key. */
export type JournalApproval = ReportedApproval;

export interface JournalParticipant {
  name: string;
  organisation: string;
  present: boolean;
}

export interface JournalRow {
  /** Running number in the package, from 1; also the start of the referat's folder name. */
  number: number;
  documentId: string;
  /** Meeting date `YYYY-MM-DD`, or ''. */
  date: string;
  title: string;
  /** Short description of the subject: the title and the agenda items' titles. */
  subject: string;
  /** Organisations taking part, in first-seen order. */
  parties: string[];
  participants: JournalParticipant[];
  caseNumbers: string[];
  kleCodes: string[];
  /** Derived on this device from the verified approvals, never the stored meta.status. */
  status: ReferatStatus;
  /** Every organisation that must approve, with what this device can say. */
  organisations: Array<{ organisation: string; state: OrganisationApprovalState }>;
  /** Only approvals whose signature holds, each marked current or earlier version and confirmed or unconfirmed key. */
  approvals: JournalApproval[];
  /** Invalid approvals, and approvals or participants someone removed: named, never counted. */
  notCounted: UncountedEntry[];
  /** The referat's folder in the package, and its files there. */
  folder: string;
  files: string[];
}

const MAX_SUBJECT = 500;
const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];

export function journalRow(doc: Y.Doc, trust: TrustState, at: { number: number; documentId: string; folder: string; files: string[] }): JournalRow {
  const meta = readMeta(doc);
  const report = approvalReport(trust);
  const people = readParticipants(doc);
  const structure = readStructure(doc);
  const agenda = unique(structure.agendaItems.map((a) => a.title));
  const title = meta.title.trim();
  const subject = agenda.length > 0 ? `${title}: ${agenda.join('; ')}` : title;
  return {
    number: at.number,
    documentId: at.documentId,
    date: meta.date,
    title,
    subject: subject.length > MAX_SUBJECT ? `${subject.slice(0, MAX_SUBJECT - 1)}…` : subject,
    parties: unique(people.map((p) => p.organisation)),
    participants: people.filter((p) => p.name.trim() !== '').map((p) => ({ name: p.name.trim(), organisation: p.organisation.trim(), present: p.present })),
    caseNumbers: unique(structure.agendaItems.map((a) => a.caseNumber)),
    kleCodes: unique(structure.agendaItems.map((a) => a.kleCode)),
    status: report.status,
    organisations: report.organisations,
    approvals: report.approvals,
    notCounted: report.uncounted,
    folder: at.folder,
    files: at.files,
  };
}

/** journal.json: the rows as they are (version 2: organisations, marked approvals and notCounted), with a version so readers can tell later layouts apart. */
export function journalJson(rows: readonly JournalRow[]): string {
  return `${JSON.stringify({ journalVersion: 2, rows }, null, 2)}\n`;
}

const HEADERS: Record<ExportLanguage, string[]> = {
  da: ['Nr.', 'Dato', 'Titel', 'Emne', 'Parter', 'Deltagere', 'Sagsnummer', 'KLE-nummer', 'Status', 'Organisationer', 'Godkendelser', 'Tæller ikke med', 'Dokument-id', 'Mappe'],
  en: ['No.', 'Date', 'Title', 'Subject', 'Parties', 'Participants', 'Case number', 'KLE code', 'Status', 'Organisations', 'Approvals', 'Not counted', 'Document id', 'Folder'],
};

export function journalCsv(rows: readonly JournalRow[], lang: ExportLanguage): string {
  const l = exportLabels(lang);
  const lines = [HEADERS[lang].map(csvField).join(',')];
  for (const r of rows) {
    const organisations = r.organisations.map((o) => organisationLine(o, l));
    const approvals = r.approvals.map((a) => approvalLine(a, l));
    const notCounted = r.notCounted.map((u) => uncountedLine(u, l));
    const people = r.participants.map((p) => `${p.name}${p.organisation ? ` (${p.organisation})` : ''}${p.present ? '' : ` – ${l.absent.toLowerCase()}`}`);
    lines.push(
      [String(r.number), r.date, r.title, r.subject, r.parties.join('; '), people.join('; '), r.caseNumbers.join('; '), r.kleCodes.join('; '), l.statuses[r.status], organisations.join('; '), approvals.join('; '), notCounted.join('; '), r.documentId, r.folder]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
