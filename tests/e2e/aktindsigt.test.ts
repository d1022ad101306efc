// Aktindsigt: choose referater by party and period, build the package in the browser, and check the ZIP: one
// folder per referat (HTML, DOCX, signed .referat), journal, index, LÆSMIG, and hashes that verify; then case work:
// the matches as a list, one left out with a reason, a passage exempt under § 30, nr. 2, and a package without them.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from '../../src/core/bodyText';
import { approvalsArray } from '../../src/core/referatDoc';
import { encodeReferatFile, parseReferatFile, verifyReferatFile } from '../../src/core/referatFile';
import { sha256Hex } from '../../src/core/sha256';
import { newSampleId, sampleReferat, type SampleReferat } from '../../src/testSupport/sampleReferat';
import { createTestSigner } from '../../src/testSupport/testSigner';
import { CaseWorkModel } from './pages/CaseWorkModel';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

const DELETED = 'Udkast om borgerens helbred, slettet igen';
const FORGED = { title: 'Forfalsket godkendelse', date: '2025-06-02', organisation: 'Forfalsk ApS', text: 'Alt er godkendt.', status: 'approved' as const };

/** An approval entry with no signature, by "Borgmester": what a dishonest peer can write into the shared document. */
function forgeBorgmester(doc: Y.Doc): void {
  const entry = new Y.Map<unknown>();
  approvalsArray(doc).push([entry]);
  const members = { id: 'forged', name: 'Borgmester', organisation: 'Aarhus Kommune', organisationKind: 'kommune', fingerprint: 'DEAD BEEF 0000 1111 2222 3333 4444 5555', approvedAt: '2025-06-02T12:00:00.000Z', contentHash: 'ab'.repeat(32) };
  for (const [k, v] of Object.entries(members)) entry.set(k, v);
}
const decoder = new TextDecoder();
const OUT = process.env.REFERAT_SCREENSHOTS ?? join(tmpdir(), 'referat-screenshots');
const SIZES = [{ name: 'laptop', width: 1366, height: 768 }, { name: 'phone', width: 360, height: 780 }] as const;

/** A referat as the signed copy another party would send; `forge` lets a dishonest one write into it first. */
async function copyOf(s: Omit<SampleReferat, 'id'>, forge?: (doc: Y.Doc) => void): Promise<{ name: string; bytes: Buffer; id: string }> {
  const id = newSampleId();
  const doc = sampleReferat({ id, ...s });
  forge?.(doc);
  const bytes = await encodeReferatFile({
    docId: id, title: s.title, sender: { name: 'Bo Lund', organisation: s.organisation, organisationKind: 'leverandoer' },
    signer: await createTestSigner('ECDSA-P256'), stateVector: Y.encodeStateVector(doc), base: null, update: Y.encodeStateAsUpdate(doc), now: new Date(),
  });
  return { name: `${s.title}.referat`, bytes: Buffer.from(bytes), id };
}

/** Every text of the package, the parts inside each DOCX included. */
function allTexts(files: Record<string, Uint8Array>): string[] {
  const out: string[] = [];
  for (const [path, data] of Object.entries(files)) {
    out.push(decoder.decode(data));
    if (path.endsWith('.docx')) for (const part of Object.values(unzipSync(data))) out.push(decoder.decode(part));
  }
  return out;
}

