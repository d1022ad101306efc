import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { requestResult } from './idbRequest';
import { createLibraryDatabase, LIBRARY_DB_NAME } from './libraryDatabase';
import { onLibraryVersionChange } from './libraryVersionChange';
import { saveLanguage } from './settingsStore';

describe('library database upgraded by another tab', () => {
  it('closes this tab’s connection so the upgrade goes on (no deadlock), and tells the app to ask for a reload', async () => {
    const indexedDB = new IDBFactory();
    const db = createLibraryDatabase({ indexedDB, IDBKeyRange });
    await saveLanguage(db, 'en');
    const told: string[] = [];
    onLibraryVersionChange(db, () => told.push('reload'));
    // A newer version of the app, in another tab, opens the library at a higher schema version.
    const newer = await requestResult(indexedDB.open(LIBRARY_DB_NAME, db.verno * 10 + 10));
    expect(told).toEqual(['reload']);
    expect(db.isOpen()).toBe(false);
    // Nothing was lost: the newer tab reads what the older one wrote.
    const row = await requestResult(newer.transaction(['settings'], 'readonly').objectStore('settings').get('language'));
    expect(row).toEqual({ key: 'language', value: 'en' });
    newer.close();
  });
});
