// Writes WordprocessingML body content (paragraphs, runs, tables, lists) and collects the links and numbered lists
// that word/_rels/document.xml.rels and word/numbering.xml must declare.
import { agendaItemDetails } from './detailLines';
import { BULLET_NUM_ID, type OrderedListNumbering } from './docxNumbering';
import { escapeMarkup as esc } from './escapeMarkup';
import type { ExportLabels } from './exportLabels';
import { type Inline, type ViewBlock } from './referatView';
import { formatExportDate } from './exportDates';
import type { ActionItemInfo } from '../core/structure';

/** Text width of an A4 page with 2 cm margins, in twentieths of a point. */
export const TEXT_WIDTH = 9638;

/**
 * The action-item table's columns, in parts of the text width (482 pt): a header such as "Organisation" in bold
 * 10 pt needs up to 94 pt with a wide fallback font (DejaVu Sans) and the cell margins, 21 % is 101 pt (18 % wrapped
 * it as "Organisatio/n"); a date such as "15. december 2026" fits the same.
 */
export const ACTION_ITEM_WIDTHS = [26, 17, 21, 21, 15];

/** Table headers a point smaller than the text (half-points), so one word never breaks inside a narrow column. */
const HEADER_SIZE = 20;

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  mono?: boolean;
  link?: boolean;
  /** In half-points; the style's size when not given. */
  size?: number;
}

export interface ParagraphStyle {
  style?: string;
  list?: { numId: number; level: number };
}

/** One table cell: plain text, or a cell whose text is a row header. */
export type Cell = string | { text: string; mono: boolean };

export class DocxBody {
  private readonly parts: string[] = [];
  /** External link targets; the n-th is relationship `rIdLink<n+1>`. */
  readonly links: string[] = [];
  readonly orderedLists: OrderedListNumbering[] = [];
  private readonly labels: ExportLabels;

  constructor(labels: ExportLabels) {
    this.labels = labels;
  }

  xml(): string {
    return this.parts.join('');
  }

  /** Runs for plain text; line feeds become line breaks and tabs become tabs. */
  run(text: string, style: RunStyle = {}): string {
    // In the order the schema (CT_RPr) requires: Word refuses a document whose run properties are out of order.
    const rPr =
      (style.link ? '<w:rStyle w:val="Hyperlink"/>' : '') +
      (style.mono ? '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/>' : '') +
      (style.bold ? '<w:b/>' : '') +
      (style.italic ? '<w:i/>' : '') +
      (style.strike ? '<w:strike/>' : '') +
      (style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : '') +
      (style.underline ? '<w:u w:val="single"/>' : '');
    const content = text
      .split('\n')
      .map((line) =>
        line
          .split('\t')
          .map((piece) => (piece === '' ? '' : `<w:t xml:space="preserve">${esc(piece)}</w:t>`))
          .join('<w:tab/>'),
      )
      .join('<w:br/>');
    return content === '' ? '' : `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${content}</w:r>`;
  }

  inlines(inlines: Inline[]): string {
    return inlines
      .map((i) => {
        if ('lineBreak' in i) return '<w:r><w:br/></w:r>';
        const run = this.run(i.text, { ...i, link: i.href !== null });
        if (i.href === null || run === '') return run;
        this.links.push(i.href);
        return `<w:hyperlink r:id="rIdLink${this.links.length}">${run}</w:hyperlink>`;
      })
      .join('');
  }

  paragraph(runs: string, p: ParagraphStyle = {}): void {
    this.parts.push(paragraphXml(runs, p));
  }

