// journal.csv opened in LibreOffice Calc (issue 14, finding 7): imported with `;` (as Danish spreadsheets split) and
// with `,`, and split on `;`, `,` and tabs at once ignoring quotes, with formulas evaluated: no cell is a formula and
// the hostile texts are plain text. Fails (never skips) when LibreOffice Calc is missing.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { journalCsv } from '../../../src/export/journal';
import { hostileJournalRows } from './journalCsvFixture';

const run = promisify(execFile);

function findSoffice(): string | null {
  for (const path of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice']) {
    if (existsSync(path)) return path;
  }
  return null;
}

/** The text of every cell in a flat ODS document (spaces, tabs and line breaks as LibreOffice writes them). */
function cellTexts(fods: string): string[] {
  const texts: string[] = [];
  for (const cell of fods.matchAll(/<table:table-cell\b[^>]*>([\s\S]*?)<\/table:table-cell>/g)) {
    const paragraphs = [...(cell[1] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) =>
      (p[1] ?? '')
        .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_m, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
        .replace(/<text:tab\/>/g, '\t')
        .replace(/<text:line-break\/>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
    );
    texts.push(paragraphs.join('\n'));
  }
  return texts;
}

// CSV filter options: separator, text delimiter, UTF-8 (76), first line 1, standard columns, Danish (1030),
// quoted fields not forced to text, no special numbers, 3 export-only tokens, "evaluate formulas" on.
// A text delimiter of 1 (a character the file never holds) makes Calc ignore the quotes.
const VARIANTS = [
  { name: 'semicolon, honouring quotes', separator: '59', delimiter: 34, title: null },
  { name: 'comma, honouring quotes', separator: '44', delimiter: 34, title: "Møde;'=1+1" },
  { name: 'semicolon, comma and tab, ignoring quotes', separator: '59/44/9', delimiter: 1, title: null },
] as const;

describe('journal.csv in LibreOffice Calc', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('shows every cell as text, never as a formula, whichever way it is split', { timeout: 240_000 }, async () => {
    const soffice = findSoffice();
    expect(soffice, 'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui').not.toBeNull();
    expect(existsSync('/usr/lib/libreoffice/program/libsclo.so'), 'LibreOffice Calc is not installed: apt-get install libreoffice-calc-nogui').toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'referat-csv-'));
    dirs.push(dir);
    const csv = journalCsv(hostileJournalRows(), 'da');
    for (const v of VARIANTS) {
      const out = join(dir, `${v.separator.replaceAll('/', '-')}-${v.delimiter}`);
      await mkdir(out);
      const file = join(out, 'journal.csv');
      await writeFile(file, csv);
      const filter = `CSV:${v.separator},${v.delimiter},76,1,,1030,false,false,false,false,false,false,true`;
      await run(
        soffice as string,
        ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, `--infilter=${filter}`, '--convert-to', 'fods', '--outdir', out, file],
        { timeout: 55_000 },
      );
      const fods = await readFile(join(out, 'journal.fods'), 'utf8');
      const cells = cellTexts(fods);
      expect(cells.length, v.name).toBeGreaterThan(20);
      expect(fods.match(/table:formula="[^"]*"/g) ?? [], v.name).toEqual([]);
      // The guarded parts are there as text: the apostrophe shows, the formula is not run.
      expect(cells.some((c) => c.includes("'=1+1")), v.name).toBe(true);
      expect(cells.some((c) => c.includes("'@SUM(1")), v.name).toBe(true);
      // Read as written (RFC 4180), the title is one cell, as text.
      expect(v.title === null || cells.includes(v.title), `${v.name}: the title cell`).toBe(true);
    }
  });
});
