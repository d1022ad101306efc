// Keeps an in-memory search index (core/searchIndex.ts) in step with the library index rows in Dexie. The first
// build reads every row and indexes them in small slices, so the page stays responsive; after that only rows
// written since (by indexedAt) are read and put again, and when the row count says some are gone, they are removed.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { SearchIndex } from '../../core/searchIndex';
import { indexRowCount, indexRowIds, indexRowsSince, trashedIds } from '../../session/libraryQueries';
import type { IndexedReferat, LibraryDatabase } from '../../storage/libraryDatabase';

export interface SearchIndexState {
  /** The same object for the life of the component; it changes in place. */
  index: SearchIndex<IndexedReferat>;
  /** Bumped after every change to the index, so searches that depend on it run again. */
  version: number;
  /** False until the first build is complete. */
  ready: boolean;
  /** Rows indexed so far, and rows in the library (they differ while the first build runs). */
  indexed: number;
  total: number;
  /** Ids of the referater in the trash, to leave out of results. */
  trashed: ReadonlySet<string>;
  /** Every organisation among the parties of the referater not in the trash, sorted the Danish way. */
  parties: string[];
}

/** Time one slice of indexing may take before the browser gets a turn. */
const SLICE_MS = 12;

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Whether a row must be indexed again: a new projection gets a new indexedAt; the other checks are cheap insurance. */
function changed(before: IndexedReferat | undefined, now: IndexedReferat): boolean {
  return (
    before === undefined ||
    before.indexedAt !== now.indexedAt ||
    before.title !== now.title ||
    before.text.length !== now.text.length ||
    before.actionItems.length !== now.actionItems.length
  );
}

const EMPTY: ReadonlySet<string> = new Set();

export function useSearchIndex(db: LibraryDatabase): SearchIndexState {
  const [index] = useState(() => new SearchIndex<IndexedReferat>());
  const known = useRef(new Map<string, IndexedReferat>());
  /** The newest indexedAt indexed so far: rows written at or after it are read again. */
  const [since, setSince] = useState(0);
  const [progress, setProgress] = useState({ version: 0, ready: false, indexed: 0, parties: [] as string[] });

  // How many rows there are, what was written since, and the trash: cheap to watch even with thousands of rows.
  const count = useLiveQuery(() => indexRowCount(db), [db]);
  const fresh = useLiveQuery(() => indexRowsSince(db, since), [db, since]);
  const trashed = useLiveQuery(() => trashedIds(db), [db]);

  useEffect(() => {
    if (count === undefined || !fresh || !trashed) return;
    let cancelled = false;
    const run = async () => {
      let newest = since;
      let touched = false;
      let sliceStart = performance.now();
      for (const row of fresh) {
        newest = Math.max(newest, row.indexedAt);
        if (!changed(known.current.get(row.id), row)) continue;
        index.put(row);
        known.current.set(row.id, row);
        touched = true;
        if (performance.now() - sliceStart > SLICE_MS) {
          setProgress((p) => ({ ...p, indexed: known.current.size }));
          await yieldToBrowser();
          // Newer rows arrived: the next run carries on from what is indexed by now.
          if (cancelled) return;
          sliceStart = performance.now();
        }
      }
      if (known.current.size !== count) {
        // Some rows are gone (deleted for good, or dropped when the index was rebuilt): find which.
        const present = await indexRowIds(db);
        if (cancelled) return;
        for (const id of known.current.keys()) {
          if (present.has(id)) continue;
          index.remove(id);
          known.current.delete(id);
          touched = true;
        }
      }
      if (touched) index.prepare();
      const all = new Set<string>();
      for (const r of known.current.values()) if (!trashed.has(r.id)) for (const party of r.parties) all.add(party);
      const parties = [...all].toSorted((a, b) => a.localeCompare(b, 'da'));
      setProgress((p) => ({
        version: p.version + (touched ? 1 : 0),
        ready: true,
        indexed: known.current.size,
        parties: parties.join('\n') === p.parties.join('\n') ? p.parties : parties,
      }));
      if (newest > since) setSince(newest);
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [db, count, fresh, trashed, since, index]);

  return {
    index,
    version: progress.version,
    ready: progress.ready,
    indexed: progress.indexed,
    total: count ?? 0,
    trashed: trashed ?? EMPTY,
    parties: progress.parties,
  };
}
