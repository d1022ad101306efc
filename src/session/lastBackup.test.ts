import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { loadLastBackup, recordLastBackup } from './lastBackup';

const dbs: LibraryDatabase[] = [];
afterEach(() => { for (const db of dbs.splice(0)) db.close(); });

describe('last backup', () => {
  it('is null until a backup is recorded, then the time it was saved', async () => {
    const db = createLibraryDatabase();
    dbs.push(db);
    await db.settings.delete('lastBackup');
    expect(await loadLastBackup(db)).toBeNull();
    await recordLastBackup(db, 1_796_000_000_000);
    expect(await loadLastBackup(db)).toBe(1_796_000_000_000);
  });

  it('reads a damaged row as no backup', async () => {
    const db = createLibraryDatabase();
    dbs.push(db);
    await db.settings.put({ key: 'lastBackup', value: { at: 'i går' } });
    expect(await loadLastBackup(db)).toBeNull();
    await db.settings.put({ key: 'lastBackup', value: null });
    expect(await loadLastBackup(db)).toBeNull();
  });
});
