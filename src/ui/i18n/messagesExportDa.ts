// Danish interface text for exporting one referat (HTML, Markdown, DOCX, print); merged into messagesDa.
export const messagesExportDa = {
} as const;
