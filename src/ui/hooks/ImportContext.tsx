// Imports .referat files from a picker or a drop anywhere in the app, one after another, and keeps each
// file's outcome (and, for an unknown signer, its bytes until the user decides). Each outcome belongs to the
// import button that started it (a drop goes to the page's button for the same referat, if it shows one), so it
// is reported next to that button; outcomes the user has seen are cleared when they leave the page (README.md).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_MAX_REFERAT_FILE_BYTES } from '../../core/referatFileLimits';
import type { ImportOutcome } from '../../session/importCopy';
import { importFailure } from '../../session/importFailure';
import { useLocationPath } from '../router/useRoute';
import { useApp } from './AppContext';
import { useLocalIdentity } from './useLocalIdentity';

export interface ImportEntry {
  key: number;
  fileName: string;
  outcome: ImportOutcome | null;
  bytes: Uint8Array | null;
  expectedDocId: string | null;
  rejected: boolean;
  /** The import button that reports it (ImportButton's id), or null for the app-wide report. */
  origin: string | null;
}

interface ImportApi {
  entries: ImportEntry[];
  /** The import buttons on the page now, by id, with the referat each imports into (null: any). */
  buttons: ReadonlyMap<string, string | null>;
  /** `origin` is the button that was used; without it (a drop), the page's button for `expectedDocId` reports it. */
  importFiles(files: readonly File[], expectedDocId?: string | null, origin?: string | null): Promise<void>;
  trust(key: number): Promise<void>;
  reject(key: number): void;
  /** Removes the settled outcomes reported by `origin` (null: the app-wide report). */
  clear(origin?: string | null): void;
  /** An import button announces itself while it is shown; returns its goodbye. */
  register(origin: string, expectedDocId: string | null): () => void;
}

const Ctx = createContext<ImportApi | null>(null);
let nextKey = 1;

/** An outcome is settled once read: not still being read, and not waiting for the user's decision on its signer. */
export function settled(e: ImportEntry): boolean {
  return e.outcome !== null && (e.rejected || e.outcome.kind !== 'unknownSigner');
}

export function ImportProvider(props: { children: ReactNode }) {
  const { db } = useApp();
  const [entries, setEntries] = useState<ImportEntry[]>([]);
  const [buttons, setButtons] = useState<ReadonlyMap<string, string | null>>(new Map());
  const update = useCallback(
    (key: number, patch: Partial<ImportEntry>) => setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e))),
    [],
  );

  // Leaving the page clears what was shown there; an import still running or waiting for a decision stays.
  const path = useLocationPath();
  const [shownOn, setShownOn] = useState(path);
  if (path !== shownOn) {
    setShownOn(path);
    setEntries((list) => (list.some(settled) ? list.filter((e) => !settled(e)) : list));
  }

  const { load: loadLocal } = useLocalIdentity();
  const run = useCallback(
    async (bytes: Uint8Array, expectedDocId: string | null, trust: boolean): Promise<ImportOutcome> => {
      const [{ importCopy }, { me }] = await Promise.all([import('../../session/importCopy'), loadLocal()]);
      return importCopy(db, bytes, { expectedDocId, trustUnknownSigner: trust, ownFingerprint: me.fingerprint });
    },
    [db, loadLocal],
  );

  const importFiles = useCallback(
    async (files: readonly File[], expectedDocId: string | null = null, origin?: string | null) => {
      const reporter = origin !== undefined ? origin : ([...buttons].find(([, doc]) => doc === expectedDocId)?.[0] ?? null);
      const added = files.map((f) => ({ key: nextKey++, fileName: f.name, outcome: null, bytes: null, expectedDocId, rejected: false, origin: reporter }));
      setEntries((list) => [...added, ...list]);
      for (const [i, file] of files.entries()) {
        const key = added[i]?.key ?? 0;
        let outcome: ImportOutcome;
        let bytes: Uint8Array | null = null;
        try {
          if (file.size > DEFAULT_MAX_REFERAT_FILE_BYTES) {
            outcome = { kind: 'error', code: 'tooLarge', detail: `${file.size} bytes` };
          } else {
            bytes = new Uint8Array(await file.arrayBuffer());
            outcome = await run(bytes, expectedDocId, false);
          }
        } catch (e) {
          outcome = importFailure(e);
        }
        update(key, { outcome, bytes: outcome.kind === 'unknownSigner' ? bytes : null });
      }
    },
    [run, update, buttons],
  );

  const register = useCallback((origin: string, expectedDocId: string | null) => {
    setButtons((m) => new Map(m).set(origin, expectedDocId));
    return () =>
      setButtons((m) => {
        const next = new Map(m);
        next.delete(origin);
        return next;
      });
  }, []);

  const api = useMemo<ImportApi>(
    () => ({
      entries,
      buttons,
      importFiles,
      register,
      async trust(key) {
        const entry = entries.find((e) => e.key === key);
        if (!entry?.bytes) return;
        update(key, { outcome: null });
        const outcome = await run(entry.bytes, entry.expectedDocId, true).catch((e: unknown): ImportOutcome => importFailure(e));
        update(key, { outcome, bytes: null });
      },
      reject(key) {
        update(key, { rejected: true, bytes: null });
      },
      clear(origin = null) {
        setEntries((list) => list.filter((e) => !settled(e) || (origin === null ? e.origin !== null && buttons.has(e.origin) : e.origin !== origin)));
      },
    }),
    [entries, buttons, importFiles, register, run, update],
  );
  return <Ctx.Provider value={api}>{props.children}</Ctx.Provider>;
}

export function useImports(): ImportApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useImports outside ImportProvider');
  return v;
}

/** The outcomes one report shows: a button's own, or (origin null) those of no button now on the page. */
export function entriesFor(entries: readonly ImportEntry[], buttons: ReadonlyMap<string, string | null>, origin: string | null): ImportEntry[] {
  return entries.filter((e) => (origin === null ? e.origin === null || !buttons.has(e.origin) : e.origin === origin));
}
