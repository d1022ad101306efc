// Builds the aktindsigt package of chosen referater from this device's library, signed with this device's key; each
// referat's status and approvals are checked against this device's known keys (one directory for the whole package).
import type * as Y from 'yjs';
import type { KeyDirectory } from '../core/knownKey';
import { buildAktindsigtPackage, type AktindsigtPackageResult, type PackageProgress, type PackageReferat } from '../export/aktindsigtPackage';
import type { ExportLanguage } from '../export/exportOptions';
import type { PackageSelection } from '../export/packageSelection';
import type { ZipSink } from '../export/zipWriter';
import { loadKeyDirectory } from '../storage/knownKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import type { LocalIdentity } from './localIdentity';
import { referatTrustWith } from './referatTrust';
import { storedReferater } from './storedReferater';

export interface LibraryPackageInput {
  db: LibraryDatabase;
  ids: readonly string[];
  selection: PackageSelection;
  includeHistory: boolean;
  lang: ExportLanguage;
  local: LocalIdentity;
  sink: ZipSink;
  signal?: AbortSignal;
  onProgress?: (p: PackageProgress) => void;
  now?: Date;
}

/** Each referat with its trust state, checked while it is open. */
export async function* withTrust(source: AsyncIterable<{ id: string; doc: Y.Doc }>, dir: KeyDirectory, now?: Date): AsyncGenerator<PackageReferat> {
  for await (const r of source) yield { ...r, trust: await referatTrustWith(r.doc, dir, now) };
}

export async function buildLibraryPackage(input: LibraryPackageInput): Promise<AktindsigtPackageResult> {
  const dir = await loadKeyDirectory(input.db);
  return buildAktindsigtPackage({
    referater: withTrust(storedReferater(input.ids), dir, input.now),
    total: input.ids.length,
    sink: input.sink,
    lang: input.lang,
    includeHistory: input.includeHistory,
    selection: input.selection,
    sender: input.local.me,
    signer: input.local.identity,
    ...(input.now ? { now: input.now } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
}

/** A file name for the package: `aktindsigt YYYY-MM-DD.zip`. */
export function packageFileName(now = new Date()): string {
  return `aktindsigt ${now.toISOString().slice(0, 10)}.zip`;
}
