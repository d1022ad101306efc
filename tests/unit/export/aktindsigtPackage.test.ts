import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestSigner } from '../support/testSigner';
import { newSampleId, sampleReferat } from '../support/sampleReferat';
import { bodyText } from '../../../src/core/bodyText';
import { sha256Hex } from '../../../src/core/sha256';
import { fileImportDecode } from '../../../src/sync/fileImportDecode';
import { buildAktindsigtPackage, type AktindsigtPackageInput, type PackageReferat } from '../../../src/export/aktindsigtPackage';
import { EMPTY_SELECTION } from '../../../src/export/packageSelection';
import { bytesSource, openZip } from '../../../src/export/zipReader';

const SECRET = 'CPR 010203-1234 fortroligt udkast';
const sender = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };

async function* each(docs: Array<{ id: string; doc: Y.Doc }>): AsyncIterable<PackageReferat> {
  for (const d of docs) yield d;
}

function library() {
  return [
    { title: 'Driftsmøde, januar', date: '2026-01-14', organisation: 'Systemhuset A/S', text: 'Kommunen oplyste, at svartiderne "holder".', caseNumber: '26/0042', kleCode: '85.02.02' },
    { title: '=HYPERLINK("x")', date: '2026-02-11', organisation: 'KMD A/S', text: 'Leverandøren bekræftede releasen.', status: 'approved' as const },
    { title: 'Styregruppemøde', date: '2026-03-04', organisation: 'Systemhuset A/S', text: 'Budgettet godkendes.', deleted: SECRET },
  ].map((s) => {
    const id = newSampleId();
    return { id, doc: sampleReferat({ id, ...s }), title: s.title };
  });
}

async function build(docs: Array<{ id: string; doc: Y.Doc }>, extra: Partial<AktindsigtPackageInput> = {}) {
  const chunks: Uint8Array[] = [];
  const progress: number[] = [];
  const result = await buildAktindsigtPackage({
    referater: each(docs),
    total: docs.length,
    sink: { write: (c) => { chunks.push(c); } },
    lang: 'da',
    includeHistory: false,
    selection: { ...EMPTY_SELECTION, party: 'Systemhuset' },
    sender,
    signer: await createTestSigner('ECDSA-P256'),
    now: new Date('2026-11-30T10:00:00Z'),
    onProgress: (p) => progress.push(p.done),
    ...extra,
  });
  const zip = new Uint8Array(result.bytes);
  let at = 0;
  for (const c of chunks) {
    zip.set(c, at);
    at += c.length;
  }
  return { result, zip, files: unzipSync(zip), progress, chunks: chunks.length };
}

