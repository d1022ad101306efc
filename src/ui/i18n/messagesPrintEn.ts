// English interface text for printing and the PDF download.
import type { messagesPrintDa } from './messagesPrintDa';

export const messagesPrintEn: Record<keyof typeof messagesPrintDa, string> = {
  'print.documentTitle': '{title} – Referat',
  'print.details': 'Meeting details',
  'print.actionItems': 'Action items',
  'print.actionItemsNone': 'No action items',
  'print.page': 'Page',
  'print.of': 'of',
  'export.pdf': 'Download as PDF',
  'export.pdfWorking': 'Making the PDF file …',
};
