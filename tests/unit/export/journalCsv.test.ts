// journal.csv against spreadsheets (issue 14, finding 7): every field is quoted, and no part a spreadsheet could cut
// out of a line (splitting on `;`, `,`, a tab or a line break, with or without honouring quotes) starts a formula.
import { describe, expect, it } from 'vitest';
import { csvField, guardFormulas } from '../../../src/export/csvField';
import { journalCsv } from '../../../src/export/journal';
import { HOSTILE_TEXTS, hostileJournalRows, hostileLeftOut } from './journalCsvFixture';
import { parseCsv } from '../../../src/testSupport/parseCsv';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const QUOTED_LINE = /^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/;

/** The cells a spreadsheet that ignores quotes would make, each as it could begin once blanks and quotes are trimmed. */
function cutCells(text: string, separator: RegExp): string[] {
  return text.split(separator).map((c) => c.replace(/^[ "]*/, ''));
}

/** A small seeded generator, so a failure can be repeated. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('journal.csv', () => {
  const csv = journalCsv(hostileJournalRows(), 'da', hostileLeftOut());
  const body = csv.slice(1);

  it('starts with a BOM and quotes every field of every line', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(body);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(16);
    // Records are CRLF-separated; a line break inside a field stays inside its quotes.
    const records = body.split('\r\n').filter((l) => l !== '');
    const joined: string[] = [];
    for (const r of records) {
      const last = joined.length - 1;
      if (last >= 0 && (joined[last]?.split('"').length ?? 0) % 2 === 0) joined[last] = `${joined[last]}\r\n${r}`;
      else joined.push(r);
    }
    expect(joined).toHaveLength(4);
    for (const line of joined) expect(line).toMatch(QUOTED_LINE);
  });

  it.each([
    ['a semicolon (Danish Excel)', /;/],
    ['a comma', /,/],
    ['a tab', /\t/],
    ['a line break', /\r\n|\r|\n/],
    ['any of them', /[;,\t\r\n]/],
  ])('has no cell starting a formula when a spreadsheet splits on %s and ignores quotes', (_name, separator) => {
    const formulas = cutCells(body, separator).filter((c) => FORMULA_START.test(c));
    expect(formulas).toEqual([]);
  });

  it('has no field, nor any part of one, starting a formula when read as RFC 4180', () => {
    for (const row of parseCsv(body)) {
      for (const field of row) {
        expect(cutCells(field, /[;,\t\r\n]/).filter((c) => FORMULA_START.test(c)), field).toEqual([]);
      }
    }
  });

  it('keeps every hostile text, marked with apostrophes only', () => {
    const [, , hand] = parseCsv(body);
    const strip = (s: string) => s.replaceAll("'", '');
    expect(strip(hand?.[4] ?? '')).toBe(strip(HOSTILE_TEXTS.join('; ')));
    expect(hand?.[2]).toBe(guardFormulas(HOSTILE_TEXTS.join(' | ')));
    expect(hand?.[2]?.startsWith('Møde;\'=1+1 | Møde, \'=1+1 | Møde; \'+1+2')).toBe(true);
  });
});

describe('guardFormulas', () => {
  it.each([
    ['Møde;=1+1', "Møde;'=1+1"],
    ['Møde, -fraværende', "Møde, '-fraværende"],
    ['=1+1', "'=1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['＝1+1', "'＝1+1"],
    ['a;＠x', "a;'＠x"],
    ['\t=1', "'\t'=1"],
    ['a;\t=1', "a;'\t'=1"],
    ['a\n+1', "a\n'+1"],
    ['a;"=1"', "a;\"'=1\""],
    ['  =1', "  '=1"],
  ])('guards %j as %j', (raw, guarded) => {
    expect(guardFormulas(raw)).toBe(guarded);
  });

  it.each(['', 'Driftsmøde, januar: Drift og stabilitet; Budget', '2026-01-14', 'Bo Lund (Systemhuset A/S) – fraværende', 'a-b+c=d', "It's fine", '26/0042'])(
    'leaves %j as it is',
    (plain) => {
      expect(guardFormulas(plain)).toBe(plain);
    },
  );

  it('only ever adds apostrophes, and leaves no cut part starting a formula (seeded random texts)', () => {
    const alphabet = ['a', 'ø', ' ', '"', "'", ';', ',', '\t', '\r', '\n', '=', '+', '-', '@', '＝', '＋', '－', '＠', '1'];
    const next = random(14);
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(next() * 12);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const guarded = guardFormulas(text);
      expect(guarded.replaceAll("'", ''), JSON.stringify(text)).toBe(text.replaceAll("'", ''));
      expect(cutCells(guarded, /[;,\t\r\n]/).filter((c) => FORMULA_START.test(c)), JSON.stringify(text)).toEqual([]);
    }
  });
});

describe('csvField', () => {
  it('quotes every field and doubles the quotes inside', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('')).toBe('""');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1;=2')).toBe('"\'=1;\'=2"');
  });
});
