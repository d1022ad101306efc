// The PDF export: real text (read back from the content streams), every page headed by the title and date and
// numbered "Side n af N", long referater paginated, and characters outside the standard font replaced, never thrown on.
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, StandardFonts, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { approvalReport } from './approvalReport';
import { referatPdf, referatPdfFileName, referatViewPdf } from './referatPdf';
import type { ReferatView, ViewBlock } from './referatView';
import { characterTest, winAnsiText } from './winAnsiText';
import { richReferatTrust, trustState } from '../../tests/unit/export/trustFixture';
import { DECISION_TEXT, RICH_AGENDA, richReferatFixture } from '../testSupport/richReferatFixture';

/** WinAnsi bytes 0x80–0x9F; the rest is Latin-1. */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = (hex: string) =>
  Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16))
    .map((b) => (b >= 0x80 && b < 0xa0 ? WIN_ANSI_HIGH[b - 0x80] : String.fromCharCode(b)))
    .join('');

/** One drawn piece of text: its font (the standard font's name), size, position and text. */
interface Drawn {
  font: string;
  size: number;
  x: number;
  y: number;
  text: string;
}

/** The text a page draws, read back from its content streams. */
function drawnOn(page: PDFPage): Drawn[] {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  const out: Drawn[] = [];
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) continue;
    const ops = new TextDecoder('latin1').decode(decodePDFRawStream(s).decode());
    let font = '';
    let size = 0;
    let x = 0;
    let y = 0;
    for (const m of ops.matchAll(/\/(\S+?)-\d+ ([\d.]+) Tf|1 0 0 1 ([\d.-]+) ([\d.-]+) Tm|<([0-9A-Fa-f]*)> Tj/g)) {
      if (m[1] !== undefined) [font, size] = [m[1], Number(m[2])];
      else if (m[3] !== undefined) [x, y] = [Number(m[3]), Number(m[4])];
      else out.push({ font, size, x, y, text: winAnsi(m[5] ?? '') });
    }
  }
  return out;
}

/** The page's lines, top to bottom: the pieces drawn on one baseline joined. */
function linesOf(drawn: Drawn[]): string[] {
  const lines = new Map<number, string>();
  for (const d of drawn) {
    const y = Math.round(d.y * 10);
    lines.set(y, (lines.get(y) ?? '') + d.text);
  }
  return [...lines.entries()].toSorted((a, b) => b[0] - a[0]).map(([, text]) => text);
}

async function read(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  const drawn = pdf.getPages().map(drawnOn);
  const pages = drawn.map(linesOf);
  return { pdf, drawn, pages, text: pages.map((p) => p.join('\n')).join('\n') };
}

const made = new Date('2026-12-06T10:00:00Z');

function longView(items: number): ReferatView {
  const paragraph = (n: number): ViewBlock => ({
    kind: 'paragraph',
    inlines: [{ text: `Afsnit ${n}: ${'Leverandøren gennemgik driftsrapporten, og parterne drøftede oppetid og hændelser. '.repeat(4)}`, bold: false, italic: false, strike: false, underline: false, href: null }],
  });
  const blocks: ViewBlock[] = Array.from({ length: items }, (_, i) => ({
    kind: 'agendaItem',
    item: { id: `a${i}`, number: i + 1, title: `Punkt ${i + 1}`, caseNumber: '', kleCode: '' },
    blocks: [paragraph(i), paragraph(i + 0.5)],
  }));
  return {
    meta: { formatVersion: 2, id: 'r-1', title: 'Langt møde', date: '2027-01-31', startTime: '', endTime: '', location: '', status: 'draft', createdAt: '', template: '' },
    seriesName: '',
    participants: [],
    blocks,
    approvals: approvalReport(trustState()),
  };
}

