// The automatic versions this device made of a referat (storage/autoVersions.ts), decoded for the version list.
import * as Y from 'yjs';
import { autoVersionsOf } from '../storage/autoVersions';
import type { AutoVersionRow, LibraryDatabase } from '../storage/libraryDatabase';

export interface AutoVersion {
  id: number;
  at: number;
  reason: AutoVersionRow['reason'];
  snapshot: Y.Snapshot;
}

/** Oldest first; a row whose snapshot Yjs cannot read is left out. */
export async function autoVersionList(db: LibraryDatabase, docId: string): Promise<AutoVersion[]> {
  const out: AutoVersion[] = [];
  for (const row of await autoVersionsOf(db, docId)) {
    try {
      out.push({ id: row.id ?? 0, at: row.at, reason: row.reason, snapshot: Y.decodeSnapshotV2(row.snapshot) });
    } catch {
      continue;
    }
  }
  return out;
}
