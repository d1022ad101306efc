// The label–value lines every exporter shows: the meeting's details, and an agenda item's case number and KLE code.
import type { AgendaItemInfo } from '../core/structure';
import { formatExportDate, meetingTime } from './exportDates';
import type { ExportLabels } from './exportLabels';
import type { ReferatView } from './referatView';

export interface DetailLine {
  label: string;
  value: string;
  /** The `YYYY-MM-DD` date the value writes out, for a machine-readable <time>. */
  isoDate?: string;
}

/** Date, time, location, status and series; lines without a value are left out. */
export function meetingDetails(view: ReferatView, l: ExportLabels): DetailLine[] {
  const { meta } = view;
  const lines: DetailLine[] = [
    { label: l.date, value: formatExportDate(meta.date, l), isoDate: meta.date },
    { label: l.time, value: meetingTime(meta.startTime, meta.endTime) },
    { label: l.location, value: meta.location },
    // The derived status, never the stored meta.status, which any peer can write.
    { label: l.status, value: l.statuses[view.approvals.status] },
    { label: l.series, value: view.seriesName },
  ];
  return lines.filter((d) => d.value !== '');
}

export function agendaItemDetails(item: AgendaItemInfo, l: ExportLabels): DetailLine[] {
  const lines: DetailLine[] = [
    { label: l.caseNumber, value: item.caseNumber },
    { label: l.kleCode, value: item.kleCode },
  ];
  return lines.filter((d) => d.value !== '');
}
