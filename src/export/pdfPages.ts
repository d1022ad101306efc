// Lays text out on A4 pages with pdf-lib's standard Helvetica: wrapped lines of mixed styles, indents, list
// markers, a bar beside decisions and quotes, new pages as needed, and on every page a running head and
// "Side 2 af 5" once the count is known. Text stays text (selectable, searchable), never an image.
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { characterTest, winAnsiText, type CharacterTest } from './winAnsiText';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** A run of text in one style; `link` draws it in link colour, underlined. */
export interface Span {
  text: string;
  style?: FontStyle;
  underline?: boolean;
  strike?: boolean;
  link?: boolean;
}

/** A paragraph's content: spans, and 'break' for a line break inside it. */
export type Content = Array<Span | 'break'>;

export interface BlockStyle {
  size?: number;
  /** From the left margin, in points. */
  indent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** A vertical bar left of every line (decisions, quotes). */
  bar?: boolean;
  muted?: boolean;
  /** Space (points) that must fit below the first line on the same page, so a heading never ends a page. */
  keepWithNext?: number;
  /** A list marker ("•", "3.") set in the indent before the first line. */
  marker?: string;
}

export interface PdfMetadata {
  title: string;
  /** BCP 47, e.g. "da-DK". */
  language: string;
  /** When the file was made; stored in the PDF's metadata. */
  made: Date;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 62, bottom: 58, left: 56, right: 56 };
const BODY_SIZE = 10.5;
const LEADING = 1.38;
const INK = rgb(0, 0, 0);
const MUTED = rgb(0.27, 0.27, 0.27);
const LINK = rgb(0.05, 0.22, 0.55);
const BAR = rgb(0.55, 0.55, 0.55);

interface Piece {
  text: string;
  /** Set once the piece is on a line. */
  width?: number;
  style: FontStyle;
  underline: boolean;
  strike: boolean;
  link: boolean;
}

interface Line {
  pieces: Piece[];
  width: number;
}

const sameLook = (a: Piece, b: Piece) => a.style === b.style && a.underline === b.underline && a.strike === b.strike && a.link === b.link;

