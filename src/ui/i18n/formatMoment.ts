// A moment as people write it, in the device's own time zone: "6. dec. 2026 kl. 10.12" / "6 Dec 2026 at 10:12";
// without the year when it is this year, if asked ("6. dec. kl. 07.52").
import type { Language } from '../../storage/settingsStore';
import { LOCALES, type Translate } from './translate';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** The day alone: "6. dec. 2026", or "6. dec." this year with `shortYear`. */
export function formatDay(lang: Language, time: number, options: { shortYear?: boolean; now?: number } = {}): string {
  const d = new Date(time);
  const sameYear = options.shortYear === true && d.getFullYear() === new Date(options.now ?? Date.now()).getFullYear();
  return formatter(LOCALES[lang], sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

export function formatMoment(t: Translate, lang: Language, time: number, options: { shortYear?: boolean; now?: number } = {}): string {
  const clock = formatter(LOCALES[lang], { hour: '2-digit', minute: '2-digit' }).format(new Date(time));
  return t('words.moment', { date: formatDay(lang, time, options), time: clock });
}
