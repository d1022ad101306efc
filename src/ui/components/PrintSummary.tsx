// What only the printed page shows, as text rather than form fields. At the head: the meeting details with the date
// in words ("31. januar 2027"), the participants and the status; at the end: the action items in words ("Ikke udført
// · Ansvarlig: … · Frist: …") and the approvals. It also gives every printed page its running head, and the agenda
// and action items in the text their fields as words, since print.css hides the inputs and checkboxes.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type * as Y from 'yjs';
import { followUpMap } from '../../core/followUpState';
import { readMeta } from '../../core/meta';
import { readParticipants } from '../../core/participants';
import { bodyFragment, metaMap, participantsArray } from '../../core/referatDoc';
import { readStructure, type ReferatStructure } from '../../core/structure';
import type { TrustState } from '../../core/trustState';
import { actionItemWords } from '../../export/actionItemWords';
import { agendaItemDetails } from '../../export/detailLines';
import { formatExportDate, meetingTime } from '../../export/exportDates';
import { exportLabels } from '../../export/exportLabels';
import { cssString } from '../cssString';
import { shallowJsonEqual, useYValue } from '../hooks/useYValue';
import { useI18n } from '../i18n/I18nContext';
import { PrintStatus, PrintTrust } from './PrintTrust';
import '../print.css';

const REFRESH_MS = 400;
const NODE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The body's structure, read again a moment after changes (not on every keystroke) and at once before printing. */
function usePrintStructure(doc: Y.Doc): ReferatStructure {
  const [structure, setStructure] = useState(() => readStructure(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      const next = readStructure(doc);
      setStructure((prev) => (shallowJsonEqual(prev, next) ? prev : next));
    };
    const later = () => {
      timer ??= setTimeout(refresh, REFRESH_MS);
    };
    const beforePrint = () => flushSync(refresh);
    const body = bodyFragment(doc);
    const ticks = followUpMap(doc);
    body.observeDeep(later);
    ticks.observeDeep(later);
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      if (timer) clearTimeout(timer);
      body.unobserveDeep(later);
      ticks.unobserveDeep(later);
      window.removeEventListener('beforeprint', beforePrint);
    };
  }, [doc]);
  return structure;
}

/** Under the title: the meeting details, participants and status; and every printed page's head and number. */
function PrintHead(props: { doc: Y.Doc; trust: TrustState | null }) {
  const { t, lang } = useI18n();
  const l = exportLabels(lang);
  const meta = useYValue(metaMap(props.doc), () => readMeta(props.doc), shallowJsonEqual);
  const people = useYValue(participantsArray(props.doc), () => readParticipants(props.doc), shallowJsonEqual);
  const title = meta.title.trim() || t('library.untitled');
  const date = meta.date ? formatExportDate(meta.date, l) : '';
  const details = [
    { label: l.date, value: date },
    { label: l.time, value: meetingTime(meta.startTime, meta.endTime) },
    { label: l.location, value: meta.location },
  ].filter((d) => d.value !== '');
  const runningHead = [title, date].filter(Boolean).join(' · ');
  return (
    <section className="print-only print-details" data-testid="print-details" aria-label={t('print.details')}>
      {details.length > 0 && (
        <p className="print-when">
          {details.map((d, i) => (
            <span key={d.label}>
              {i > 0 && ' · '}
              <strong>{d.label}:</strong> {d.value}
            </span>
          ))}
        </p>
      )}
      {people.length > 0 && (
        <p>
          <strong>{t('export.print.participants')}:</strong>{' '}
          {people
            .map((p) => `${p.name}${p.organisation ? ` (${p.organisation})` : ''}${p.present ? '' : ` – ${t('export.print.absent')}`}`)
            .join(', ')}
        </p>
      )}
      <PrintStatus trust={props.trust} />
      <style>
        {`@page { @top-left { content: ${cssString(runningHead)}; font: 9pt system-ui, sans-serif; color: #404040; }` +
          ` @bottom-right { content: ${cssString(`${t('print.page')} `)} counter(page) ${cssString(` ${t('print.of')} `)} counter(pages); } }`}
      </style>
    </section>
  );
}

/** The action items in words and the approvals, after the text; and the text's own fields written out. */
function PrintEnd(props: { doc: Y.Doc; trust: TrustState | null }) {
  const { t, lang } = useI18n();
  const l = exportLabels(lang);
  const structure = usePrintStructure(props.doc);
  const rules: string[] = [];
  for (const item of structure.agendaItems) {
    const words = agendaItemDetails(item, l).map((d) => `${d.label}: ${d.value}`).join(' · ');
    if (words && NODE_ID.test(item.id)) rules.push(`.minutes-text .agenda-item[data-id="${item.id}"] > .agenda-item-fields::before { content: ${cssString(words)}; }`);
  }
  for (const item of structure.actionItems) {
    if (NODE_ID.test(item.id)) rules.push(`.minutes-text .action-item[data-id="${item.id}"] > .action-item-fields::before { content: ${cssString(actionItemWords(item, lang))}; }`);
  }
  return (
    <section className="print-only print-end" data-testid="print-end" aria-label={t('print.actionItems')}>
      <div data-testid="print-action-items">
        <p><strong>{t('print.actionItems')}:</strong>{structure.actionItems.length === 0 && ` ${t('print.actionItemsNone')}`}</p>
        {structure.actionItems.length > 0 && (
          <ul>
            {structure.actionItems.map((a, i) => (
              <li key={`${a.id} ${i}`}>
                {a.text.trim() || l.untitled} – {actionItemWords(a, lang)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <PrintTrust trust={props.trust} />
      {rules.length > 0 && <style>{`@media print { ${rules.join('\n')} }`}</style>}
    </section>
  );
}

/** `part` "head" goes under the title, "end" after the minutes text. */
export function PrintSummary(props: { doc: Y.Doc; trust: TrustState | null; part: 'head' | 'end' }) {
  return props.part === 'head' ? <PrintHead doc={props.doc} trust={props.trust} /> : <PrintEnd doc={props.doc} trust={props.trust} />;
}