export class PdfPages {
  private page: PDFPage;
  /** The top of the next line, in PDF coordinates (from the page's bottom). */
  private y: number;
  private readonly has: CharacterTest;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Record<FontStyle, PDFFont>,
  ) {
    this.has = characterTest(fonts.regular.getCharacterSet());
    this.page = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  static async create(meta: PdfMetadata): Promise<PdfPages> {
    // No pdf-lib producer or time stamps of its own: the metadata says what Referat sets.
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setLanguage(meta.language);
    doc.setCreator('Referat');
    doc.setProducer('Referat');
    doc.setCreationDate(meta.made);
    doc.setModificationDate(meta.made);
    const [regular, bold, italic, boldItalic] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
      doc.embedFont(StandardFonts.HelveticaOblique),
      doc.embedFont(StandardFonts.HelveticaBoldOblique),
    ]);
    return new PdfPages(doc, { regular, bold, italic, boldItalic });
  }

  private get textWidth(): number {
    return A4.width - MARGIN.left - MARGIN.right;
  }

  /** Text the fonts can write: characters outside WinAnsi replaced (winAnsiText.ts). */
  safe(text: string): string {
    return winAnsiText(text, this.has);
  }

  // Words repeat (and each is measured more than once while lines are filled): widths are kept per style and size.
  private readonly widths = new Map<string, number>();

  private width(text: string, style: FontStyle, size: number): number {
    const key = `${style} ${size} ${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.fonts[style].widthOfTextAtSize(text, size);
      if (this.widths.size < 50_000) this.widths.set(key, w);
    }
    return w;
  }

  private newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  /** Vertical space; dropped at the top of a page. */
  gap(points: number): void {
    if (this.y < A4.height - MARGIN.top) this.y = Math.max(this.y - points, MARGIN.bottom);
  }

  /** Starts a new page unless `points` still fit on this one. */
  private ensure(points: number): void {
    if (this.y - points < MARGIN.bottom) this.newPage();
  }

  /** Breaks content into lines no wider than `max`, at spaces; a word longer than a line is cut. */
  private lines(content: Content, size: number, max: number): Line[] {
    const lines: Line[] = [];
    let line: Line = { pieces: [], width: 0 };
    // Pieces of one word (styles may change inside it) and whether a space precedes it.
    let word: Piece[] = [];
    let spaceBefore = false;
    const push = (p: Piece, into: Line) => {
      const w = this.width(p.text, p.style, size);
      const last = into.pieces.at(-1);
      if (last && sameLook(last, p)) {
        last.text += p.text;
        last.width = (last.width ?? 0) + w;
      } else into.pieces.push({ ...p, width: w });
      into.width += w;
    };
    const endLine = () => {
      lines.push(line);
      line = { pieces: [], width: 0 };
    };
    const placeWord = () => {
      if (word.length === 0) return;
      const wordWidth = word.reduce((w, p) => w + this.width(p.text, p.style, size), 0);
      const first = word[0] as Piece;
      const space: Piece = { ...first, text: ' ' };
      const spaceWidth = spaceBefore && line.pieces.length > 0 ? this.width(' ', first.style, size) : 0;
      if (line.pieces.length > 0 && line.width + spaceWidth + wordWidth > max) endLine();
      else if (spaceWidth > 0) push(space, line);
      if (wordWidth <= max) {
        for (const p of word) push(p, line);
      } else {
        // Longer than a whole line (a URL, a hash): cut it where the line is full.
        for (const p of word) {
          for (const char of p.text) {
            const c = { ...p, text: char };
            if (line.pieces.length > 0 && line.width + this.width(char, p.style, size) > max) endLine();
            push(c, line);
          }
        }
      }
      word = [];
      spaceBefore = false;
    };
    for (const item of content) {
      if (item === 'break') {
        placeWord();
        endLine();
        continue;
      }
      const look = { style: item.style ?? 'regular', underline: item.underline === true, strike: item.strike === true, link: item.link === true };
      for (const part of this.safe(item.text).split(/( +)/)) {
        if (part === '') continue;
        if (part.startsWith(' ')) {
          placeWord();
          spaceBefore = true;
        } else word.push({ text: part, ...look });
      }
    }
    placeWord();
    if (line.pieces.length > 0 || lines.length === 0) lines.push(line);
    return lines;
  }

  /** A paragraph of wrapped text. */
  paragraph(content: Content, style: BlockStyle = {}): void {
    const size = style.size ?? BODY_SIZE;
    const indent = style.indent ?? 0;
    const lineHeight = size * LEADING;
    const lines = this.lines(content, size, this.textWidth - indent);
    if (lines.every((l) => l.pieces.length === 0) && !style.marker) return;
    this.gap(style.spaceBefore ?? 0);
    this.ensure(lineHeight + (style.keepWithNext ?? 0));
    const left = MARGIN.left + indent;
    lines.forEach((line, i) => {
      this.ensure(lineHeight);
      const baseline = this.y - size * 1.02;
      if (i === 0 && style.marker) {
        const marker = this.safe(style.marker);
        const w = this.width(marker, 'regular', size);
        this.page.drawText(marker, { x: left - w - 5, y: baseline, size, font: this.fonts.regular, color: style.muted ? MUTED : INK });
      }
      if (style.bar) {
        this.page.drawLine({ start: { x: left - 9, y: this.y }, end: { x: left - 9, y: this.y - lineHeight }, thickness: 2, color: BAR });
      }
      let x = left;
      for (const p of line.pieces) {
        const w = p.width ?? 0;
        const color = p.link ? LINK : style.muted ? MUTED : INK;
        this.page.drawText(p.text, { x, y: baseline, size, font: this.fonts[p.style], color });
        if (p.underline || p.link) this.page.drawLine({ start: { x, y: baseline - 1.4 }, end: { x: x + w, y: baseline - 1.4 }, thickness: 0.5, color });
        if (p.strike) this.page.drawLine({ start: { x, y: baseline + size * 0.3 }, end: { x: x + w, y: baseline + size * 0.3 }, thickness: 0.6, color });
        x += w;
      }
      this.y -= lineHeight;
    });
    this.gap(style.spaceAfter ?? 0);
  }

  /** A thin horizontal line across the text width. */
  rule(): void {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: A4.width - MARGIN.right, y: this.y }, thickness: 0.6, color: BAR });
    this.y -= 6;
  }

  /** Writes the running head (e.g. title · date) and the page label ("Side 1 af 3") on every page; returns the file. */
  async finish(head: string, pageLabel: (page: number, pages: number) => string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const size = 8.5;
    const font = this.fonts.regular;
    let shownHead = this.safe(head);
    const maxHead = this.textWidth * 0.8;
    if (font.widthOfTextAtSize(shownHead, size) > maxHead) {
      while (shownHead.length > 1 && font.widthOfTextAtSize(`${shownHead}…`, size) > maxHead) shownHead = shownHead.slice(0, -1);
      shownHead = `${shownHead.trimEnd()}…`;
    }
    pages.forEach((page, i) => {
      const top = A4.height - MARGIN.top + 22;
      page.drawText(shownHead, { x: MARGIN.left, y: top, size, font, color: MUTED });
      page.drawLine({ start: { x: MARGIN.left, y: top - 5 }, end: { x: A4.width - MARGIN.right, y: top - 5 }, thickness: 0.4, color: BAR });
      const label = this.safe(pageLabel(i + 1, pages.length));
      page.drawText(label, { x: A4.width - MARGIN.right - font.widthOfTextAtSize(label, size), y: MARGIN.bottom - 28, size, font, color: MUTED });
    });
    return this.doc.save();
  }
}
