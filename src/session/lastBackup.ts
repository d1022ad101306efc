// When this device last saved a backup (Settings → Sikkerhedskopi): kept in the settings table under `lastBackup`,
// this device's own fact, never synced, read by Settings to advise a backup when storage is not persistent.
import type { LibraryDatabase } from '../storage/libraryDatabase';

const KEY = 'lastBackup';

/** The time (ms since 1970) the last backup was saved on this device, or null when none was (or the row is damaged). */
export async function loadLastBackup(db: LibraryDatabase): Promise<number | null> {
  const row = await db.settings.get(KEY);
  const at: unknown = (row?.value as { at?: unknown } | undefined)?.at;
  return typeof at === 'number' && Number.isFinite(at) && at > 0 ? at : null;
}

export async function recordLastBackup(db: LibraryDatabase, at = Date.now()): Promise<void> {
  await db.settings.put({ key: KEY, value: { at } });
}
