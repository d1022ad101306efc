// The DOCX export opens in LibreOffice: converted headless to plain text, it holds every agenda item, decision,
// action item and the approval hash. Fails (never skips) when LibreOffice is missing.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { referatDocx } from '../../../src/export/referatDocx';
import { richReferatTrust } from './trustFixture';
import { APPROVAL_HASH, DECISION_TEXT, HOSTILE_ACTION, RICH_AGENDA, SECOND_DECISION, richReferatFixture } from '../../../src/testSupport/richReferatFixture';

const run = promisify(execFile);

function findSoffice(): string | null {
  for (const path of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice']) {
    if (existsSync(path)) return path;
  }
  return null;
}

describe('referatDocx in LibreOffice', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('converts to text that holds the whole referat', { timeout: 60_000 }, async () => {
    const soffice = findSoffice();
    expect(soffice, 'LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui').not.toBeNull();
    const dir = await mkdtemp(join(tmpdir(), 'referat-docx-'));
    dirs.push(dir);
    const file = join(dir, 'referat.docx');
    await writeFile(file, referatDocx(richReferatFixture(), richReferatTrust(), { lang: 'da' }));
    await run(
      soffice as string,
      ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'txt:Text', '--outdir', dir, file],
      { timeout: 55_000 },
    );
    const text = (await readFile(join(dir, 'referat.txt'), 'utf8')).split(/\r?\n/).map((l) => l.trim());
    expect(text).toContain('Driftsmøde med Leverandør A/S');
    for (const [i, title] of RICH_AGENDA.entries()) expect(text).toContain(`${i + 1}. ${title}`);
    expect(text).toContain('Beslutning:');
    expect(text).toContain(DECISION_TEXT);
    expect(text).toContain(SECOND_DECISION);
    for (const s of ['Opgradér serveren', 'Bo Hansen', 'Leverandør A/S', '15. december 2026', 'Send budget til økonomi', '✓ Udført', HOSTILE_ACTION]) {
      expect(text).toContain(s);
    }
    expect(text).toContain('Fraværende');
    expect(text).toContain(APPROVAL_HASH);
    // The derived status and what each organisation lacks, as bullets, and the approval marked current and confirmed.
    expect(text).toContain('Status: Til godkendelse');
    expect(text.some((l) => l.endsWith('Leverandør A/S: mangler godkendelse'))).toBe(true);
    expect(text).toContain('gælder den nuværende version');
    expect(text).toContain('bekræftet nøgle');
  });

  it('lays out the action-item table with every header on one line ("Organisation", not "Organisatio/n")', { timeout: 90_000 }, async () => {
    const soffice = findSoffice();
    expect(soffice, 'LibreOffice (soffice) is not installed').not.toBeNull();
    const dir = await mkdtemp(join(tmpdir(), 'referat-docx-'));
    dirs.push(dir);
    const file = join(dir, 'referat.docx');
    await writeFile(file, referatDocx(richReferatFixture(), richReferatTrust(), { lang: 'da' }));
    await run(soffice as string, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 80_000 });
    await run('pdftotext', ['-layout', join(dir, 'referat.pdf'), join(dir, 'referat.txt')]);
    const lines = (await readFile(join(dir, 'referat.txt'), 'utf8')).split(/\r?\n/);
    const header = lines.find((l) => /Hvad\s+Ansvarlig/.test(l)) ?? '';
    expect(header).toMatch(/Hvad\s+Ansvarlig\s+Organisation\s+Frist\s+Status/);
    expect(lines.filter((l) => /Organisatio\s*$/.test(l))).toEqual([]);
  });
});
