// Ticks an action item off (or on again) in a referat that need not be open: opens its session, writes, reindexes, closes.
// The tick goes into the referat's `followUp` map, never its signed body, so its approvals keep holding.
import { recordActionItemDone } from '../core/structure';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { openReferatSession } from './referatSession';

export interface SetActionItemDoneOptions {
  /** The writer's key fingerprint, recorded as the author of the change (core/authorship.ts) and in the entry's `by`. */
  authorFingerprint?: string;
  now?: Date;
}

/**
 * Records action item `itemId` of referat `docId` as done (or open) in its `followUp` map (core/followUpState.ts).
 * Returns false when there is no such referat or item, or when the referat has a newer format than this app writes (it is never rewritten then). Other tabs that have
 * the referat open get the change through the usual tab sync; the library index row is up to date when this resolves.
 */
export async function setActionItemDoneIn(
  db: LibraryDatabase,
  docId: string,
  itemId: string,
  done: boolean,
  options: SetActionItemDoneOptions = {},
): Promise<boolean> {
  const opened = await openReferatSession(db, docId);
  if (opened.kind !== 'open') return false;
  const { session } = opened;
  try {
    if (session.format === 'newer' || session.format === 'empty') return false;
    if (options.authorFingerprint) session.setAuthor(options.authorFingerprint);
    const found = recordActionItemDone(session.doc, itemId, done, options.authorFingerprint ?? '', options.now);
    if (found) await session.reindex();
    return found;
  } finally {
    await session.close();
  }
}
