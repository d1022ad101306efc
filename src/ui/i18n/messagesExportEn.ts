// English interface text for exporting one referat (HTML, Markdown, DOCX, print); every key of messagesExportDa needs one.
import type { messagesExportDa } from './messagesExportDa';

export const messagesExportEn: Record<keyof typeof messagesExportDa, string> = {
  'export.label': 'Export as document',
  'export.html': 'HTML',
  'export.markdown': 'Markdown',
  'export.docx': 'Word (DOCX)',
  'export.print': 'Print / PDF',
  'export.working': 'Making the file …',
  'export.saved': 'The referat is saved as “{file}”.',
  'export.failed': 'The referat could not be exported: {message}',
  'export.print.participants': 'Participants',
  'export.print.absent': 'absent',
  'export.print.checking': 'Status: the approvals have not been checked on this device yet.',
};
