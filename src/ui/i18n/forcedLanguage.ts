// `?lang=da` or `?lang=en` on any URL forces the interface language; anything else is ignored.
import { isLanguage, type Language } from '../../session/settings';

export function forcedLanguage(search: string): Language | null {
  const value = new URLSearchParams(search).get('lang');
  return isLanguage(value) ? value : null;
}