describe('aktindsigt package', () => {
  const fx = useBrowserFixture();
  let app: ReferatApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await ReferatApp.open(await fx.browser.newContext({ acceptDownloads: true }), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const copies = [
      { title: 'Driftsmøde januar', date: '2026-01-14', organisation: 'Systemhuset A/S', text: 'Svartiderne holder.', caseNumber: '26/0042', kleCode: '85.02.02' },
      { title: 'Releasemøde', date: '2026-02-11', organisation: 'KMD A/S', text: 'Releasen er udskudt.' },
      { title: 'Styregruppemøde marts', date: '2026-03-04', organisation: 'Systemhuset A/S', text: 'Budgettet godkendes.', deleted: DELETED },
    ];
    for (const c of [...copies, FORGED]) {
      const file = await copyOf(c, c === FORGED ? forgeBorgmester : undefined);
      ids[c.title] = file.id;
      await app.nav('Bibliotek');
      const said = await app.importCopyFile('Importér referat', file);
      if (!said.includes('er føjet til biblioteket')) throw new Error(`import failed: ${said}`);
    }
  });

  it('builds the package of the referater with one party, with verified hashes, journal and no deleted text', async () => {
    const pkg = await app.buildAktindsigtPackage({ party: 'systemhuset' });
    expect(pkg.count).toBe('2 referater matcher.');
    expect(pkg.name).toMatch(/^aktindsigt \d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(pkg.bytes));
    expect(Object.keys(files).toSorted()).toEqual([
      'LÆSMIG.txt', 'SHA256SUMS', 'index.html', 'journal.csv', 'journal.json', 'manifest.json',
      'referater/001 2026-01-14 Driftsmøde januar/referat.docx', 'referater/001 2026-01-14 Driftsmøde januar/referat.html',
      'referater/001 2026-01-14 Driftsmøde januar/referat.referat', 'referater/002 2026-03-04 Styregruppemøde marts/referat.docx',
      'referater/002 2026-03-04 Styregruppemøde marts/referat.html', 'referater/002 2026-03-04 Styregruppemøde marts/referat.referat',
    ]);

    const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as { files: Array<{ path: string; sha256: string }> };
    expect(manifest.files).toHaveLength(10);
    for (const f of manifest.files) expect(sha256Hex(files[f.path] ?? new Uint8Array()), f.path).toBe(f.sha256);

    const csv = decoder.decode(files['journal.csv']).trimEnd().split('\r\n');
    expect(csv).toHaveLength(3);
    expect(csv[1]).toContain(`"2026-01-14","Driftsmøde januar",`);
    expect(csv[1]).toContain('"26/0042","85.02.02","Kladde",');
    expect(csv[1]).toContain(`,"${ids['Driftsmøde januar']}",`);
    // The referat's own file says the same status as the journal.
    expect(decoder.decode(files['referater/001 2026-01-14 Driftsmøde januar/referat.html'])).toContain('<dt>Status</dt><dd>Kladde</dd>');
    const journal = JSON.parse(decoder.decode(files['journal.json'])) as { rows: Array<{ documentId: string; parties: string[] }> };
    expect(journal.rows.map((r) => r.documentId)).toEqual([ids['Driftsmøde januar'], ids['Styregruppemøde marts']]);
    expect(journal.rows[0]?.parties).toEqual(['Aarhus Kommune', 'Systemhuset A/S']);

    // The .referat copies are signed by this device and hold the current text, without what was deleted.
    for (const path of Object.keys(files).filter((p) => p.endsWith('.referat'))) {
      const parsed = parseReferatFile(files[path] ?? new Uint8Array());
      expect(await verifyReferatFile(parsed)).toBe(true);
      expect(parsed.header.sender.name).toBe('Mette Holm');
    }
    const march = parseReferatFile(files['referater/002 2026-03-04 Styregruppemøde marts/referat.referat'] ?? new Uint8Array());
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, march.update);
    expect(bodyText(doc)).toContain('Budgettet godkendes.');
    for (const text of allTexts(files)) expect(text).not.toContain('borgerens helbred');
    expect(decoder.decode(files['index.html'])).toContain('Styregruppemøde marts');
    expect(decoder.decode(files['LÆSMIG.txt'])).toContain('Part eller organisation: systemhuset');
  });

  it('filters by period, and with the whole history the deleted text is in the .referat copy only', async () => {
    const pkg = await app.buildAktindsigtPackage({ from: '2026-02-01', to: '2026-12-31', fullHistory: true });
    expect(pkg.count).toBe('2 referater matcher.');
    const files = unzipSync(new Uint8Array(pkg.bytes));
    const folders = [...new Set(Object.keys(files).filter((p) => p.startsWith('referater/')).map((p) => p.split('/')[1]))];
    expect(folders).toEqual(['001 2026-02-11 Releasemøde', '002 2026-03-04 Styregruppemøde marts']);
    const copy = decoder.decode(files['referater/002 2026-03-04 Styregruppemøde marts/referat.referat']);
    expect(copy).toContain(DELETED);
    expect(decoder.decode(files['referater/002 2026-03-04 Styregruppemøde marts/referat.html'])).not.toContain(DELETED);
    expect(decoder.decode(files['LÆSMIG.txt'])).toContain('MED historik');
  });

  it('works in English: labels, count, and a package with English journal headings', async () => {
    await app.goto('/aktindsigt?lang=en');
    await app.page.getByRole('heading', { name: 'Access to documents (aktindsigt)', level: 1 }).waitFor();
    await app.page.getByLabel('Party or organisation').fill('KMD');
    await app.page.getByTestId('package-count').filter({ hasText: '1 referat matches.' }).waitFor();
    expect(await app.page.getByRole('radio', { name: 'Current text only' }).isChecked()).toBe(true);
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: 'Build access package' }).click()]);
    const { readFile } = await import('node:fs/promises');
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    expect(decoder.decode(files['journal.csv']).split('\r\n')[0]).toBe('"No.","Date","Title","Subject","Parties","Participants","Case number","KLE code","Status","Organisations","Approvals","Not counted","Document id","Folder","Exempt information","Left out of the package"');
    await app.page.getByTestId('package-status').filter({ hasText: /^The package is built: 1 referat, / }).waitFor();
    await app.goto('/aktindsigt?lang=da');
  });

  it('a copy a peer marked approved with an unsigned approval by "Borgmester" is "Til godkendelse" in every file', async () => {
    const pkg = await app.buildAktindsigtPackage({ party: 'Forfalsk' });
    expect(pkg.count).toBe('1 referat matcher.');
    const files = unzipSync(new Uint8Array(pkg.bytes));
    const folder = 'referater/001 2025-06-02 Forfalsket godkendelse';
    const html = decoder.decode(files[`${folder}/referat.html`]);
    const index = decoder.decode(files['index.html']);
    const csv = decoder.decode(files['journal.csv']).trimEnd().split('\r\n');
    const journal = JSON.parse(decoder.decode(files['journal.json'])) as { rows: Array<{ status: string; approvals: unknown[]; notCounted: Array<{ name: string }> }> };
    expect(html).toContain('<dt>Status</dt><dd>Til godkendelse</dd>');
    expect(csv[1]).toContain(',"Til godkendelse",');
    expect(index).toContain('<td><strong>Til godkendelse</strong>');
    expect(journal.rows[0]?.status).toBe('proposed');
    expect(journal.rows[0]?.approvals).toEqual([]);
    expect(journal.rows[0]?.notCounted.map((n) => n.name)).toEqual(['Borgmester']);
    for (const text of [html, index, csv[1] ?? '']) expect(text).toContain('Ugyldig godkendelse (tæller ikke): Borgmester (Aarhus Kommune)');
    expect(html).not.toContain('<th scope="row">Borgmester</th>');
    for (const text of allTexts(files)) expect(text).not.toMatch(/Status(<\/dt><dd>|: )Godkendt/);
  });

  it('says when nothing matches, and the build button stays disabled', async () => {
    await app.navTo('Aktindsigt');
    await app.page.getByLabel('Part eller organisation').fill('Findes ikke A/S');
    await app.page.getByTestId('package-count').filter({ hasText: 'Ingen referater matcher.' }).waitFor();
    expect(await app.page.getByRole('button', { name: 'Byg aktindsigtspakke' }).isDisabled()).toBe(true);
  });

  it('case work: lists the matches, leaves one out with a reason, exempts a passage under § 30, nr. 2, and the package holds neither', async () => {
    await mkdir(OUT, { recursive: true });
    const cases = new CaseWorkModel(app.page);
    await app.navTo('Aktindsigt');
    await cases.search('systemhuset', '2 referater matcher.');
    expect(await cases.items()).toEqual([
      { title: 'Driftsmøde januar', meta: expect.stringMatching(/^14\. januar 2026 Parter: Aarhus Kommune, Systemhuset A\/S Kladde$/), state: 'Med i pakken' },
      { title: 'Styregruppemøde marts', meta: expect.stringMatching(/^4\. marts 2026 Parter: Aarhus Kommune, Systemhuset A\/S Kladde$/), state: 'Med i pakken' },
    ]);

    // A reason is required: neither a choice nor words is refused, and nothing is left out.
    await cases.item('Driftsmøde januar').getByRole('button', { name: 'Udelad' }).click();
    await cases.item('Driftsmøde januar').getByRole('button', { name: 'Udelad referatet' }).click();
    await cases.item('Driftsmøde januar').getByText('Vælg en begrundelse på listen.').waitFor();
    await cases.item('Driftsmøde januar').getByRole('button', { name: 'Annullér' }).click();
    await cases.leaveOut('Driftsmøde januar', '§ 23, stk. 1 – internt dokument', 'Kun kommunens egne noter fra formødet');
    expect(await cases.item('Driftsmøde januar').locator('.case-state').innerText()).toBe('Udeladt: § 23, stk. 1 – internt dokument: Kun kommunens egne noter fra formødet');
    await app.page.getByTestId('package-count').filter({ hasText: '2 referater matcher. Heraf er 1 udeladt.' }).waitFor();
    for (const size of SIZES) {
      await app.page.setViewportSize({ width: size.width, height: size.height });
      await cases.item('Styregruppemøde marts').scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: join(OUT, `aktindsigt-list-${size.name}.png`), fullPage: size.name === 'phone' });
    }
    await app.page.setViewportSize({ width: 1366, height: 768 });

    await cases.openReview('Styregruppemøde marts');
    await cases.exemptSelected('Budgettet', '§ 30, nr. 2 – forretningshemmeligheder (drifts- eller forretningsforhold)', 'Leverandørens budgettal');
    const mark = app.page.getByTestId('review-text').locator('mark.exempt');
    expect(await mark.innerText()).toBe('Budgettet');
    expect(await mark.getAttribute('data-ref')).toBe('§ 30, nr. 2');
    expect(await app.page.getByTestId('exemption').innerText()).toContain('§ 30, nr. 2 – Leverandørens budgettal');
    for (const size of SIZES) {
      await app.page.setViewportSize({ width: size.width, height: size.height });
      await app.page.screenshot({ path: join(OUT, `aktindsigt-review-${size.name}.png`), fullPage: size.name === 'phone' });
    }
    await app.page.setViewportSize({ width: 1366, height: 768 });
    // By keyboard: the passage typed instead of selected; then removed again.
    await app.page.getByLabel('Eller skriv den tekst, der skal undtages').fill('godkendes');
    await app.page.getByRole('button', { name: 'Find og markér' }).click();
    await app.page.getByTestId('review-pending').filter({ hasText: 'Markeret: »godkendes«' }).waitFor();
    await app.page.getByLabel('Lovhjemmel').selectOption({ label: '§ 33, nr. 3 – det offentliges økonomiske interesser' });
    await app.page.getByRole('button', { name: 'Undtag markeret tekst' }).click();
    await app.page.getByTestId('exemption').nth(1).waitFor();
    expect(await app.page.getByTestId('review-text').locator('mark.exempt').allInnerTexts()).toEqual(['Budgettet', 'godkendes']);
    await app.page.getByTestId('exemption').filter({ hasText: '§ 33, nr. 3' }).getByRole('button', { name: 'Fjern undtagelse' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Undtagelsen er fjernet.' }).waitFor();
    expect(await app.page.getByTestId('exemption').count()).toBe(1);
    await cases.closeReview();
    expect(await cases.item('Styregruppemøde marts').locator('.case-state').innerText()).toBe('Med i pakken · 1 undtaget passage');

    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: 'Byg aktindsigtspakke' }).click()]);
    const { readFile } = await import('node:fs/promises');
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    await app.page.getByTestId('package-status').filter({ hasText: /^Pakken er bygget: 1 referat, / }).waitFor();
    const folder = 'referater/001 2026-03-04 Styregruppemøde marts';
    expect(Object.keys(files).filter((p) => p.startsWith('referater/'))).toEqual([`${folder}/referat.html`, `${folder}/referat.docx`]);
    const texts = Object.entries(files).map(([p, data]) => ({ path: p, text: allTexts({ [p]: data }).join('\n') }));
    for (const { path: p, text } of texts) expect(text, p).not.toContain('Budgettet');
    expect(decoder.decode(files[`${folder}/referat.html`])).toContain('[Undtaget: § 30, nr. 2] godkendes.');
    expect(allTexts({ 'x.docx': files[`${folder}/referat.docx`] ?? new Uint8Array() }).join('')).toContain('[Undtaget: § 30, nr. 2] godkendes.');
    // The referat left out is named only in LÆSMIG.txt and the journal, each time with the reason.
    const naming = texts.filter((x) => x.text.includes('Driftsmøde januar'));
    expect(naming.map((x) => x.path).toSorted()).toEqual(['LÆSMIG.txt', 'journal.csv', 'journal.json']);
    for (const x of naming.filter((n) => n.path !== 'journal.json')) {
      for (const line of x.text.split('\n').filter((l) => l.includes('Driftsmøde januar'))) expect(line).toContain('§ 23, stk. 1 (internt dokument');
    }
    const journal = JSON.parse(decoder.decode(files['journal.json'])) as { leftOut: Array<{ title: string; ref: string; note: string }>; rows: Array<{ exemptions: Array<{ ref: string }>; withheld: string[] }> };
    expect(journal.leftOut).toEqual([expect.objectContaining({ title: 'Driftsmøde januar', ref: '§ 23, stk. 1', note: 'Kun kommunens egne noter fra formødet' })]);
    expect(journal.rows[0]?.exemptions.map((e) => e.ref)).toEqual(['§ 30, nr. 2']);
    expect(journal.rows[0]?.withheld).toEqual(['referat.referat']);
    expect(decoder.decode(files['LÆSMIG.txt'])).toContain('1 passage undtaget efter § 30, nr. 2');

    // The referat itself still holds the text: open it.
    await app.goto(`/r/${ids['Styregruppemøde marts']}`);
    await app.page.getByText('Budgettet godkendes.').first().waitFor();
  });
});
