import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestSigner } from '../../../src/testSupport/testSigner';
import { newSampleId, sampleReferat } from '../../../src/testSupport/sampleReferat';
import { bodyText } from '../../../src/core/bodyText';
import { sha256Hex } from '../../../src/core/sha256';
import { fileImportDecode } from '../../../src/sync/fileImportDecode';
import { buildAktindsigtPackage, type AktindsigtPackageInput, type PackageReferat } from '../../../src/export/aktindsigtPackage';
import { EMPTY_SELECTION } from '../../../src/export/packageSelection';
import { bytesSource, openZip } from '../../../src/export/zipReader';
import { trustState } from './trustFixture';
import { approve } from '../../../src/core/approve';
import { keyFingerprint } from '../../../src/core/fingerprint';
import { keyDirectory, type KnownKey } from '../../../src/core/knownKey';
import { setMetaField } from '../../../src/core/meta';
import type { Profile } from '../../../src/core/profile';
import { approvalsArray, bodyFragment, metaMap } from '../../../src/core/referatDoc';
import { saveNamedVersion } from '../../../src/core/namedVersions';
import { withTrust } from '../../../src/session/buildAktindsigtPackage';
import type { TestSigner } from '../../../src/testSupport/testSigner';
import { parseCsv as parseCsvText } from '../../../src/testSupport/parseCsv';
import { bodyTextNodes, plainText } from '../../../src/core/bodyTextNodes';
import type { CaseExemption } from '../../../src/core/caseExemption';
import { anchorSegment } from '../../../src/core/exemptionAnchor';
import { ExemptionChangedError } from '../../../src/export/exemptionChangedError';
import type { JournalLeftOut, JournalRow } from '../../../src/export/journal';

const SECRET = 'CPR 010203-1234 fortroligt udkast';
const sender = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };

async function* each(docs: Array<{ id: string; doc: Y.Doc; trust?: PackageReferat['trust']; exemptions?: CaseExemption[] }>): AsyncIterable<PackageReferat> {
  for (const d of docs) yield { ...d, trust: d.trust ?? trustState() };
}

function library() {
  return [
    { title: 'Driftsmøde, januar', date: '2026-01-14', organisation: 'Systemhuset A/S', text: 'Kommunen oplyste, at svartiderne "holder".', caseNumber: '26/0042', kleCode: '85.02.02' },
    { title: '=HYPERLINK("x")', date: '2026-02-11', organisation: 'KMD A/S', text: 'Leverandøren bekræftede releasen.', status: 'approved' as const },
    { title: 'Styregruppemøde', date: '2026-03-04', organisation: 'Systemhuset A/S', text: 'Budgettet godkendes.', deleted: SECRET },
  ].map((s) => {
    const id = newSampleId();
    // As checkTrust says for these: nobody has signed, so the one a peer marked approved is only proposed.
    return { id, doc: sampleReferat({ id, ...s }), title: s.title, trust: trustState({ status: s.status === 'approved' ? 'proposed' : 'draft' }) };
  });
}

