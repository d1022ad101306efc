// Builds an aktindsigt package as a streamed ZIP: per referat a folder with HTML, DOCX and a signed `.referat`
// copy, then journal.csv/.json, index.html, LÆSMIG.txt and the SHA-256 manifest. One referat at a time is in
// memory; the ZIP's bytes go to the sink as they are made. Exempt passages are replaced by a placeholder, and a
// referat with any gets no `.referat` copy and no historik.html. Layout: docs/AKTINDSIGT.md.
import * as Y from 'yjs';
import { authorNames } from '../core/authorNames';
import type { CaseExemption } from '../core/caseExemption';
import { exemptionReason, PASSAGE_REASONS } from '../core/exemptionReasons';
import { redactedDoc } from '../core/redactedDoc';
import { base64ToBytes } from '../core/base64';
import { checkClaims } from '../core/clientClaims';
import { keyFingerprint } from '../core/fingerprint';
import { readSignedApprovals } from '../core/approvals';
import { verifyApprovalSignature } from '../core/approvalSignature';
import { verifiedNamedVersions } from '../core/namedVersions';
import { versionAuthors } from '../core/versionAuthors';
import type { Profile } from '../core/profile';
import { publicKeyJwk } from '../core/publicKeyJwk';
import { encodeReferatFile, type Signer } from '../core/referatFile';
import { readMeta } from '../core/meta';
import { safeFileName } from '../core/safeFileName';
import type { TrustState } from '../core/trustState';
import { currentTextUpdate } from './currentTextUpdate';
import { ExemptionChangedError } from './exemptionChangedError';
import { historyHtml, type HistoryVersion } from './historyHtml';
import type { ExportLanguage } from './exportOptions';
import { journalCsv, journalJson, journalRow, type JournalExemption, type JournalLeftOut, type JournalRow } from './journal';
import { LAESMIG_PATH, laesmigText } from './laesmig';
import { Manifest, MANIFEST_PATH, SHA256SUMS_PATH } from './manifest';
import { packageIndexHtml } from './packageIndexHtml';
import type { PackageSelection } from './packageSelection';
import { referatDocx } from './referatDocx';
import { referatHtml } from './referatHtml';
import { ZipWriter, type ZipSink } from './zipWriter';

export interface PackageReferat {
  id: string;
  /** Open while the builder uses it; the source may close it once the next one is asked for. */
  doc: Y.Doc;
  /**
   * Its trust state checked on this device (core/checkTrust.ts), made by the source: the status and approvals that
   * referat.html, referat.docx, the journal and index.html all show, so they agree.
   */
  trust: TrustState;
  /** Passages this device's clerk marked exempt (kind `passage`); each must still match the text, or the build stops. */
  exemptions?: readonly CaseExemption[];
}

export interface PackageProgress {
  done: number;
  total: number;
  bytes: number;
}

export interface AktindsigtPackageInput {
  referater: AsyncIterable<PackageReferat>;
  /** How many the source will give, for the progress bar. */
  total: number;
  sink: ZipSink;
  lang: ExportLanguage;
  /** False (the default for a package leaving the organisation): `.referat` copies hold no deleted content. */
  includeHistory: boolean;
  selection: PackageSelection;
  /** Referater the selection matched that the clerk left out, with the reasons: in LÆSMIG.txt and the journal only. */
  leftOut?: readonly JournalLeftOut[];
  sender: Profile;
  signer: Signer;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (p: PackageProgress) => void;
}

export interface AktindsigtPackageResult {
  rows: JournalRow[];
  bytes: number;
  files: number;
}

export const REFERAT_FILES = { html: 'referat.html', docx: 'referat.docx', copy: 'referat.referat', history: 'historik.html' } as const;

/** The versions historik.html shows: valid named versions of this referat, and approvals whose signature verifies. */
async function historyVersions(doc: Y.Doc): Promise<HistoryVersion[]> {
  const referatId = readMeta(doc).id;
  const named = (await verifiedNamedVersions(doc)).map((v): HistoryVersion => ({
    kind: 'named', label: v.label, by: { name: v.name, organisation: v.organisation }, at: v.createdAt, snapshot: v.snapshot,
  }));
  const approvals: HistoryVersion[] = [];
  for (const a of readSignedApprovals(doc)) {
    const bytes = typeof a.members.snapshot === 'string' ? base64ToBytes(a.members.snapshot) : null;
    if (bytes === null || a.members.referatId !== referatId || !(await verifyApprovalSignature(a.members))) continue;
    try {
      approvals.push({ kind: 'approval', label: a.name, by: { name: a.name, organisation: a.organisation }, at: a.approvedAt, snapshot: Y.decodeSnapshot(bytes) });
    } catch {
      // A snapshot Yjs cannot read: the approval is shown in referat.html, not as a version.
    }
  }
  return [...named, ...approvals];
}
const text = (s: string) => new TextEncoder().encode(s);

