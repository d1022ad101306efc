// Builds the aktindsigt package of chosen referater from this device's library, signed with this device's key.
import { buildAktindsigtPackage, type AktindsigtPackageResult, type PackageProgress } from '../export/aktindsigtPackage';
import type { ExportLanguage } from '../export/exportOptions';
import type { PackageSelection } from '../export/packageSelection';
import type { ZipSink } from '../export/zipWriter';
import type { LocalIdentity } from './localIdentity';
import { storedReferater } from './storedReferater';

export interface LibraryPackageInput {
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

export function buildLibraryPackage(input: LibraryPackageInput): Promise<AktindsigtPackageResult> {
  return buildAktindsigtPackage({
    referater: storedReferater(input.ids),
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
