// Ticks an action item off (or on again) in a referat that need not be open: opens its session, writes, reindexes, closes.
import { setActionItemDone } from '../core/structure';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { openReferatSession } from './referatSession';

export interface SetActionItemDoneOptions {
  /** The writer's key fingerprint, recorded as the author of the change (core/authorship.ts). */
  authorFingerprint?: string;
}

/**
 * Sets the `done` attribute of action item `itemId` in referat `docId`. Returns false when there is no such referat or
 * item, or when the referat has a newer format than this app writes (it is never rewritten then). Other tabs that have
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
    const found = setActionItemDone(session.doc, itemId, done);
    if (found) await session.reindex();
    return found;
  } finally {
    await session.close();
  }
}
