// Journal rows whose every text field is hostile to spreadsheets: formula starts after `;`, `,`, tabs, line breaks,
// quotes and blanks, in ASCII and fullwidth, for the journal.csv tests (unit and LibreOffice).
import type { JournalLeftOut, JournalRow } from '../../../src/export/journal';
import { journalRow } from '../../../src/export/journal';
import { newSampleId, sampleReferat } from '../../../src/testSupport/sampleReferat';
import { checkedApproval, trustState } from './trustFixture';

/** Texts a spreadsheet could read a formula from, if the CSV writer let any part of them through. */
export const HOSTILE_TEXTS: readonly string[] = [
  'Møde;=1+1',
  'Møde, =1+1',
  'Møde; +1+2',
  'Møde;-3+4',
  'Møde;@SUM(1;2)',
  'Møde;＝1+1',
  'Møde;＋1+1',
  'Møde;－1+1',
  'Møde;＠SUM(1)',
  'Møde\t=1+1',
  'Møde;\t=1+1',
  'Møde\n=1+1',
  'Møde\r\n=1+1',
  'Møde;"=1+1"',
  'Møde; "=1+1',
  '=HYPERLINK("http://example.invalid";"klik")',
  '-2+3',
  '"=1+1',
];

/** A row built from a real referat whose title, party, case number and KLE code are hostile, and a hand-made one. */
export function hostileJournalRows(): JournalRow[] {
  const id = newSampleId();
  const doc = sampleReferat({
    id,
    title: 'Møde;=1+1',
    date: '2026-01-14',
    organisation: 'Leverandør, =HYPERLINK("http://example.invalid";"klik")',
    text: 'Tekst.',
    caseNumber: '26/0042;=1+1',
    kleCode: '@SUM(1;2)',
  });
  const trust = trustState({
    organisations: [{ organisation: '=1+1;Aarhus', state: 'missing' }],
    approvals: [checkedApproval({ id: 'a', name: '+45 1234;=1+1', organisation: '-Kommune,=2+2' })],
  });
  const fromDoc = journalRow(doc, trust, { number: 1, documentId: id, folder: 'referater/001 2026-01-14 Møde=1+1', files: [] });
  const handMade: JournalRow = {
    number: 2,
    documentId: 'doc-2',
    date: '2026-02-11',
    title: HOSTILE_TEXTS.join(' | '),
    subject: HOSTILE_TEXTS.join('; '),
    parties: [...HOSTILE_TEXTS],
    participants: HOSTILE_TEXTS.map((t) => ({ name: t, organisation: t, present: false })),
    caseNumbers: [...HOSTILE_TEXTS],
    kleCodes: ['＝1+1', '@A1'],
    status: 'draft',
    organisations: HOSTILE_TEXTS.map((t) => ({ organisation: t, state: 'missing' as const })),
    approvals: [],
    notCounted: HOSTILE_TEXTS.map((t) => ({ kind: 'invalidApproval' as const, name: t, organisation: t, removedBy: null })),
    folder: 'referater/002 2026-02-11 x',
    files: [],
    exemptions: HOSTILE_TEXTS.map((t) => ({ reason: 'other', ref: t, description: '', note: t })),
    withheld: [],
  };
  return [fromDoc, handMade];
}

/** A referat left out whose title, parties and reason are hostile. */
export function hostileLeftOut(): JournalLeftOut[] {
  return [{ documentId: 'doc-3', date: '2026-03-04', title: HOSTILE_TEXTS.join(' | '), parties: [...HOSTILE_TEXTS], reason: 'other', ref: HOSTILE_TEXTS.join('; '), description: '', note: HOSTILE_TEXTS.join('; ') }];
}
