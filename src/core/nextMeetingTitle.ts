// The title proposed for the next meeting in a series: a date in the title becomes the new date (in the same style),
// a month name the new month, a meeting number the next number ("Styregruppemøde 11" → "Styregruppemøde 12");
// any other title gets the new date after it.
import { DANISH_MONTHS, findDanishDates, formatDanishDate } from './danishDate';

const MAX_TITLE = 500;
/** A meeting number: the last number of the title, or "11." / "nr. 11" / "#11" before the words, never a year. */
const TRAILING_NUMBER = /(?<![\d/.:-])(\d{1,3})(?![\d/:-]|\.\d)(?!.*\d)/u;
const LEADING_ORDINAL = /^(\d{1,3})\.(?=\s)/u;
const MONTH_WORD = new RegExp(`(?<!\\p{L})(${DANISH_MONTHS.join('|')})(?!\\p{L})`, 'iu');

function sameCase(word: string, like: string): string {
  return like[0] === like[0]?.toLocaleUpperCase('da') ? word[0]!.toLocaleUpperCase('da') + word.slice(1) : word;
}

/** The title for the meeting after one titled `title` (held on `previousDate`, `YYYY-MM-DD` or ''), on `nextDate`. */
export function nextMeetingTitle(title: string, previousDate: string, nextDate: string): string {
  const t = title.trim();
  if (t === '') return '';
  const dates = findDanishDates(t, previousDate || nextDate);
  if (dates.length > 0) {
    const d = dates[dates.length - 1]!;
    const written = d.withYear ? formatDanishDate(nextDate, d.style) : formatDanishDate(nextDate, d.style).replace(/(\s|-)\d{4}$/u, '');
    return (t.slice(0, d.index) + written + t.slice(d.index + d.length)).slice(0, MAX_TITLE);
  }
  const month = MONTH_WORD.exec(t);
  if (month) {
    const next = DANISH_MONTHS[Number(nextDate.slice(5, 7)) - 1] ?? month[1]!;
    const yearAfter = /^\s+(\d{4})(?!\d)/u.exec(t.slice(month.index + month[0].length));
    const tail = t.slice(month.index + month[0].length + (yearAfter ? yearAfter[0].length : 0));
    return `${t.slice(0, month.index)}${sameCase(next, month[1]!)}${yearAfter ? ` ${nextDate.slice(0, 4)}` : ''}${tail}`.slice(0, MAX_TITLE);
  }
  const ordinal = LEADING_ORDINAL.exec(t);
  if (ordinal) return `${Number(ordinal[1]) + 1}${t.slice(ordinal[1]!.length)}`;
  const number = TRAILING_NUMBER.exec(t);
  if (number) return `${t.slice(0, number.index)}${Number(number[1]) + 1}${t.slice(number.index + number[1]!.length)}`;
  return `${t} ${formatDanishDate(nextDate)}`.slice(0, MAX_TITLE);
}
