import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createLibraryDatabase } from './libraryDatabase';
import { loadLanguage, loadProfile, saveLanguage, saveProfile } from './settingsStore';

describe('library database settings', () => {
  it('stores the profile and language, and they survive reopening the database', async () => {
    const db = createLibraryDatabase();
    expect(await loadProfile(db)).toBeNull();
    await saveProfile(db, { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' });
    await saveLanguage(db, 'en');
    db.close();
    const again = createLibraryDatabase();
    expect(await loadProfile(again)).toEqual({ name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' });
    expect(await loadLanguage(again)).toBe('en');
    again.close();
  });

  it('refuses an invalid profile and keeps the saved one', async () => {
    const db = createLibraryDatabase();
    await saveProfile(db, { name: 'A', organisation: 'B', organisationKind: 'andet' });
    await expect(saveProfile(db, { name: ' ', organisation: 'B', organisationKind: 'andet' })).rejects.toThrow(RangeError);
    await expect(saveProfile(db, { name: 'A', organisation: 'B', organisationKind: 'firma' as never })).rejects.toThrow(RangeError);
    expect(await loadProfile(db)).toEqual({ name: 'A', organisation: 'B', organisationKind: 'andet' });
    db.close();
  });
});
