// An action item's state in words, the same on the printed page and in the PDF:
// "Ikke udført · Ansvarlig: Bo Lund (Systemhuset A/S) · Frist: 31. januar 2027".
import type { ActionItemInfo } from '../core/structure';
import { formatExportDate } from './exportDates';
import { exportLabels } from './exportLabels';
import type { ExportLanguage } from './exportOptions';

const NOT_DONE: Record<ExportLanguage, string> = { da: 'Ikke udført', en: 'Not done' };
const ACTION_ITEM: Record<ExportLanguage, string> = { da: 'Handlingspunkt', en: 'Action item' };

/** "Handlingspunkt": what one action item is called. */
export function actionItemLabel(lang: ExportLanguage): string {
  return ACTION_ITEM[lang];
}

/** "Udført" or "Ikke udført". */
export function actionItemDoneWords(done: boolean, lang: ExportLanguage): string {
  return done ? exportLabels(lang).done : NOT_DONE[lang];
}

/** Done or not, then the owner (with organisation) and the due date, when given. */
export function actionItemWords(item: Pick<ActionItemInfo, 'done' | 'owner' | 'ownerOrganisation' | 'due'>, lang: ExportLanguage): string {
  const l = exportLabels(lang);
  const owner = [item.owner.trim(), item.ownerOrganisation.trim() && `(${item.ownerOrganisation.trim()})`].filter(Boolean).join(' ');
  return [
    actionItemDoneWords(item.done, lang),
    owner && `${l.owner}: ${owner}`,
    item.due && `${l.due}: ${formatExportDate(item.due, l)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}