async function build(docs: Array<{ id: string; doc: Y.Doc; trust?: PackageReferat['trust']; exemptions?: CaseExemption[] }>, extra: Partial<AktindsigtPackageInput> = {}) {
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

const parseCsv = (text: string) => parseCsvText(text, { requireFinalCrlf: true });

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
    expect(csv[0]).toEqual(['Nr.', 'Dato', 'Titel', 'Emne', 'Parter', 'Deltagere', 'Sagsnummer', 'KLE-nummer', 'Status', 'Organisationer', 'Godkendelser', 'Tæller ikke med', 'Dokument-id', 'Mappe', 'Undtagne oplysninger', 'Udeladt af pakken']);
    expect(csv).toHaveLength(4);
    expect(csv[1]).toEqual([
      '1', '2026-01-14', 'Driftsmøde, januar', expect.stringMatching(/^Driftsmøde, januar: .*Drift og stabilitet/), 'Aarhus Kommune; Systemhuset A/S',
      'Mette Holm (Aarhus Kommune); Bo Lund (Systemhuset A/S)', '26/0042', '85.02.02', 'Kladde', '', '', '', docs[0]?.id, 'referater/001 2026-01-14 Driftsmøde januar', '', 'Nej',
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
    expect(laesmig).not.toMatch(/privat|notat/i);
    expect(laesmig).toContain('Referater i papirkurven er ikke med.');
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

  it('with history, puts a readable historik.html beside each copy: its versions and each change, marked and by whom', async () => {
    const docs = library();
    const third = docs[2]!;
    const signer = await createTestSigner('Ed25519');
    await saveNamedVersion(third.doc, 'Udkast sendt til leverandør', sender, signer, new Date('2026-03-05T09:00:00Z'));
    const firstText = (node: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
      for (const child of node.toArray()) {
        const found = child instanceof Y.XmlText ? child : child instanceof Y.XmlElement ? firstText(child) : null;
        if (found) return found;
      }
      return null;
    };
    const text = firstText(bodyFragment(third.doc))!;
    const removed = text.toString().slice(0, 6);
    text.delete(0, 6);
    text.insert(0, 'Tilføjet efter udkastet. ');
    const { files } = await build(docs, { includeHistory: true });
    const histories = Object.keys(files).filter((p) => p.endsWith('/historik.html'));
    expect(histories).toHaveLength(3);
    const html = decoder.decode(files[histories.find((p) => p.includes('Styregruppem'))!]);
    expect(html).toContain('Version: Udkast sendt til leverandør – af Mette Holm, Aarhus Kommune');
    expect(html).toContain('Teksten nu');
    expect(html).toMatch(/<ins title="indsat af [^"]*">Tilføjet efter udkastet\. <\/ins>/);
    // Text deleted after the version is in the history, struck through, with who deleted it.
    expect(html).toContain(`>${removed}</del>`);
    expect(html).toMatch(/<del title="slettet af [^"]*">/);
    expect(html).not.toContain('<script');
    const journal = JSON.parse(decoder.decode(files['journal.json'])) as { rows: Array<{ files: string[] }> };
    expect(journal.rows.every((r) => r.files.includes('historik.html'))).toBe(true);
    // Without history, no historik.html anywhere.
    const plain = await build(library());
    expect(Object.keys(plain.files).some((p) => p.endsWith('historik.html'))).toBe(false);
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

  it('replaces exempt passages by "[Undtaget: § 30, nr. 2]", withholds their copies, and journals a referat left out', async () => {
    const docs = library();
    const [january, , march] = docs;
    if (!january || !march) throw new Error('unreachable');
    // The exempt words in March's text and in its agenda title, and a passage of January that another edit changed.
    const marchText = bodyTextNodes(march.doc).find((t) => plainText(t).includes('Budgettet'))!;
    const titleText = bodyTextNodes(march.doc).find((t) => plainText(t) === 'Drift og stabilitet')!;
    const exempt = (text: Y.XmlText, quote: string, reason: string, id: string): CaseExemption => {
      const from = plainText(text).indexOf(quote);
      return { id, docId: march.id, kind: 'passage', reason, note: 'Leverandørens timepris', segments: [anchorSegment(text, from, from + quote.length)], createdAt: 1 };
    };
    const passages = [exempt(marchText, 'Budgettet', 'ofl-30-2', 'p1'), exempt(titleText, 'stabilitet', 'ofl-33-3', 'p2')];
    const before = Y.encodeStateAsUpdate(march.doc);
    const leftOut: JournalLeftOut[] = [{ documentId: 'doc-left', date: '2026-02-20', title: 'Forhandlingsmøde om pris', parties: ['KMD A/S'], reason: 'ofl-23', ref: '§ 23, stk. 1', description: 'internt dokument', note: 'Kun kommunens egne deltagere' }];
    const { files } = await build([january, { ...march, exemptions: passages }], { leftOut, includeHistory: true });

    const folder = 'referater/002 2026-03-04 Styregruppemøde';
    expect(Object.keys(files).filter((p) => p.startsWith(folder))).toEqual([`${folder}/referat.html`, `${folder}/referat.docx`]);
    expect(Object.keys(files)).toContain('referater/001 2026-01-14 Driftsmøde januar/historik.html');
    const texts = Object.entries(files).flatMap(([path, data]) => [decoder.decode(data), ...(path.endsWith('.docx') ? Object.values(unzipSync(data)).map((d) => decoder.decode(d)) : [])]);
    for (const t of texts) expect(t).not.toContain('Budgettet');
    // Every sample's agenda item is "Drift og stabilitet": March's files hold only what is left of it.
    for (const [path, data] of Object.entries(files).filter(([p]) => p.startsWith(folder))) {
      for (const t of [decoder.decode(data), ...(path.endsWith('.docx') ? Object.values(unzipSync(data)).map((d) => decoder.decode(d)) : [])]) expect(t).not.toContain('stabilitet');
    }
    const html = decoder.decode(files[`${folder}/referat.html`]);
    expect(html).toContain('<p>[Undtaget: § 30, nr. 2] godkendes.</p>');
    expect(html).toContain('Drift og [Undtaget: § 33, nr. 3]');
    const docx = decoder.decode(unzipSync(files[`${folder}/referat.docx`] ?? new Uint8Array())['word/document.xml']);
    expect(docx).toContain('[Undtaget: § 30, nr. 2]');
    // The referat itself is untouched.
    expect(Y.encodeStateAsUpdate(march.doc)).toEqual(before);

    const csv = parseCsv(decoder.decode(files['journal.csv']));
    expect(csv).toHaveLength(4);
    expect(csv[2]?.[14]).toBe('§ 30, nr. 2 (tekniske indretninger, fremgangsmåder eller drifts- eller forretningsforhold (forretningshemmeligheder)): Leverandørens timepris; ' +
      '§ 33, nr. 3 (det offentliges økonomiske interesser, herunder det offentliges forretningsvirksomhed): Leverandørens timepris; ' +
      'referat.referat, historik.html er ikke med, fordi filen ville indeholde den undtagne tekst');
    expect(csv[3]).toEqual(['', '2026-02-20', 'Forhandlingsmøde om pris', '', 'KMD A/S', '', '', '', '', '', '', '', 'doc-left', '', '', 'Ja: § 23, stk. 1 (internt dokument): Kun kommunens egne deltagere']);
    const journal = JSON.parse(decoder.decode(files['journal.json'])) as { journalVersion: number; rows: JournalRow[]; leftOut: JournalLeftOut[] };
    expect(journal.journalVersion).toBe(3);
    expect(journal.rows[1]?.exemptions.map((e) => e.ref)).toEqual(['§ 30, nr. 2', '§ 33, nr. 3']);
    expect(journal.rows[1]?.withheld).toEqual(['referat.referat', 'historik.html']);
    expect(journal.rows[1]?.subject).toMatch(/^Styregruppemøde: .*; Drift og \[Undtaget: § 33, nr\. 3\]$/);
    expect(journal.leftOut).toEqual(leftOut);

    const laesmig = decoder.decode(files['LÆSMIG.txt']);
    expect(laesmig).toContain('    - 2026-02-20 Forhandlingsmøde om pris – udeladt: § 23, stk. 1 (internt dokument): Kun kommunens egne deltagere');
    expect(laesmig).toContain('  002 2026-03-04 Styregruppemøde:\n    - 1 passage undtaget efter § 30, nr. 2');
    // The left-out referat is named only in LÆSMIG.txt and the journal, each time with its reason.
    const naming = Object.entries(files).filter(([path, data]) => path !== 'journal.json' && decoder.decode(data).includes('Forhandlingsmøde'));
    expect(naming.map(([path]) => path).toSorted()).toEqual(['LÆSMIG.txt', 'journal.csv']);
    for (const [, data] of naming) {
      for (const l of decoder.decode(data).split('\n').filter((x) => x.includes('Forhandlingsmøde'))) expect(l).toContain('§ 23, stk. 1');
    }
    expect(decoder.decode(files['index.html'])).toContain('1 referat, som udvælgelsen omfatter, er udeladt');
  });

  it('refuses to build when an exempt passage no longer matches the text, and writes no package', async () => {
    const [march] = library().slice(2);
    if (!march) throw new Error('unreachable');
    const text = bodyTextNodes(march.doc).find((t) => plainText(t).includes('Budgettet'))!;
    const passage: CaseExemption = { id: 'p', docId: march.id, kind: 'passage', reason: 'ofl-30-2', note: '', segments: [anchorSegment(text, 0, 9)], createdAt: 1 };
    text.delete(0, 9);
    await expect(build([{ ...march, exemptions: [passage] }])).rejects.toBeInstanceOf(ExemptionChangedError);
  });

  it('an empty selection still gives a valid package', async () => {
    const { files } = await build([]);
    expect(Object.keys(files)).toEqual(['journal.csv', 'journal.json', 'index.html', 'LÆSMIG.txt', 'SHA256SUMS', 'manifest.json']);
    expect(parseCsv(decoder.decode(files['journal.csv']))).toHaveLength(1);
  });
});

const KOMMUNE: Profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };
const VENDOR: Profile = { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' };

async function known(signer: TestSigner, who: Profile): Promise<KnownKey> {
  return { fingerprint: await keyFingerprint(signer.publicKey), ...who, confirmedBy: 'inPerson', confirmedAt: '2026-01-01T00:00:00Z' };
}

/** An entry written straight into `approvals`, as a dishonest peer can: no signature. */
function forgeApproval(doc: Y.Doc, name: string, organisation: string): void {
  const entry = new Y.Map<unknown>();
  approvalsArray(doc).push([entry]);
  const members = { id: `forged-${name}`, name, organisation, organisationKind: 'kommune', fingerprint: 'DEAD BEEF 0000 1111 2222 3333 4444 5555', approvedAt: '2026-02-01T10:00:00.000Z', contentHash: 'ab'.repeat(32) };
  for (const [k, v] of Object.entries(members)) entry.set(k, v);
}

/** Status and approvals of one referat as each file of the package states them. */
function statedBy(files: Record<string, Uint8Array>, number: number) {
  const csv = parseCsv(decoder.decode(files['journal.csv']));
  const json = JSON.parse(decoder.decode(files['journal.json'])) as { journalVersion: number; rows: Array<Record<string, unknown>> };
  const row = csv[number] ?? [];
  const folder = row[13] ?? '';
  const html = decoder.decode(files[`${folder}/referat.html`]);
  const docx = decoder.decode(unzipSync(files[`${folder}/referat.docx`] ?? new Uint8Array())['word/document.xml']);
  const index = decoder.decode(files['index.html']);
  const indexRow = index.split('<tr>').find((r) => r.startsWith(`<td>${number}</td>`)) ?? '';
  return {
    csv: { status: row[8], organisations: row[9], approvals: row[10], notCounted: row[11] },
    json: json.rows[number - 1] ?? {},
    jsonVersion: json.journalVersion,
    html,
    htmlStatus: /<dt>Status<\/dt><dd>([^<]*)<\/dd>/.exec(html)?.[1],
    docx,
    docxStatus: /Status: <\/w:t><\/w:r><w:r><w:t xml:space="preserve">([^<]*)</.exec(docx)?.[1],
    indexRow,
    indexStatus: /<td><strong>([^<]*)<\/strong>/.exec(indexRow)?.[1],
  };
}

describe('the package states the status and approvals verified on this device, the same in every file', () => {
  it('a peer\'s meta.status "approved" and an unsigned approval by "Borgmester" count for nothing anywhere', async () => {
    const id = newSampleId();
    const doc = sampleReferat({ id, title: 'Forfalsket', date: '2026-02-01', organisation: 'Systemhuset A/S', text: 'Tekst.', status: 'approved' });
    forgeApproval(doc, 'Borgmester', 'Aarhus Kommune');
    const kommune = await createTestSigner('Ed25519');
    const dir = keyDirectory([{ ...(await known(kommune, KOMMUNE)), confirmedBy: 'own' }]);
    const { files } = await build([], { referater: withTrust(each([{ id, doc }]), dir), total: 1 });
    const s = statedBy(files, 1);
    for (const status of [s.csv.status, s.htmlStatus, s.docxStatus, s.indexStatus]) expect(status).toBe('Til godkendelse');
    expect(s.json.status).toBe('proposed');
    expect(s.jsonVersion).toBe(3);
    expect(s.json.approvals).toEqual([]);
    expect(s.json.notCounted).toEqual([{ kind: 'invalidApproval', name: 'Borgmester', organisation: 'Aarhus Kommune', removedBy: null }]);
    expect(s.csv.approvals).toBe('');
    expect(s.csv.notCounted).toBe('Ugyldig godkendelse (tæller ikke): Borgmester (Aarhus Kommune)');
    expect(s.csv.organisations).toBe('Aarhus Kommune: mangler godkendelse; Systemhuset A/S: mangler godkendelse');
    expect(s.html).not.toContain('<th scope="row">Borgmester</th>');
    expect(s.html).toContain('<li>Ugyldig godkendelse (tæller ikke): Borgmester (Aarhus Kommune)</li>');
    expect(s.indexRow).toContain('<li>Ugyldig godkendelse (tæller ikke): Borgmester (Aarhus Kommune)</li>');
    expect(s.indexRow).not.toMatch(/<li>Borgmester/);
    expect(s.docx).toContain('Ugyldig godkendelse (tæller ikke): Borgmester (Aarhus Kommune)');
  });

  it('says "Godkendt" everywhere when both confirmed keys approved, and marks an impostor\'s key and an earlier version', async () => {
    const kommune = await createTestSigner('Ed25519');
    const vendor = await createTestSigner('ECDSA-P256');
    const impostor = await createTestSigner('Ed25519');
    const dir = keyDirectory([{ ...(await known(kommune, KOMMUNE)), confirmedBy: 'own' }, await known(vendor, VENDOR)]);

    const approvedId = newSampleId();
    const approved = sampleReferat({ id: approvedId, title: 'Godkendt møde', date: '2026-03-01', organisation: 'Systemhuset A/S', text: 'Aftalt.' });
    await approve(approved, KOMMUNE, kommune, { now: new Date('2026-03-01T12:00:00Z') });
    await approve(approved, VENDOR, vendor, { now: new Date('2026-03-01T13:00:00Z') });
    await approve(approved, { name: 'Borgmester', organisation: 'aarhus  kommune', organisationKind: 'kommune' }, impostor, { now: new Date('2026-03-01T14:00:00Z') });

    const changedId = newSampleId();
    const changed = sampleReferat({ id: changedId, title: 'Ændret møde', date: '2026-03-02', organisation: 'Systemhuset A/S', text: 'Aftalt.' });
    await approve(changed, KOMMUNE, kommune, { now: new Date('2026-03-02T12:00:00Z') });
    setMetaField(changed, 'location', 'Rådhuset');
    metaMap(changed).set('status', 'approved');

    const { files } = await build([], { referater: withTrust(each([{ id: approvedId, doc: approved }, { id: changedId, doc: changed }]), dir), total: 2 });

    const a = statedBy(files, 1);
    for (const status of [a.csv.status, a.htmlStatus, a.docxStatus, a.indexStatus]) expect(status).toBe('Godkendt');
    expect(a.json.status).toBe('approved');
    const approvals = (a.csv.approvals ?? '').split('; ');
    expect(approvals).toEqual([
      'Mette Holm (Aarhus Kommune) 1. marts 2026 kl. 13.00 (CET) – gælder den nuværende version, bekræftet nøgle',
      'Bo Lund (Systemhuset A/S) 1. marts 2026 kl. 14.00 (CET) – gælder den nuværende version, bekræftet nøgle',
      'Borgmester (aarhus  kommune) 1. marts 2026 kl. 15.00 (CET) – gælder den nuværende version, ubekræftet nøgle',
    ]);
    for (const line of approvals) {
      expect(a.indexRow).toContain(`<li>${line}</li>`);
    }
    expect(a.html).toMatch(/<th scope="row">Borgmester<\/th><td>aarhus {2}kommune \(ubekræftet nøgle\)<\/td>.*?<td class="unconfirmed">ubekræftet nøgle<\/td>/);
    expect(a.csv.organisations).toBe('Aarhus Kommune: godkendt; Systemhuset A/S: godkendt');

    const c = statedBy(files, 2);
    for (const status of [c.csv.status, c.htmlStatus, c.docxStatus, c.indexStatus]) expect(status).toBe('Til godkendelse');
    expect(c.csv.approvals).toBe('Mette Holm (Aarhus Kommune) 2. marts 2026 kl. 13.00 (CET) – gælder en tidligere version, bekræftet nøgle');
    expect(c.csv.organisations).toBe('Aarhus Kommune: godkendte en tidligere version (tæller ikke); Systemhuset A/S: mangler godkendelse');
    expect(c.html).toContain('<td class="earlier">gælder en tidligere version</td><td>bekræftet nøgle</td>');
    expect(c.docx).toContain('gælder en tidligere version');
    expect(c.json.approvals).toMatchObject([{ name: 'Mette Holm', organisation: 'Aarhus Kommune', keyConfirmed: true, currentVersion: false }]);
  });

  it('LÆSMIG.txt says in plain words how the status was derived', async () => {
    const { files } = await build([]);
    const laesmig = decoder.decode(files['LÆSMIG.txt']);
    expect(laesmig).toContain('STATUS OG GODKENDELSER');
    expect(laesmig).toContain('En godkendelse tæller kun for en organisation gennem en nøgle, som denne enhed har bekræftet');
    expect(laesmig).toContain('En godkendelse af en tidligere version tæller ikke');
    expect(laesmig).toContain('En godkendelse med en ubekræftet nøgle tæller ikke');
    expect(laesmig).toContain('"Ugyldig godkendelse (tæller ikke)"');
    expect(laesmig).toContain('"Fjernet godkendelse" eller');
  });
});
