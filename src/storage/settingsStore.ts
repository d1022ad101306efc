// Typed access to the settings table: the profile, the chosen language and the index version.
import { isProfile, type Profile } from '../core/profile';
import type { LibraryDatabase } from './libraryDatabase';

export type Language = 'da' | 'en';

export function isLanguage(v: unknown): v is Language {
  return v === 'da' || v === 'en';
}

export async function loadProfile(db: LibraryDatabase): Promise<Profile | null> {
  const row = await db.settings.get('profile');
  return row && isProfile(row.value) ? row.value : null;
}

export async function saveProfile(db: LibraryDatabase, profile: Profile): Promise<void> {
  if (!isProfile(profile)) throw new RangeError('Invalid profile');
  await db.settings.put({ key: 'profile', value: { ...profile } });
}

export async function loadLanguage(db: LibraryDatabase): Promise<Language | null> {
  const row = await db.settings.get('language');
  return row && isLanguage(row.value) ? row.value : null;
}

export async function saveLanguage(db: LibraryDatabase, language: Language): Promise<void> {
  await db.settings.put({ key: 'language', value: language });
}

export async function loadIndexVersion(db: LibraryDatabase): Promise<number> {
  const row = await db.settings.get('indexVersion');
  return typeof row?.value === 'number' ? row.value : 0;
}

export async function saveIndexVersion(db: LibraryDatabase, version: number): Promise<void> {
  await db.settings.put({ key: 'indexVersion', value: version });
}
