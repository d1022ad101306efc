// The journal of an aktindsigt package: one row per referat with the fields offentlighedsloven §15 asks for
// (date, short description of the subject, parties), plus case numbers, KLE codes, the derived status, the
// verified approvals and the document id; written as journal.json and as journal.csv (RFC 4180, UTF-8 with BOM so
// Excel reads æ, ø, å; every field quoted, and guarded so no spreadsheet reads a formula: csvField.ts). Status and
// approvals come from the trust state checked on this device (approvalReport.ts), the same as in the referat's own
// files beside it. Passages exempt and referater left out are journalled with their reasons (case work, issue 17).
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
  /** Passages of the text exempt from access, each with its reason; the files show a placeholder instead. */
  exemptions: JournalExemption[];
  /** Files the package leaves out for this referat because they would hold exempt text (referat.referat, historik.html). */
  withheld: string[];
}

/** A reason for an exempt passage or a referat left out: the provision cited, what it covers, and the clerk's words. */
export interface JournalExemption {
  /** The code of the reason (core/exemptionReasons.ts), or `other`. */
  reason: string;
  /** The citation, e.g. `§ 30, nr. 2`; for `other` the clerk's words. */
  ref: string;
  /** What the provision covers, in Danish; '' for `other`. */
  description: string;
  note: string;
}

/** A referat the selection matched that the clerk left out of the package, and why. */
export interface JournalLeftOut extends JournalExemption {
  documentId: string;
  date: string;
  title: string;
  parties: string[];
}

const MAX_SUBJECT = 500;
const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];

export function journalRow(
  doc: Y.Doc,
  trust: TrustState,
  at: { number: number; documentId: string; folder: string; files: string[]; exemptions?: JournalExemption[]; withheld?: string[] },
): JournalRow {
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
    exemptions: at.exemptions ?? [],
    withheld: at.withheld ?? [],
  };
}

/**
 * journal.json: the rows as they are, with a version so readers can tell layouts apart (2: organisations, marked
 * approvals and notCounted; 3: `exemptions` and `withheld` per row, and `leftOut`).
 */
export function journalJson(rows: readonly JournalRow[], leftOut: readonly JournalLeftOut[] = []): string {
  return `${JSON.stringify({ journalVersion: 3, rows, leftOut }, null, 2)}\n`;
}

const HEADERS: Record<ExportLanguage, string[]> = {
  da: ['Nr.', 'Dato', 'Titel', 'Emne', 'Parter', 'Deltagere', 'Sagsnummer', 'KLE-nummer', 'Status', 'Organisationer', 'Godkendelser', 'Tæller ikke med', 'Dokument-id', 'Mappe', 'Undtagne oplysninger', 'Udeladt af pakken'],
  en: ['No.', 'Date', 'Title', 'Subject', 'Parties', 'Participants', 'Case number', 'KLE code', 'Status', 'Organisations', 'Approvals', 'Not counted', 'Document id', 'Folder', 'Exempt information', 'Left out of the package'],
};

/** The last column is never empty (a trailing empty field would let a line break start a cut-out cell). */
const LEFT_OUT = { da: { no: 'Nej', yes: 'Ja' }, en: { no: 'No', yes: 'Yes' } };

const WITHHELD = {
  da: (files: string) => `${files} er ikke med, fordi filen ville indeholde den undtagne tekst`,
  en: (files: string) => `${files} not included, as it would hold the exempt text`,
};

/** A reason in one line: `§ 30, nr. 2 (what it covers): the clerk's words`. */
export function exemptionLine(e: JournalExemption): string {
  const head = e.description ? `${e.ref} (${e.description})` : e.ref;
  return e.note && e.note !== e.ref ? `${head}: ${e.note}` : head;
}

export function journalCsv(rows: readonly JournalRow[], lang: ExportLanguage, leftOut: readonly JournalLeftOut[] = []): string {
  const l = exportLabels(lang);
  const lines = [HEADERS[lang].map(csvField).join(',')];
  for (const r of rows) {
    const organisations = r.organisations.map((o) => organisationLine(o, l));
    const approvals = r.approvals.map((a) => approvalLine(a, l));
    const notCounted = r.notCounted.map((u) => uncountedLine(u, l));
    const people = r.participants.map((p) => `${p.name}${p.organisation ? ` (${p.organisation})` : ''}${p.present ? '' : ` – ${l.absent.toLowerCase()}`}`);
    lines.push(
      [String(r.number), r.date, r.title, r.subject, r.parties.join('; '), people.join('; '), r.caseNumbers.join('; '), r.kleCodes.join('; '), l.statuses[r.status], organisations.join('; '), approvals.join('; '), notCounted.join('; '), r.documentId, r.folder, exempt(r, lang), LEFT_OUT[lang].no]
        .map(csvField)
        .join(','),
    );
  }
  // A referat left out has no number and no folder: only what says which document it is, and why.
  for (const o of leftOut) {
    lines.push(['', o.date, o.title, '', o.parties.join('; '), '', '', '', '', '', '', '', o.documentId, '', '', `${LEFT_OUT[lang].yes}: ${exemptionLine(o)}`].map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const PASSAGES = { da: (n: number) => `${n} passager`, en: (n: number) => `${n} passages` };

/** A row's exemption lines, each reason once with how many passages it covers. */
export function exemptionCounts(exemptions: readonly JournalExemption[]): Array<{ line: string; count: number }> {
  const counts = new Map<string, number>();
  for (const line of exemptions.map(exemptionLine)) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].map(([line, count]) => ({ line, count }));
}

/** The row's exemptions, then what is withheld. */
function exempt(r: JournalRow, lang: ExportLanguage): string {
  const parts = exemptionCounts(r.exemptions).map(({ line, count }) => (count === 1 ? line : `${line} (${PASSAGES[lang](count)})`));
  if (r.withheld.length > 0) parts.push(WITHHELD[lang](r.withheld.join(', ')));
  return parts.join('; ');
}
