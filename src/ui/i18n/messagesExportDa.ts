// Danish interface text for exporting one referat (HTML, Markdown, DOCX, print); merged into messagesDa.
export const messagesExportDa = {
  'export.label': 'Eksportér som dokument',
  'export.html': 'HTML',
  'export.markdown': 'Markdown',
  'export.docx': 'Word (DOCX)',
  'export.print': 'Udskriv / PDF',
  'export.working': 'Laver filen …',
  'export.saved': 'Referatet er gemt som »{file}«.',
  'export.failed': 'Referatet kunne ikke eksporteres: {message}',
  'export.print.participants': 'Deltagere',
  'export.print.absent': 'fraværende',
  'export.print.checking': 'Status: godkendelserne er ikke kontrolleret endnu på denne enhed.',
} as const;
