// Imports .referat files from a picker or a drop anywhere in the app, one after another, and keeps each
// file's outcome (and, for an unknown signer, its bytes until the user decides).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_MAX_REFERAT_FILE_BYTES } from '../../core/referatFile';
import type { ImportOutcome } from '../../session/importCopy';
import { importFailure } from '../../session/importFailure';
import { useApp } from './AppContext';
import { useLocalIdentity } from './useLocalIdentity';

export interface ImportEntry {
  key: number;
  fileName: string;
  outcome: ImportOutcome | null;
  bytes: Uint8Array | null;
  expectedDocId: string | null;
  rejected: boolean;
}

interface ImportApi {
  entries: ImportEntry[];
  importFiles(files: readonly File[], expectedDocId?: string | null): Promise<void>;
  trust(key: number): Promise<void>;
  reject(key: number): void;
  clear(): void;
}

const Ctx = createContext<ImportApi | null>(null);
let nextKey = 1;

export function ImportProvider(props: { children: ReactNode }) {
  const { db } = useApp();
  const [entries, setEntries] = useState<ImportEntry[]>([]);
  const update = useCallback(
    (key: number, patch: Partial<ImportEntry>) => setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e))),
    [],
  );

  const { load: loadLocal } = useLocalIdentity();
  const run = useCallback(
    async (bytes: Uint8Array, expectedDocId: string | null, trust: boolean): Promise<ImportOutcome> => {
      const [{ importCopy }, { me }] = await Promise.all([import('../../session/importCopy'), loadLocal()]);
      return importCopy(db, bytes, { expectedDocId, trustUnknownSigner: trust, ownFingerprint: me.fingerprint });
    },
    [db, loadLocal],
  );

  const importFiles = useCallback(
    async (files: readonly File[], expectedDocId: string | null = null) => {
      const added = files.map((f) => ({ key: nextKey++, fileName: f.name, outcome: null, bytes: null, expectedDocId, rejected: false }));
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
    [run, update],
  );

  const api = useMemo<ImportApi>(
    () => ({
      entries,
      importFiles,
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
      clear() {
        setEntries([]);
      },
    }),
    [entries, importFiles, run, update],
  );
  return <Ctx.Provider value={api}>{props.children}</Ctx.Provider>;
}

export function useImports(): ImportApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useImports outside ImportProvider');
  return v;
}
