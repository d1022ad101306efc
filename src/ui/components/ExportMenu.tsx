// Exports the open referat as HTML, Markdown or Word, or prints it; with the print-only meeting details, the
// derived status and approvals, and the running head (title and date) of every printed page. The exporters load
// on the first export.
import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { errorMessage } from '../../core/errorMessage';
import type { TrustState } from '../../core/trustState';
import { readMeta } from '../../core/meta';
import { readParticipants } from '../../core/participants';
import { metaMap, participantsArray } from '../../core/referatDoc';
import type { ReferatExportFormat } from '../../session/exportReferat';
import { downloadFile } from '../downloadCopy';
import { useApp } from '../hooks/AppContext';
import { shallowJsonEqual, useYValue } from '../hooks/useYValue';
import { useI18n } from '../i18n/I18nContext';
import { PrintTrust } from './PrintTrust';
import '../print.css';

const FORMATS: ReadonlyArray<{ format: ReferatExportFormat; label: 'export.html' | 'export.markdown' | 'export.docx' }> = [
  { format: 'html', label: 'export.html' },
  { format: 'markdown', label: 'export.markdown' },
  { format: 'docx', label: 'export.docx' },
];

/** Marks the empty fields of agenda and action items while printing, so print.css leaves them out. */
function markEmptyFieldsForPrint(): () => void {
  const mark = () => {
    for (const input of document.querySelectorAll<HTMLInputElement>('.minutes-text .node-field input')) {
      input.closest('.node-field')?.toggleAttribute('data-print-empty', input.value.trim() === '');
    }
  };
  const unmark = () => {
    for (const field of document.querySelectorAll('[data-print-empty]')) field.removeAttribute('data-print-empty');
  };
  window.addEventListener('beforeprint', mark);
  window.addEventListener('afterprint', unmark);
  return () => {
    window.removeEventListener('beforeprint', mark);
    window.removeEventListener('afterprint', unmark);
    unmark();
  };
}

/** Text as a CSS string literal, for the `content` of a page margin box. */
function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
}

/** `trust` is the referat's trust state on this device (useTrustState), printed as status and approvals; null while checking. */
export function ExportMenu(props: { doc: Y.Doc; trust?: TrustState | null }) {
  const { doc } = props;
  const { db } = useApp();
  const { t, lang, formatDate } = useI18n();
  const id = useId();
  const meta = useYValue(metaMap(doc), () => readMeta(doc), shallowJsonEqual);
  const people = useYValue(participantsArray(doc), () => readParticipants(doc), shallowJsonEqual);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(markEmptyFieldsForPrint, []);

  const save = async (format: ReferatExportFormat) => {
    // A second press while a file is being made is ignored (the buttons stay focusable, so focus is not lost).
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(t('export.working'));
    try {
      const { exportReferat } = await import('../../session/exportReferat');
      // The file states the status and approvals as checked on this device now (every signature verified).
      const file = await exportReferat(db, doc, format, lang);
      downloadFile(file.fileName, file.bytes, file.mimeType);
      setMessage(t('export.saved', { file: file.fileName }));
    } catch (e) {
      setMessage(null);
      setError(t('export.failed', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  const title = meta.title.trim() || t('library.untitled');
  const date = meta.date ? formatDate(meta.date) : '';
  const time = meta.startTime && meta.endTime ? `${meta.startTime}–${meta.endTime}` : meta.startTime || meta.endTime;
  const when = [date, time, meta.location].filter(Boolean).join(' · ');
  const runningHead = [title, date].filter(Boolean).join(' · ');

  return (
    <>
      <div className="export-menu">
        <div role="group" aria-labelledby={`${id}-label`} className="actions">
          <span id={`${id}-label`} className="export-menu-label">{t('export.label')}</span>
          {FORMATS.map((f) => (
            <button key={f.format} type="button" aria-disabled={busy} onClick={() => void save(f.format)}>
              {t(f.label)}
            </button>
          ))}
          <button type="button" onClick={() => window.print()}>{t('export.print')}</button>
        </div>
        <div role="status" aria-live="polite">{message && <p className="muted">{message}</p>}</div>
        {error && <p role="alert" className="field-error">{error}</p>}
      </div>
      <div className="print-only print-details" data-testid="print-details">
        {when && <p>{when}</p>}
        {people.length > 0 && (
          <p>
            <strong>{t('export.print.participants')}:</strong>{' '}
            {people
              .map((p) => `${p.name}${p.organisation ? ` (${p.organisation})` : ''}${p.present ? '' : ` – ${t('export.print.absent')}`}`)
              .join(', ')}
          </p>
        )}
        <PrintTrust trust={props.trust ?? null} />
      </div>
      <style>{`@page { @top-left { content: ${cssString(runningHead)}; font: 9pt system-ui, sans-serif; color: #404040; } }`}</style>
    </>
  );
}