/** A passage's reason as the journal and LÆSMIG.txt give it. */
export function passageReason(e: CaseExemption): JournalExemption {
  const reason = exemptionReason(PASSAGE_REASONS, e.reason);
  return { reason: e.reason, ref: reason?.ref ?? e.note, description: reason?.da ?? '', note: e.note };
}

function folderName(number: number, total: number, doc: Y.Doc): string {
  const meta = readMeta(doc);
  const nr = String(number).padStart(Math.max(3, String(total).length), '0');
  return `referater/${[nr, meta.date, safeFileName(meta.title, 60, '')].filter((s) => s !== '').join(' ')}`;
}

export async function buildAktindsigtPackage(input: AktindsigtPackageInput): Promise<AktindsigtPackageResult> {
  const now = input.now ?? new Date();
  const createdAt = now.toISOString();
  const options = { lang: input.lang };
  const zip = new ZipWriter(input.sink, { mtime: now });
  const manifest = new Manifest();
  const rows: JournalRow[] = [];
  const add = async (path: string, data: Uint8Array, store = false) => {
    manifest.add(path, data);
    await zip.add(path, data, { store });
  };
  const fingerprint = await keyFingerprint(publicKeyJwk(input.signer.publicKey, input.signer.algorithm));
  const sender = { name: input.sender.name, organisation: input.sender.organisation, organisationKind: input.sender.organisationKind };
  try {
    input.signal?.throwIfAborted();
    for await (const { id, doc: stored, trust, exemptions = [] } of input.referater) {
      input.signal?.throwIfAborted();
      const number = rows.length + 1;
      const folder = folderName(number, input.total, stored);
      const passages = exemptions.filter((e) => e.kind === 'passage');
      // With exempt passages, every file is made from a copy where they are replaced, and no file is made that would
      // carry the referat's own content (a .referat copy, its history): docs/AKTINDSIGT.md, "Undtagne oplysninger".
      const redacted = passages.length > 0 ? redactedDoc(stored, passages) : null;
      try {
        if (redacted && redacted.unresolved.length > 0) throw new ExemptionChangedError(id, readMeta(stored).title);
        const doc = redacted?.doc ?? stored;
        await add(`${folder}/${REFERAT_FILES.html}`, text(referatHtml(doc, trust, options)));
        // A DOCX is a ZIP already: stored, not compressed again.
        await add(`${folder}/${REFERAT_FILES.docx}`, referatDocx(doc, trust, options), true);
        const files: string[] = [REFERAT_FILES.html, REFERAT_FILES.docx];
        const withheld: string[] = [];
        if (redacted) withheld.push(REFERAT_FILES.copy, ...(input.includeHistory ? [REFERAT_FILES.history] : []));
        else {
          const copy = input.includeHistory
            ? { update: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) }
            : currentTextUpdate(doc);
          await add(`${folder}/${REFERAT_FILES.copy}`, await encodeReferatFile({ docId: id, title: readMeta(doc).title, sender, signer: input.signer, stateVector: copy.stateVector, base: null, update: copy.update, now }));
          files.push(REFERAT_FILES.copy);
          // With history, its readable form beside the exact one: the versions and each change between them, by whom.
          if (input.includeHistory) {
            const { owners } = await checkClaims(doc);
            const html = historyHtml(doc, readMeta(doc).title, await historyVersions(doc), versionAuthors(doc, owners), authorNames(doc), options);
            await add(`${folder}/${REFERAT_FILES.history}`, text(html));
            files.push(REFERAT_FILES.history);
          }
        }
        rows.push(journalRow(doc, trust, { number, documentId: id, folder, files, exemptions: (redacted?.applied ?? []).map(passageReason), withheld }));
      } finally {
        redacted?.doc.destroy();
      }
      input.onProgress?.({ done: rows.length, total: Math.max(input.total, rows.length), bytes: zip.bytesWritten });
    }
    input.signal?.throwIfAborted();
    const others = ['journal.csv', 'journal.json', LAESMIG_PATH, MANIFEST_PATH, SHA256SUMS_PATH];
    const leftOut = input.leftOut ?? [];
    await add('journal.csv', text(journalCsv(rows, input.lang, leftOut)));
    await add('journal.json', text(journalJson(rows, leftOut)));
    await add('index.html', text(packageIndexHtml(rows, { createdAt, lang: input.lang, otherFiles: others, leftOut: leftOut.length })));
    await add(LAESMIG_PATH, text(laesmigText({ createdAt, sender: { ...sender, fingerprint }, count: rows.length, includeHistory: input.includeHistory, selection: input.selection, rows, leftOut })));
    // The two hash lists cover every file before them; neither can hold its own hash.
    const sums = text(manifest.sha256sums());
    const json = text(manifest.json({ createdAt, generator: 'Referat' }));
    await zip.add(SHA256SUMS_PATH, sums);
    await zip.add(MANIFEST_PATH, json);
    const bytes = await zip.finish();
    return { rows, bytes, files: zip.entryCount };
  } catch (e) {
    zip.abort();
    throw e;
  }
}
