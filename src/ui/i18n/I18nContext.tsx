// Provides the interface language, translation and da-DK / en-GB date formatting to every component.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../../storage/settingsStore';
import { LOCALES, loadMessages, messagesLoaded, translator, type Translate } from './translate';

export interface I18n {
  lang: Language;
  /** True when `?lang=` in the URL overrides the saved choice. */
  forced: boolean;
  t: Translate;
  /** Formats a `YYYY-MM-DD` date as the user's locale writes it. */
  formatDate(isoDate: string): string;
  formatDateTime(time: number): string;
  formatBytes(bytes: number): string;
  setLanguage(lang: Language): void;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider(props: { lang: Language; forced: boolean; setLanguage: (l: Language) => void; children: ReactNode }) {
  const { lang, forced, setLanguage } = props;
  // English is fetched when first chosen; the texts switch once it is here (Danish stands in for that moment).
  const [, setArrived] = useState(0);
  const loaded = messagesLoaded(lang);
  useEffect(() => {
    if (loaded) return;
    let current = true;
    loadMessages(lang).then(
      () => current && setArrived((n) => n + 1),
      (e: unknown) => console.error(`The ${lang} texts could not be loaded`, e),
    );
    return () => {
      current = false;
    };
  }, [lang, loaded]);
  const value = useMemo<I18n>(() => {
    const locale = LOCALES[lang];
    const dateFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const numFmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      lang,
      forced,
      t: translator(loaded ? lang : 'da'),
      formatDate(isoDate) {
        const d = new Date(`${isoDate}T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? isoDate : dateFmt.format(d);
      },
      formatDateTime: (time) => dateTimeFmt.format(new Date(time)),
      formatBytes(bytes) {
        const units = ['B', 'kB', 'MB', 'GB', 'TB'];
        let v = bytes;
        let i = 0;
        while (v >= 1000 && i < units.length - 1) {
          v /= 1000;
          i++;
        }
        return `${numFmt.format(v)} ${units[i] ?? 'B'}`;
      },
      setLanguage,
    };
  }, [lang, loaded, forced, setLanguage]);
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