  /** A table with a repeated header row; the first cell of each row is the row's name. */
  table(headers: string[], rows: Cell[][], widths: number[]): void {
    const total = widths.reduce((a, b) => a + b, 0);
    const cols = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
    const cell = (c: Cell, i: number, header: boolean) => {
      const text = typeof c === 'string' ? c : c.text;
      const mono = typeof c !== 'string' && c.mono;
      const shade = header ? '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>' : '';
      return `<w:tc><w:tcPr><w:tcW w:w="${cols[i] ?? 0}" w:type="dxa"/>${shade}</w:tcPr>${paragraphXml(this.run(text, header ? { bold: true, size: HEADER_SIZE } : { mono }), {})}</w:tc>`;
    };
    this.parts.push(
      `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
        `<w:tblGrid>${cols.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
        `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${headers.map((h, i) => cell(h, i, true)).join('')}</w:tr>` +
        rows.map((r) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.map((c, i) => cell(c, i, false)).join('')}</w:tr>`).join('') +
        '</w:tbl>',
    );
    // Word merges tables that touch, and a table may not end the body: a paragraph follows each.
    this.paragraph('');
  }

  actionItems(items: ActionItemInfo[]): void {
    const l = this.labels;
    this.table(
      [l.what, l.owner, l.organisation, l.due, l.status],
      items.map((a) => [a.text, a.owner, a.ownerOrganisation, a.due ? formatExportDate(a.due, l) : '', a.done ? `✓ ${l.done}` : l.open]),
      ACTION_ITEM_WIDTHS,
    );
  }

  /** Body blocks; `depth` is 1 inside an agenda item (its headings are one level below the item's). */
  blocks(blocks: ViewBlock[], depth: number, style?: string): void {
    for (const b of blocks) this.block(b, depth, style);
  }

  private block(b: ViewBlock, depth: number, style: string | undefined, listLevel = 0): void {
    const l = this.labels;
    switch (b.kind) {
      case 'paragraph':
        this.paragraph(this.inlines(b.inlines), style ? { style } : {});
        return;
      case 'heading':
        this.paragraph(this.inlines(b.inlines), { style: `Heading${Math.min(depth + b.level - 2, 3)}` });
        return;
      case 'list':
        this.list(b, depth, style, listLevel);
        return;
      case 'blockquote':
        this.blocks(b.blocks, depth, style ?? 'Quote');
        return;
      case 'rule':
        this.parts.push('<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="8A8A8A"/></w:pBdr></w:pPr></w:p>');
        return;
      case 'agendaItem': {
        const { item } = b;
        this.paragraph(this.run(`${item.number}. ${item.title.trim() || l.untitled}`), { style: 'Heading1' });
        const details = agendaItemDetails(item, l).map((d) => `${d.label}: ${d.value}`);
        if (details.length > 0) this.paragraph(this.run(details.join(' · ')), { style: 'AgendaDetails' });
        this.blocks(b.blocks, 2);
        return;
      }
      case 'decision':
        this.paragraph(this.run(`${l.decision}:`, { bold: true }), { style: 'Decision' });
        this.blocks(b.blocks, depth, 'Decision');
        // Ends the bordered box, so a following decision gets a box of its own.
        this.paragraph('', { style: 'Normal' });
        return;
      case 'actionItems':
        this.actionItems(b.items);
        return;
    }
  }

  private list(b: Extract<ViewBlock, { kind: 'list' }>, depth: number, style: string | undefined, level: number): void {
    let numId = BULLET_NUM_ID;
    if (b.ordered) {
      this.orderedLists.push({ level, start: b.start });
      numId = BULLET_NUM_ID + this.orderedLists.length;
    }
    for (const item of b.items) {
      let first = true;
      for (const child of item) {
        if (child.kind === 'list') this.list(child, depth, style, Math.min(level + 1, 8));
        else if (child.kind === 'paragraph' && first) {
          this.paragraph(this.inlines(child.inlines), { style: style ?? 'ListParagraph', list: { numId, level } });
        } else this.block(child, depth, style, level);
        first = false;
      }
    }
  }
}

function paragraphXml(runs: string, p: ParagraphStyle): string {
  const pPr =
    (p.style ? `<w:pStyle w:val="${p.style}"/>` : '') +
    (p.list ? `<w:numPr><w:ilvl w:val="${p.list.level}"/><w:numId w:val="${p.list.numId}"/></w:numPr>` : '');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}
