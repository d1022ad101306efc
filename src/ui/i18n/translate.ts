// Looks up a message in the chosen language and fills in its {placeholders}.
import type { Language } from '../../storage/settingsStore';
import { messagesDa, type MessageKey } from './messagesDa';
import { messagesEn } from './messagesEn';

const TABLES: Record<Language, Record<MessageKey, string>> = { da: messagesDa, en: messagesEn };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  const table = TABLES[lang];
  return (key, values) => {
    const text = table[key];
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  };
}

export const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
