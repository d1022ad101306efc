// Tells the app when another tab upgrades or deletes the library database. Dexie's own handler (registered first)
// has then closed this tab's connection, so the other tab's upgrade goes on instead of waiting (no deadlock); this
// tab must be reloaded to read the library again. The referater's own databases are separate and keep saving.
import type { Dexie } from 'dexie';

export function onLibraryVersionChange(db: Dexie, listener: () => void): () => void {
  const handler = () => {
    listener();
  };
  db.on('versionchange', handler);
  return () => db.on('versionchange').unsubscribe(handler);
}
