// Builds the aktindsigt package of chosen referater from this device's library, signed with this device's key; each
// referat's status and approvals are checked against this device's known keys (one directory for the whole package).
// The clerk's case work on this device decides what is left out and which passages are exempt (caseExemptions.ts).
import type * as Y from 'yjs';
import type { CaseExemption } from '../core/caseExemption';
import { exemptionReason, LEAVE_OUT_REASONS } from '../core/exemptionReasons';
import type { KeyDirectory } from '../core/knownKey';
import { buildAktindsigtPackage, type AktindsigtPackageResult, type PackageProgress, type PackageReferat } from '../export/aktindsigtPackage';
import { fileNameDate } from '../export/exportDates';
import type { ExportLanguage } from '../export/exportOptions';
import type { JournalLeftOut } from '../export/journal';
import type { PackageSelection } from '../export/packageSelection';
import type { ZipSink } from '../export/zipWriter';
import { allExemptions } from '../storage/caseExemptions';
import { loadKeyDirectory } from '../storage/knownKeys';
import type { LibraryDatabase } from '../storage/libraryDatabase';
import type { LocalIdentity } from './localIdentity';
import { referatTrustWith } from './referatTrust';
import { storedReferater } from './storedReferater';

export interface LibraryPackageInput {
  db: LibraryDatabase;
  /** Every referat the selection matched; those the clerk left out go into LÆSMIG.txt and the journal only. */
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

/** Each referat with its trust state, checked while it is open, and its exempt passages. */
export async function* withTrust(
  source: AsyncIterable<{ id: string; doc: Y.Doc }>,
  dir: KeyDirectory,
  now?: Date,
  exemptions: ReadonlyMap<string, CaseExemption[]> = new Map(),
): AsyncGenerator<PackageReferat> {
  for await (const r of source) yield { ...r, trust: await referatTrustWith(r.doc, dir, now), exemptions: exemptions.get(r.id) ?? [] };
}

/** The referater among `ids` the clerk left out, as the journal names them (from the library index). */
async function leftOutRows(db: LibraryDatabase, ids: readonly string[], left: ReadonlyMap<string, CaseExemption>): Promise<JournalLeftOut[]> {
  const out: JournalLeftOut[] = [];
  for (const id of ids) {
    const e = left.get(id);
    if (!e) continue;
    const row = await db.referater.get(id);
    const reason = exemptionReason(LEAVE_OUT_REASONS, e.reason);
    out.push({
      documentId: id, date: row?.date ?? '', title: row?.title.trim() ?? '', parties: row?.parties ?? [],
      reason: e.reason, ref: reason?.ref ?? e.note, description: reason?.da ?? '', note: e.note,
    });
  }
  return out;
}

export async function buildLibraryPackage(input: LibraryPackageInput): Promise<AktindsigtPackageResult> {
  const dir = await loadKeyDirectory(input.db);
  const left = new Map<string, CaseExemption>();
  const passages = new Map<string, CaseExemption[]>();
  for (const e of await allExemptions(input.db)) {
    if (e.kind === 'referat') left.set(e.docId, e);
    else passages.set(e.docId, [...(passages.get(e.docId) ?? []), e]);
  }
  const ids = input.ids.filter((id) => !left.has(id));
  return buildAktindsigtPackage({
    referater: withTrust(storedReferater(ids), dir, input.now, passages),
    leftOut: await leftOutRows(input.db, input.ids, left),
    total: ids.length,
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
  return `aktindsigt ${fileNameDate(now)}.zip`;
}
