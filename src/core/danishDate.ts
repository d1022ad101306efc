// Dates as Danish minutes write them: "12. januar 2027", "12. jan. 2027", "12/1-2027", "12.01.2027", "2027-01-12",
// found in free text, and written back in the same style. A date without a year is the first such day after a reference.

export const DANISH_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const;

/** How a date was written, to write another one the same way. */
export type DateStyle = 'iso' | 'long' | 'numeric';

export interface FoundDate {
  /** `YYYY-MM-DD` */
  iso: string;
  /** Where it stands in the text, and how long it is there. */
  index: number;
  length: number;
  style: DateStyle;
  /** The year was written (not inferred). */
  withYear: boolean;
}

const MONTH = '(jan(?:uar)?|feb(?:ruar)?|mar(?:ts)?|apr(?:il)?|maj|jun[i]?|jul[i]?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const PATTERNS: Array<{ style: DateStyle; re: RegExp }> = [
  { style: 'iso', re: /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/gu },
  { style: 'long', re: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s*${MONTH}(?:\\s+(\\d{4}))?(?![\\p{L}\\d])`, 'giu') },
  // "12/1-2027", "12.01.2027", "12/1/27", "12.1.27"; with a dot only with a year, so "kl. 9.05" is no date.
  { style: 'numeric', re: /(?<![\d/.-]|kl\.?\s?)(\d{1,2})[/.](\d{1,2})(?:[-/.\s](\d{4})|([/.])(\d{2}))(?![\d/]|\.\d)/giu },
  { style: 'numeric', re: /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/-]|\.\d)/gu },
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` for a real calendar day, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : null;
}

function monthOf(word: string): number {
  const w = word.toLocaleLowerCase('da').replace(/\.$/u, '');
  return DANISH_MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
}

/** The year that puts day/month first after `after` (`YYYY-MM-DD`), for a date written without one. */
function yearAfter(month: number, day: number, after: string): number {
  const year = Number(after.slice(0, 4));
  const same = isoDate(year, month, day);
  return same !== null && same > after ? year : year + 1;
}

/** Every date written in `text`, in order; dates without a year are placed after `reference` (`YYYY-MM-DD`). */
export function findDanishDates(text: string, reference: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { style, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const [all, a = '', b = '', four, , two] = m;
      const c = four ?? two;
      let year: number, month: number, day: number;
      if (style === 'iso') [year, month, day] = [Number(a), Number(b), Number(c)];
      else {
        day = Number(a);
        month = style === 'long' ? monthOf(b) : Number(b);
        year = c === undefined ? yearAfter(month, day, reference) : c.length === 2 ? 2000 + Number(c) : Number(c);
      }
      const iso = isoDate(year, month, day);
      if (iso === null) continue;
      const index = m.index;
      if (found.some((f) => index < f.index + f.length && f.index < index + all.length)) continue;
      found.push({ iso, index, length: all.length, style, withYear: c !== undefined || style === 'iso' });
    }
  }
  return found.toSorted((x, y) => x.index - y.index);
}

/** `date` (`YYYY-MM-DD`) written in `style`: "12. januar 2027", "12/1-2027" or "2027-01-12". */
export function formatDanishDate(date: string, style: DateStyle = 'long'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (style === 'iso') return date;
  if (style === 'numeric') return `${d}/${m}-${y}`;
  return `${d}. ${DANISH_MONTHS[m - 1]} ${y}`;
}
