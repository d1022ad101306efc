// One referat as a PDF with real text: title, meeting details, participants, the minutes with agenda items,
// decisions and action items in words, and the approvals; the title and date head every page, "Side 2 af 5" ends it.
// Loaded only when "Hent som PDF" is pressed (pdf-lib is large); no DOM, so it runs in Node tests too.
import type * as Y from 'yjs';
import type { ReferatMeta } from '../core/meta';
import { safeFileName } from '../core/safeFileName';
import type { TrustState } from '../core/trustState';
import { actionItemLabel, actionItemWords } from './actionItemWords';
import { approvalLine, organisationLine, uncountedLine } from './approvalReport';
import { agendaItemDetails, meetingDetails } from './detailLines';
import { formatExportDate } from './exportDates';
import { exportLabels, type ExportLabels } from './exportLabels';
import type { ExportLanguage, ExportOptions } from './exportOptions';
import { PdfPages, type BlockStyle, type Content, type Span } from './pdfPages';
import { readReferatView, type Inline, type ReferatView, type ViewBlock } from './referatView';

export interface PdfOptions extends ExportOptions {
  /** When the file is made, for the PDF's metadata; now when left out. */
  made?: Date;
}

const PAGE_OF: Record<ExportLanguage, (page: number, pages: number) => string> = {
  da: (page, pages) => `Side ${page} af ${pages}`,
  en: (page, pages) => `Page ${page} of ${pages}`,
};

const LIST_INDENT = 16;
const BLOCK_INDENT = 14;
const SMALL = 8.5;

function heading(size: number): BlockStyle {
  return { size, spaceBefore: size * 0.9, spaceAfter: 3, keepWithNext: 40 };
}

function spans(inlines: Inline[]): Content {
  const out: Content = [];
  for (const i of inlines) {
    if ('lineBreak' in i) {
      out.push('break');
      continue;
    }
    const style = i.bold && i.italic ? 'boldItalic' : i.bold ? 'bold' : i.italic ? 'italic' : 'regular';
    out.push({ text: i.text, style, underline: i.underline, strike: i.strike, link: i.href !== null });
    // Paper has no links: the address follows its text, unless the text is the address.
    if (i.href !== null && i.text.trim() !== i.href && `${i.text.trim()}/` !== i.href) out.push({ text: ` (${i.href})`, style: 'regular' });
  }
  return out;
}

/** Writes the body blocks; `indent` grows inside lists, decisions and quotes. */
class BodyWriter {
  constructor(
    private readonly pages: PdfPages,
    private readonly l: ExportLabels,
    private readonly lang: ExportLanguage,
  ) {}

  blocks(blocks: ViewBlock[], depth: number, indent: number, bar = false, firstMarker?: string): void {
    blocks.forEach((b, i) => this.block(b, depth, indent, bar, i === 0 ? firstMarker : undefined));
  }

  private block(b: ViewBlock, depth: number, indent: number, bar: boolean, marker: string | undefined): void {
    const { pages, l } = this;
    const body: BlockStyle = { indent, bar, marker, spaceAfter: 5 };
    switch (b.kind) {
      case 'paragraph':
        pages.paragraph(spans(b.inlines), body);
        return;
      case 'heading': {
        const level = depth + b.level;
        pages.paragraph(spans(b.inlines).map((s) => (s === 'break' ? s : { ...s, style: 'bold' as const })), { ...heading(level <= 2 ? 14 : level === 3 ? 12 : 11), indent, bar, marker });
        return;
      }
      case 'list':
        b.items.forEach((item, i) => {
          const itemMarker = b.ordered ? `${b.start + i}.` : '\u2022';
          if (item.length === 0) pages.paragraph([{ text: ' ' }], { ...body, indent: indent + LIST_INDENT, marker: itemMarker });
          else this.blocks(item, depth, indent + LIST_INDENT, bar, itemMarker);
        });
        return;
      case 'blockquote':
        this.blocks(b.blocks, depth, indent + BLOCK_INDENT, true);
        return;
      case 'rule':
        pages.rule();
        return;
      case 'agendaItem': {
        const { item } = b;
        pages.paragraph([{ text: `${item.number}. ${item.title.trim() || l.untitled}`, style: 'bold' }], { ...heading(14), indent });
        const details = agendaItemDetails(item, l).map((d) => `${d.label}: ${d.value}`);
        if (details.length > 0) pages.paragraph([{ text: details.join(' · ') }], { indent, muted: true, spaceAfter: 4 });
        this.blocks(b.blocks, 1, indent);
        return;
      }
      case 'decision': {
        const inner = indent + BLOCK_INDENT;
        const label: Span = { text: `${l.decision}: `, style: 'bold' };
        const [first, ...rest] = b.blocks;
        pages.gap(3);
        if (first?.kind === 'paragraph') {
          pages.paragraph([label, ...spans(first.inlines)], { indent: inner, bar: true, spaceAfter: 5 });
          this.blocks(rest, depth, inner, true);
        } else {
          pages.paragraph([label], { indent: inner, bar: true, spaceAfter: 2 });
          this.blocks(b.blocks, depth, inner, true);
        }
        return;
      }
      case 'actionItems':
        for (const a of b.items) {
          pages.paragraph([{ text: `${actionItemLabel(this.lang)}: `, style: 'bold' }, { text: a.text.trim() || l.untitled }], { indent, bar, marker, spaceBefore: 2, spaceAfter: 1, keepWithNext: 14 });
          pages.paragraph([{ text: actionItemWords(a, this.lang) }], { indent: indent + BLOCK_INDENT, bar, muted: true, spaceAfter: 6 });
        }
    }
  }
}

