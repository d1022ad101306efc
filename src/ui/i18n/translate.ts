// Looks up a message in the chosen language and fills in its {placeholders}. Danish is in the first load; English is
// fetched when first chosen (loadMessages), and Danish stands in until it has arrived.
import type { Language } from '../../storage/settingsStore';
import { messagesDa, type MessageKey } from './messagesDa';

type MessageTable = Record<MessageKey, string>;

const TABLES: Partial<Record<Language, MessageTable>> = { da: messagesDa };
const LOADING: Partial<Record<Language, Promise<void>>> = {};

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** True once `lang`'s texts are here (Danish always is). */
export function messagesLoaded(lang: Language): boolean {
  return TABLES[lang] !== undefined;
}

/** Fetches `lang`'s texts (its own chunk, precached for offline use); resolves at once when they are here. */
export function loadMessages(lang: Language): Promise<void> {
  if (TABLES[lang]) return Promise.resolve();
  LOADING[lang] ??= import('./messagesEn').then(
    (m) => {
      TABLES.en = m.messagesEn;
    },
    (e: unknown) => {
      delete LOADING[lang];
      throw e;
    },
  );
  return LOADING[lang];
}

/** Translates into `lang`, or into Danish while `lang`'s texts are still on their way. */
export function translator(lang: Language): Translate {
  const table = TABLES[lang] ?? messagesDa;
  return (key, values) => {
    const text = table[key];
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  };
}

export const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