describe('referatPdf', () => {
  it('writes the referat as text: details, participants, agenda, decision, action items in words and approvals', async () => {
    const bytes = await referatPdf(richReferatFixture(), richReferatTrust(), { lang: 'da', made });
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const { pdf, text } = await read(bytes);
    expect(pdf.getTitle()).toBe('Driftsmøde med Leverandør A/S');
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(da-DK)');
    expect(pdf.getCreationDate()?.toISOString()).toBe(made.toISOString());
    const lines = text.split('\n');
    expect(lines[0]).toBe('Driftsmøde med Leverandør A/S · 30. november 2026');
    expect(lines[1]).toBe('Driftsmøde med Leverandør A/S');
    for (const s of ['Dato: 30. november 2026', 'Status: Til godkendelse', 'Møderække: Driftsmøder 2026', 'Deltagere', '•Carla Møller, Leverandør A/S (Driftschef) – Fraværende']) {
      expect(lines).toContain(s);
    }
    for (const [i, title] of RICH_AGENDA.slice(0, 6).entries()) expect(lines).toContain(`${i + 1}. ${title}`);
    expect(lines).toContain('Sagsnummer: 26-001234 · KLE-nummer: 00.01.00');
    expect(lines).toContain(`Beslutning: ${DECISION_TEXT}`);
    expect(lines).toContain('Handlingspunkt: Opgradér serveren');
    expect(lines).toContain('Ikke udført · Ansvarlig: Bo Hansen (Leverandør A/S) · Frist: 15. december 2026');
    expect(lines).toContain('Udført · Ansvarlig: Anne Jensen (Aarhus Kommune)');
    expect(lines).toContain('Godkendelser');
    expect(text).toContain('Styretegn og fjernes; # ikke overskrift');
    expect(text.replace(/\n/g, ' ')).toContain('Anne Jensen (Aarhus Kommune) 30. november 2026 kl. 13.15 (CET) – gælder den nuværende version, bekræftet nøgle');
    // A link's address follows its text on paper; javascript: is never a link.
    expect(text).toContain('(https://example.dk/vejledning?a=1&b=2)');
    expect(text).toContain('og klik her – vigtigt');
  });

  it('heads every page with the title and date and numbers it "Side n af N"; a long referat paginates', async () => {
    const { pdf, pages, drawn } = await read(await referatViewPdf(longView(120), { lang: 'da', made }));
    const count = pdf.getPageCount();
    expect(count).toBeGreaterThan(10);
    pages.forEach((texts, i) => {
      expect(texts).toContain('Langt møde · 31. januar 2027');
      expect(texts).toContain(`Side ${i + 1} af ${count}`);
    });
    // Every agenda item is there once, in order, and lines are wrapped (none runs past the text width).
    const all = pages.flat();
    expect(all.filter((t) => /^Punkt \d+$/.test(t.replace(/^\d+\. /, ''))).length).toBe(120);
    expect(all.indexOf('120. Punkt 120')).toBeGreaterThan(all.indexOf('1. Punkt 1'));
    const fonts = { Helvetica: await pdf.embedFont(StandardFonts.Helvetica), 'Helvetica-Bold': await pdf.embedFont(StandardFonts.HelveticaBold) };
    const pieces = drawn.flat();
    expect(new Set(pieces.map((d) => d.font))).toEqual(new Set(Object.keys(fonts)));
    const rightmost = Math.max(...pieces.map((d) => d.x + fonts[d.font as keyof typeof fonts].widthOfTextAtSize(d.text, d.size)));
    expect(rightmost).toBeLessThanOrEqual(595.28 - 56 + 0.01);
    expect(rightmost).toBeGreaterThan(595.28 - 56 - 40);
    expect(Math.min(...pieces.map((d) => d.y))).toBeGreaterThan(20);
    expect(all.join(' ')).toContain('Afsnit 119: Leverandøren');
    // English: "Page 1 of N".
    const en = await read(await referatViewPdf(longView(2), { lang: 'en', made }));
    expect(en.pages[0]).toContain(`Page 1 of ${en.pdf.getPageCount()}`);
  });

  it('replaces characters the standard font lacks instead of throwing', async () => {
    const view = longView(1);
    view.meta = { ...view.meta, title: 'Łódź ő → ≤ 😀 中文 \u200b–' };
    const { pdf, text } = await read(await referatViewPdf(view, { lang: 'da', made }));
    // The metadata keeps the title as written; the page shows the nearest WinAnsi letters.
    expect(pdf.getTitle()).toBe('Łódź ő → ≤ 😀 中文 \u200b–');
    expect(text.split('\n')[1]).toBe('Lódz o -> <= ? ?? –');
  });

  it('names the file after the title and the meeting date, or today for a referat without one', () => {
    expect(referatPdfFileName({ title: 'Driftsmøde: status/plan', date: '2027-01-31' }, '2026-12-06')).toBe('Driftsmøde statusplan 2027-01-31.pdf');
    expect(referatPdfFileName({ title: '', date: '' }, '2026-12-06')).toBe('referat 2026-12-06.pdf');
  });
});

describe('winAnsiText', () => {
  const has = characterTest([...Array.from({ length: 95 }, (_, i) => i + 32), ...Array.from({ length: 96 }, (_, i) => i + 160), 0x2013, 0x2022]);
  it('keeps Danish letters and Latin-1, replaces the rest, drops invisible characters', () => {
    expect(winAnsiText('Æbleø på Ålø – ok', has)).toBe('Æbleø på Ålø – ok');
    expect(winAnsiText('Łukasz Őz\u0301\u00ad \u{1F600}\tx\ny\u200b', has)).toBe('Lukasz Oz ? x y');
    expect(winAnsiText('\u25cf punkt', has)).toBe('\u2022 punkt');
  });
});
