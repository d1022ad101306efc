// Closing a carried-forward action item closes it at its origin too: whenever an index row changes (an edit,
// live sync, an import), its done items that came from an earlier referat are ticked off there as well.
// The origin then changes and is reindexed, so a chain of meetings closes back to the first one. The origin is
// ticked in its `followUp` map (setActionItemDoneIn), never in its signed body, so its approvals keep holding.
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { setActionItemDoneIn } from './setActionItemDoneIn';

export async function propagateClosures(db: LibraryDatabase, docId: string): Promise<number> {
  const row = await db.referater.get(docId);
  if (!row) return 0;
  let closed = 0;
  for (const item of row.actionItems ?? []) {
    if (!item.done || !item.originDoc || !item.originItem || item.originDoc === docId) continue;
    const origin = await db.referater.get(item.originDoc);
    const there = origin?.actionItems?.find((a) => a.id === item.originItem);
    if (!there || there.done) continue;
    if (await setActionItemDoneIn(db, item.originDoc, item.originItem, true)) closed++;
  }
  return closed;
}

/** Watches the library index and propagates closures after every committed change to a row. */
export function installClosurePropagation(db: LibraryDatabase, onError: (e: unknown) => void = () => undefined): void {
  const queued = new Set<string>();
  let running = false;
  const drain = async () => {
    if (running) return;
    running = true;
    try {
      while (queued.size > 0) {
        const [id] = queued;
        if (id === undefined) break;
        queued.delete(id);
        await propagateClosures(db, id).catch(onError);
      }
    } finally {
      running = false;
    }
  };
  const schedule = (id: unknown, tx: { on(event: 'complete', fn: () => void): void }) => {
    if (typeof id !== 'string') return;
    tx.on('complete', () => {
      queued.add(id);
      setTimeout(() => void drain(), 0);
    });
  };
  db.referater.hook('creating', (key, _obj, tx) => schedule(key, tx));
  db.referater.hook('updating', (_mods, key, _obj, tx) => schedule(key, tx));
}
