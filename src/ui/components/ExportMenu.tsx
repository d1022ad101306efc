// Exports the open referat as HTML, Markdown, Word or PDF, or prints it (what only the printed page shows is
// PrintSummary's). The exporters load on the first export; pdf-lib only when a PDF is asked for.
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { errorMessage } from '../../core/errorMessage';
import { readMeta } from '../../core/meta';
import type { TrustState } from '../../core/trustState';
import type { ReferatExportFormat } from '../../session/exportReferat';
import { downloadFile } from '../downloadCopy';
import { useApp } from '../hooks/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { todayIsoDate } from '../todayIsoDate';
import '../print.css';

const FORMATS: ReadonlyArray<{ format: ReferatExportFormat; label: 'export.html' | 'export.markdown' | 'export.docx' }> = [
  { format: 'html', label: 'export.html' },
  { format: 'markdown', label: 'export.markdown' },
  { format: 'docx', label: 'export.docx' },
];

/** `trust` is accepted for callers but not used: PrintSummary prints the trust state, and every file checks it afresh. */
export function ExportMenu(props: { doc: Y.Doc; trust?: TrustState | null }) {
  const { doc } = props;
  const { db } = useApp();
  const { t, lang } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Makes one file and offers it as a download, saying so beside the buttons. */
  const run = async (working: string, make: () => Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer>; mimeType: string }>) => {
    // A second press while a file is being made is ignored (the buttons stay focusable, so focus is not lost).
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(working);
    try {
      const file = await make();
      downloadFile(file.fileName, file.bytes, file.mimeType);
      setMessage(t('export.saved', { file: file.fileName }));
    } catch (e) {
      setMessage(null);
      setError(t('export.failed', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  // Each file states the status and approvals as checked on this device now (every signature verified).
  const save = (format: ReferatExportFormat) =>
    run(t('export.working'), async () => {
      const { exportReferat } = await import('../../session/exportReferat');
      return exportReferat(db, doc, format, lang);
    });

  const savePdf = () =>
    run(t('export.pdfWorking'), async () => {
      const [{ referatTrust }, { referatPdf, referatPdfFileName }] = await Promise.all([
        import('../../session/referatTrust'),
        import('../../export/referatPdf'),
      ]);
      const bytes = await referatPdf(doc, await referatTrust(db, doc), { lang });
      // Named after the meeting's date, or today's in local time when it has none.
      return { fileName: referatPdfFileName(readMeta(doc), todayIsoDate()), bytes: bytes as Uint8Array<ArrayBuffer>, mimeType: 'application/pdf' };
    });

  return (
    <div className="export-menu">
      <div role="group" aria-labelledby={`${id}-label`} className="actions">
        <span id={`${id}-label`} className="export-menu-label">{t('export.label')}</span>
        {FORMATS.map((f) => (
          <button key={f.format} type="button" aria-disabled={busy} onClick={() => void save(f.format)}>
            {t(f.label)}
          </button>
        ))}
        <button type="button" aria-disabled={busy} onClick={() => void savePdf()}>{t('export.pdf')}</button>
        <button type="button" onClick={() => window.print()}>{t('export.print')}</button>
      </div>
      <div role="status" aria-live="polite">{message && <p className="muted">{message}</p>}</div>
      {error && <p role="alert" className="field-error">{error}</p>}
    </div>
  );
}
