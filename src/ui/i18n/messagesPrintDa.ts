// Danish interface text for printing and the PDF download.
export const messagesPrintDa = {
  'print.documentTitle': '{title} – Referat',
  'print.details': 'Mødeoplysninger',
  'print.actionItems': 'Handlingspunkter',
  'print.actionItemsNone': 'Ingen handlingspunkter',
  'print.page': 'Side',
  'print.of': 'af',
  'export.pdf': 'Hent som PDF',
  'export.pdfWorking': 'Laver PDF-filen …',
} as const;
