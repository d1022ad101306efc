// English interface text for exporting one referat (HTML, Markdown, DOCX, print); every key of messagesExportDa needs one.
import type { messagesExportDa } from './messagesExportDa';

export const messagesExportEn: Record<keyof typeof messagesExportDa, string> = {
};
