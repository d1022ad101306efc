// Makes a readable copy of an open referat (HTML, Markdown or Word) as a file; loaded only when first used. The
// status and approvals in it are the trust state checked on this device when the file is made.
import type * as Y from 'yjs';
import { readMeta } from '../core/meta';
import { safeFileName } from '../core/safeFileName';
import type { TrustState } from '../core/trustState';
import type { ExportLanguage } from '../export/exportOptions';
import { referatDocx } from '../export/referatDocx';
import { referatHtml } from '../export/referatHtml';
import { referatMarkdown } from '../export/referatMarkdown';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { referatTrust } from './referatTrust';

export type ReferatExportFormat = 'html' | 'markdown' | 'docx';

export interface ReferatExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();

/** The file for one format and a trust state; its name is the title and the meeting date, e.g. "Driftsmøde 2026-11-30.docx". */
export function referatExportFile(doc: Y.Doc, trust: TrustState, format: ReferatExportFormat, lang: ExportLanguage): ReferatExportFile {
  const meta = readMeta(doc);
  const base = `${safeFileName(meta.title)}${meta.date ? ` ${meta.date}` : ''}`;
  switch (format) {
    case 'html':
      return { fileName: `${base}.html`, mimeType: 'text/html;charset=utf-8', bytes: encoder.encode(referatHtml(doc, trust, { lang })) };
    case 'markdown':
      return { fileName: `${base}.md`, mimeType: 'text/markdown;charset=utf-8', bytes: encoder.encode(referatMarkdown(doc, trust, { lang })) };
    case 'docx':
      return {
        fileName: `${base}.docx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: referatDocx(doc, trust, { lang }) as Uint8Array<ArrayBuffer>,
      };
  }
}

/** Checks every approval against this device's known keys, then makes the file. */
export async function exportReferat(db: LibraryDatabase, doc: Y.Doc, format: ReferatExportFormat, lang: ExportLanguage): Promise<ReferatExportFile> {
  return referatExportFile(doc, await referatTrust(db, doc), format, lang);
}