function writeApprovals(pages: PdfPages, view: ReferatView, l: ExportLabels): void {
  const report = view.approvals;
  const bullet = (text: string, style: BlockStyle = {}) => pages.paragraph([{ text }], { indent: LIST_INDENT, marker: '\u2022', spaceAfter: 2, ...style });
  pages.paragraph([{ text: l.approvals, style: 'bold' }], heading(15));
  pages.paragraph([{ text: `${l.status}: `, style: 'bold' }, { text: l.statuses[report.status] }], { spaceAfter: 4 });
  if (report.organisations.length > 0) {
    pages.paragraph([{ text: `${l.organisationsToApprove}:`, style: 'bold' }], { spaceAfter: 2 });
    for (const o of report.organisations) bullet(organisationLine(o, l));
    pages.gap(4);
  }
  if (report.approvals.length === 0) pages.paragraph([{ text: l.noApprovals }], { spaceAfter: 4 });
  else pages.paragraph([{ text: `${l.signer}:`, style: 'bold' }], { spaceAfter: 2 });
  for (const a of report.approvals) {
    bullet(approvalLine(a, l), { spaceAfter: 1 });
    pages.paragraph([{ text: `${l.fingerprint}: ${a.fingerprint}` }, 'break', { text: `${l.contentHash}: ${a.contentHash}` }], {
      indent: LIST_INDENT,
      size: SMALL,
      muted: true,
      spaceAfter: 5,
    });
  }
  if (report.uncounted.length > 0) {
    pages.paragraph([{ text: `${l.notCounted}:`, style: 'bold' }], { spaceBefore: 2, spaceAfter: 2 });
    for (const u of report.uncounted) bullet(uncountedLine(u, l));
  }
  pages.paragraph([{ text: l.derivation }], { size: SMALL, muted: true, spaceBefore: 6 });
}

/** The PDF of a referat already read into its view (referatView.ts). */
export async function referatViewPdf(view: ReferatView, options: PdfOptions): Promise<Uint8Array> {
  const l = exportLabels(options.lang);
  const { meta } = view;
  const title = meta.title.trim() || l.untitled;
  const pages = await PdfPages.create({ title, language: l.locale, made: options.made ?? new Date() });

  pages.paragraph([{ text: title, style: 'bold' }], { size: 20, spaceAfter: 10 });
  for (const d of meetingDetails(view, l)) pages.paragraph([{ text: `${d.label}: `, style: 'bold' }, { text: d.value }], { spaceAfter: 1 });

  pages.paragraph([{ text: l.participants, style: 'bold' }], heading(15));
  if (view.participants.length === 0) pages.paragraph([{ text: l.noParticipants }]);
  for (const p of view.participants) {
    const who = [p.name.trim() || l.untitled, p.organisation.trim()].filter(Boolean).join(', ');
    const role = p.role.trim() ? ` (${p.role.trim()})` : '';
    pages.paragraph([{ text: `${who}${role} – ${p.present ? l.present : l.absent}` }], { indent: LIST_INDENT, marker: '\u2022', spaceAfter: 1 });
  }
  pages.gap(8);
  pages.rule();

  new BodyWriter(pages, l, options.lang).blocks(view.blocks, 0, 0);

  pages.gap(8);
  pages.rule();
  writeApprovals(pages, view, l);
  pages.paragraph([{ text: `${l.referatId}: ${meta.id}` }], { size: SMALL, muted: true, spaceBefore: 10 });

  const date = meta.date ? formatExportDate(meta.date, l) : '';
  return pages.finish([title, date].filter(Boolean).join(' · '), PAGE_OF[options.lang]);
}

/** The referat as a PDF; `trust` is its trust state checked on this device, which the status and approvals show. */
export function referatPdf(doc: Y.Doc, trust: TrustState, options: PdfOptions): Promise<Uint8Array> {
  return referatViewPdf(readReferatView(doc, trust), options);
}

/** "Driftsmøde 2027-01-31.pdf": the title and the meeting's date, or `today` (local time) for a referat without one. */
export function referatPdfFileName(meta: Pick<ReferatMeta, 'title' | 'date'>, today: string): string {
  return `${safeFileName(meta.title)} ${meta.date || today}.pdf`;
}