/** A small RFC 4180 parser: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF');
  return rows;
}

const decoder = new TextDecoder();

describe('buildAktindsigtPackage', () => {
  it('writes a folder per referat, the journal, index, LÆSMIG and a manifest whose hashes verify', async () => {
    const docs = library();
    const { result, files, progress, chunks } = await build(docs);
    expect(progress).toEqual([1, 2, 3]);
    expect(chunks).toBeGreaterThan(10);
    const paths = Object.keys(files);
    expect(paths.filter((p) => !p.startsWith('referater/'))).toEqual(['journal.csv', 'journal.json', 'index.html', 'LÆSMIG.txt', 'SHA256SUMS', 'manifest.json']);
    expect(paths.filter((p) => p.startsWith('referater/'))).toEqual([
      'referater/001 2026-01-14 Driftsmøde januar/referat.html',
      'referater/001 2026-01-14 Driftsmøde januar/referat.docx',
      'referater/001 2026-01-14 Driftsmøde januar/referat.referat',
      'referater/002 2026-02-11 HYPERLINKx/referat.html',
      'referater/002 2026-02-11 HYPERLINKx/referat.docx',
      'referater/002 2026-02-11 HYPERLINKx/referat.referat',
      'referater/003 2026-03-04 Styregruppemøde/referat.html',
      'referater/003 2026-03-04 Styregruppemøde/referat.docx',
      'referater/003 2026-03-04 Styregruppemøde/referat.referat',
    ]);
    expect(result.files).toBe(paths.length);

    // manifest.json and SHA256SUMS list every other file, and each hash matches its bytes.
    const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as { algorithm: string; files: Array<{ path: string; bytes: number; sha256: string }> };
    expect(manifest.algorithm).toBe('SHA-256');
    expect(manifest.files.map((f) => f.path).toSorted()).toEqual(paths.filter((p) => p !== 'manifest.json' && p !== 'SHA256SUMS').toSorted());
    for (const f of manifest.files) {
      const data = files[f.path];
      if (!data) throw new Error(`missing ${f.path}`);
      expect(sha256Hex(data), f.path).toBe(f.sha256);
      expect(data.length).toBe(f.bytes);
    }
    expect(decoder.decode(files['SHA256SUMS'])).toBe(manifest.files.map((f) => `${f.sha256}  ${f.path}\n`).join(''));

    // journal.csv: BOM, RFC 4180, one row per referat, quoting and the formula guard.
    const csvBytes = files['journal.csv'] ?? new Uint8Array();
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(decoder.decode(csvBytes));
    expect(csv[0]).toEqual(['Nr.', 'Dato', 'Titel', 'Emne', 'Parter', 'Deltagere', 'Sagsnummer', 'KLE-nummer', 'Status', 'Godkendelser', 'Dokument-id', 'Mappe']);
    expect(csv).toHaveLength(4);
    expect(csv[1]).toEqual([
      '1', '2026-01-14', 'Driftsmøde, januar', expect.stringMatching(/^Driftsmøde, januar: .*Drift og stabilitet/), 'Aarhus Kommune; Systemhuset A/S',
      'Mette Holm (Aarhus Kommune); Bo Lund (Systemhuset A/S)', '26/0042', '85.02.02', 'Kladde', '', docs[0]?.id, 'referater/001 2026-01-14 Driftsmøde januar',
    ]);
    expect(csv[2]?.[2]).toBe(`'=HYPERLINK("x")`);
    // meta.status says approved, but no party has signed: the journal says what the library says.
    expect(csv[2]?.[8]).toBe('Til godkendelse');

    const journal = JSON.parse(decoder.decode(files['journal.json'])) as { rows: Array<{ documentId: string; title: string; parties: string[] }> };
    expect(journal.rows.map((r) => r.documentId)).toEqual(docs.map((d) => d.id));
    expect(journal.rows[1]?.title).toBe('=HYPERLINK("x")');

    // index.html links every referat file, and each link resolves to a file of the package.
    const index = decoder.decode(files['index.html']);
    const links = [...index.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1] ?? '').replace(/&amp;/g, '&'));
    for (const p of paths.filter((x) => x !== 'index.html')) expect(links).toContain(p);

    const laesmig = decoder.decode(files['LÆSMIG.txt']);
    expect(laesmig).toContain('sha256sum -c SHA256SUMS');
    expect(laesmig).toContain('Private notater er aldrig med');
    expect(laesmig).toContain('Part eller organisation: Systemhuset');
    expect(laesmig).toContain('KUN DEN AKTUELLE TEKST');
  });

  it('"current text only" leaves deleted text out of every file, and its copies still merge with full copies', async () => {
    const docs = library();
    const full = docs[2];
    if (!full) throw new Error('unreachable');
    expect(decoder.decode(Y.encodeStateAsUpdate(full.doc))).toContain(SECRET);

    const { files } = await build(docs);
    const everyText: string[] = [];
    for (const [path, data] of Object.entries(files)) {
      everyText.push(decoder.decode(data));
      // DOCX parts are compressed inside the DOCX: look inside too.
      if (path.endsWith('.docx')) for (const part of Object.values(unzipSync(data))) everyText.push(decoder.decode(part));
    }
    expect(everyText.length).toBeGreaterThan(30);
    for (const t of everyText) expect(t).not.toContain('fortroligt udkast');
    expect(everyText.some((t) => t.includes('Budgettet godkendes.'))).toBe(true);

    // The current-text copy changes nothing in the full copy, and a full copy adds back only the history.
    const copy = files['referater/003 2026-03-04 Styregruppemøde/referat.referat'] ?? new Uint8Array();
    const intoFull = await fileImportDecode({ fileBytes: copy, currentState: Y.encodeStateAsUpdate(full.doc), expectedDocId: full.id, maxBytes: 1e8 });
    expect(intoFull.kind).toBe('alreadyIncluded');
    const fresh = await fileImportDecode({ fileBytes: copy, currentState: null, expectedDocId: full.id, maxBytes: 1e8 });
    if (fresh.kind !== 'ok') throw new Error(fresh.kind);
    const restored = new Y.Doc({ gc: false });
    Y.applyUpdate(restored, fresh.newUpdate);
    expect(bodyText(restored)).toBe(bodyText(full.doc));
    expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(full.doc));
    Y.applyUpdate(restored, Y.encodeStateAsUpdate(full.doc));
    expect(bodyText(restored)).toBe(bodyText(full.doc));

    // With history, the deleted text is in the .referat copy (so the check above can fail).
    const withHistory = await build(library(), { includeHistory: true });
    const historic = Object.entries(withHistory.files).filter(([p]) => p.endsWith('.referat')).map(([, d]) => decoder.decode(d));
    expect(historic.some((t) => t.includes(SECRET))).toBe(true);
  });

  it('stops when cancelled, without finishing the ZIP', async () => {
    const controller = new AbortController();
    const docs = library();
    const chunks: Uint8Array[] = [];
    const run = buildAktindsigtPackage({
      referater: each(docs),
      total: docs.length,
      sink: { write: (c) => { chunks.push(c); } },
      lang: 'en',
      includeHistory: false,
      selection: EMPTY_SELECTION,
      sender,
      signer: await createTestSigner('Ed25519'),
      signal: controller.signal,
      onProgress: (p) => { if (p.done === 1) controller.abort(); },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const written = chunks.reduce((n, c) => n + c.length, 0);
    await expect(openZip(bytesSource(new Uint8Array(Buffer.concat(chunks))))).rejects.toMatchObject({ code: 'truncated' });
    expect(written).toBeGreaterThan(0);
  });

  it('an empty selection still gives a valid package', async () => {
    const { files } = await build([]);
    expect(Object.keys(files)).toEqual(['journal.csv', 'journal.json', 'index.html', 'LÆSMIG.txt', 'SHA256SUMS', 'manifest.json']);
    expect(parseCsv(decoder.decode(files['journal.csv']))).toHaveLength(1);
  });
});
