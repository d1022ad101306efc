// Dates and times in exported documents, written as da-DK or en-GB writes them (Danish time for moments).
import type { ExportLabels } from './exportLabels';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Making an Intl formatter costs far more than using one, and a referat may hold hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** A `YYYY-MM-DD` date in words ("1. december 2026"); anything else is returned as it is. */
export function formatExportDate(isoDate: string, labels: ExportLabels): string {
  if (!DATE.test(isoDate)) return isoDate;
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return formatter(labels.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** An ISO 8601 moment as a date and time in Danish time, with the zone named; anything unreadable as it is. */
export function formatExportDateTime(iso: string, labels: ExportLabels): string {
  const d = new Date(iso);
  if (iso === '' || Number.isNaN(d.getTime())) return iso;
  const shown = formatter(labels.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(d);
  return `${shown} (${zoneName(d, labels.locale)})`;
}

function zoneName(d: Date, locale: string): string {
  const part = formatter(locale, { timeZone: 'Europe/Copenhagen', timeZoneName: 'short' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'Europe/Copenhagen';
}

/** "10:00–11:30", "10:00" or '' from the meeting's start and end time. */
export function meetingTime(startTime: string, endTime: string): string {
  if (startTime && endTime) return `${startTime}–${endTime}`;
  return startTime || endTime;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The date for a file name, `YYYY-MM-DD`, in the device's own time zone (what the page shows), never UTC. */
export function fileNameDate(now: Date): string {
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The date and time for a file name, `YYYY-MM-DD-HH-MM`, in the device's own time zone. */
export function fileNameDateTime(now: Date): string {
  return `${fileNameDate(now)}-${two(now.getHours())}-${two(now.getMinutes())}`;
}
