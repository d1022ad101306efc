// "What changed since I last looked": the changes other people made to a referat since its reader last saw it on this
// device (an import, a live reconnect, a restore), by author, and moving that mark. Reads the document, never writes it.
import * as Y from 'yjs';
import { authorNames, type AuthorName } from '../core/authorNames';
import { checkClaims } from '../core/clientClaims';
import { bodyFragment } from '../core/referatDoc';
import { parseAuthorKey, versionAuthors } from '../core/versionAuthors';
import { diffVersions, snapshotCovered, tallyByAuthor } from '../core/versionDiff';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import { loadSeenMark, saveSeenMark } from '../storage/seenMarks';

export interface UnseenAuthor {
  /** The author key (core/versionAuthors.ts). */
  key: string;
  fingerprint: string | null;
  verified: boolean;
  /** What the referat calls this key (authorNames), or null. */
  named: AuthorName | null;
  changes: number;
}

export type UnseenChanges =
  /** The reader has not looked at this referat on this device before: nothing to compare with. */
  | { kind: 'firstLook' }
  | { kind: 'upToDate' }
  /** Changes by others since `seenAt`; `since` is the snapshot to compare from. */
  | { kind: 'changed'; seenAt: number; since: Y.Snapshot; authors: UnseenAuthor[]; total: number }
  /** The mark refers to changes this copy does not hold (a damaged or replaced copy): no diff is shown. */
  | { kind: 'notComparable'; seenAt: number };

/** Compares the referat now with what its reader last saw here; `own` is this device's fingerprint, whose changes are not news. */
export async function unseenChanges(db: LibraryDatabase, docId: string, doc: Y.Doc, own: string | null): Promise<UnseenChanges> {
  const mark = await loadSeenMark(db, docId);
  if (!mark) return { kind: 'firstLook' };
  let since: Y.Snapshot;
  try {
    since = Y.decodeSnapshot(mark.snapshot);
  } catch {
    return { kind: 'notComparable', seenAt: mark.seenAt };
  }
  const now = Y.snapshot(doc);
  if (Y.equalSnapshots(since, now)) return { kind: 'upToDate' };
  if (!snapshotCovered(doc, since)) return { kind: 'notComparable', seenAt: mark.seenAt };
  const { owners } = await checkClaims(doc);
  const names = authorNames(doc);
  const tallies = tallyByAuthor(diffVersions(bodyFragment(doc), since, now, versionAuthors(doc, owners)));
  const authors: UnseenAuthor[] = tallies
    .map((t) => {
      const { fingerprint, verified, template } = parseAuthorKey(t.by);
      return { key: t.by, template: template === true, fingerprint, verified, named: fingerprint ? (names.get(fingerprint) ?? null) : null, changes: t.changes };
    })
    // Neither this device's own verified changes nor the seeded template are news.
    .filter((a) => a.changes > 0 && !a.template && !(a.verified && a.fingerprint === own))
    .map(({ template: _template, ...a }) => a);
  const total = authors.reduce((n, a) => n + a.changes, 0);
  return total === 0 ? { kind: 'upToDate' } : { kind: 'changed', seenAt: mark.seenAt, since, authors, total };
}

/** Marks the referat as seen as it stands now ("Markér som set", or leaving a referat that had nothing unseen). */
export async function markSeen(db: LibraryDatabase, docId: string, doc: Y.Doc, now = Date.now()): Promise<void> {
  await saveSeenMark(db, docId, Y.encodeSnapshot(Y.snapshot(doc)), now);
}
