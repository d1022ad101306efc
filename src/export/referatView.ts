// A referat read into a plain tree (meeting details, participants, body blocks, approvals) that every exporter renders.
import * as Y from 'yjs';
import { ACTION_ITEM, AGENDA_ITEM, AGENDA_TITLE, DECISION } from '../core/bodyNodes';
import { readMeta, type ReferatMeta } from '../core/meta';
import { readParticipants, type Participant } from '../core/participants';
import { bodyFragment, metaMap } from '../core/referatDoc';
import { isAllowedLinkUrl } from '../core/safeLinkUrl';
import { readStructure, type ActionItemInfo, type AgendaItemInfo, type DecisionInfo } from '../core/structure';
import type { TrustState } from '../core/trustState';
import { approvalReport, type ApprovalReport } from './approvalReport';

/** A run of text with its marks; `href` is set only for an allowed link (http, https, mailto), normalised as a URL. */
export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  strike: boolean;
  underline: boolean;
  href: string | null;
}

/** A line break inside a block (hardBreak). */
export interface LineBreak {
  lineBreak: true;
}

export type Inline = TextRun | LineBreak;

export type ViewBlock =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; level: 2 | 3; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: ViewBlock[][] }
  | { kind: 'blockquote'; blocks: ViewBlock[] }
  | { kind: 'rule' }
  | { kind: 'agendaItem'; item: AgendaItemInfo; blocks: ViewBlock[] }
  | { kind: 'decision'; decision: DecisionInfo; blocks: ViewBlock[] }
  /** Consecutive action items, kept together so they can be shown as one table. */
  | { kind: 'actionItems'; items: ActionItemInfo[] };

export interface ReferatView {
  /** `meta.status` as stored is any peer's claim: exports show `approvals.status`, derived on this device. */
  meta: ReferatMeta;
  /** The meeting series' name, or '' when the referat is not in one. */
  seriesName: string;
  participants: Participant[];
  blocks: ViewBlock[];
  /** The status and approvals as checked on this device (approvalReport.ts), never the stored entries unchecked. */
  approvals: ApprovalReport;
}

type XmlChild = Y.XmlElement | Y.XmlText | Y.XmlHook;
interface XmlParent {
  toArray(): XmlChild[];
}

/** Walks the body in the order core/structure.ts does, taking each structured node's reading from there. */
class BodyReader {
  private agenda = 0;
  private decisions = 0;
  private actions = 0;
  private readonly structure;

  constructor(doc: Y.Doc) {
    this.structure = readStructure(doc);
  }

  blocks(node: XmlParent): ViewBlock[] {
    const out: ViewBlock[] = [];
    let loose: Inline[] = [];
    const flush = () => {
      if (loose.length > 0) out.push({ kind: 'paragraph', inlines: loose });
      loose = [];
    };
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        loose.push(...textRuns(child));
        continue;
      }
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'hardBreak') {
        loose.push({ lineBreak: true });
        continue;
      }
      flush();
      const block = this.block(child);
      // Empty paragraphs are only spacing in the editor (templates seed one per item).
      if (block === null || (!Array.isArray(block) && block.kind === 'paragraph' && block.inlines.length === 0)) continue;
      if (Array.isArray(block)) out.push(...block);
      else if (block.kind === 'actionItems' && out.at(-1)?.kind === 'actionItems') {
        (out.at(-1) as { items: ActionItemInfo[] }).items.push(...block.items);
      } else out.push(block);
    }
    flush();
    return out;
  }

  private block(el: Y.XmlElement): ViewBlock | ViewBlock[] | null {
    switch (el.nodeName) {
      case AGENDA_ITEM: {
        const item = this.structure.agendaItems[this.agenda++];
        if (!item) return null;
        const children = el.toArray();
        const title = children.findIndex((c) => c instanceof Y.XmlElement && c.nodeName === AGENDA_TITLE);
        const rest = title >= 0 && !holdsStructure(children[title] as Y.XmlElement) ? children.filter((_, i) => i !== title) : children;
        return { kind: 'agendaItem', item, blocks: this.blocks(fragmentOf(rest)) };
      }
      case DECISION: {
        const decision = this.structure.decisions[this.decisions++];
        return decision ? { kind: 'decision', decision, blocks: plainBlocks(el) } : null;
      }
      case ACTION_ITEM: {
        const item = this.structure.actionItems[this.actions++];
        return item ? { kind: 'actionItems', items: [item] } : null;
      }
      case 'paragraph':
      case AGENDA_TITLE:
        return holdsStructure(el) ? this.blocks(el) : { kind: 'paragraph', inlines: inlineContent(el) };
      case 'heading':
        if (holdsStructure(el)) return this.blocks(el);
        return { kind: 'heading', level: el.getAttribute('level') === (3 as unknown as string) ? 3 : 2, inlines: inlineContent(el) };
      case 'bulletList':
      case 'orderedList': {
        const start: unknown = el.getAttribute('start');
        const items = el
          .toArray()
          .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
          .map((li) => this.blocks(li));
        return {
          kind: 'list',
          ordered: el.nodeName === 'orderedList',
          start: typeof start === 'number' && Number.isInteger(start) && start >= 0 && start < 1e6 ? start : 1,
          items,
        };
      }
      case 'blockquote':
        return { kind: 'blockquote', blocks: this.blocks(el) };
      case 'horizontalRule':
        return { kind: 'rule' };
      default:
        // An unknown node (from a newer version) still shows its content.
        return this.blocks(el);
    }
  }
}

/** A stand-in parent for some of an element's children, so the same walk reads them. */
function fragmentOf(children: XmlChild[]): XmlParent {
  return { toArray: () => children };
}

const STRUCTURED = new Set([AGENDA_ITEM, DECISION, ACTION_ITEM]);

/** Whether a malformed text block holds structured nodes, which core/structure.ts counts and so must be walked. */
function holdsStructure(el: Y.XmlElement): boolean {
  return el.toArray().some((c) => c instanceof Y.XmlElement && (STRUCTURED.has(c.nodeName) || holdsStructure(c)));
}

const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function textRuns(text: Y.XmlText): Inline[] {
  const out: Inline[] = [];
  for (const d of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof d.insert !== 'string' || d.insert === '') continue;
    const marks: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(d.attributes ?? {})) marks[HASHED_MARK.exec(name)?.[1] ?? name] = value;
    const link = marks.link as { href?: unknown } | undefined;
    const href = typeof link?.href === 'string' && isAllowedLinkUrl(link.href) ? new URL(link.href.trim()).href : null;
    out.push({
      text: d.insert,
      bold: 'bold' in marks,
      italic: 'italic' in marks,
      strike: 'strike' in marks,
      underline: 'underline' in marks,
      href,
    });
  }
  return out;
}

function inlineContent(el: Y.XmlElement): Inline[] {
  const out: Inline[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) out.push(...textRuns(child));
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') out.push({ lineBreak: true });
      else out.push(...inlineContent(child));
    }
  }
  return out;
}

/** A decision's content: its paragraphs and lists, with any structured node inside read as plain content. */
function plainBlocks(el: Y.XmlElement): ViewBlock[] {
  const out: ViewBlock[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) out.push({ kind: 'paragraph', inlines: textRuns(child) });
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'bulletList' || child.nodeName === 'orderedList') {
        const items = child
          .toArray()
          .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
          .map((li) => plainBlocks(li));
        out.push({ kind: 'list', ordered: child.nodeName === 'orderedList', start: 1, items });
      } else if (child.nodeName === 'paragraph' || child.nodeName === 'heading' || child.nodeName === AGENDA_TITLE) {
        out.push({ kind: 'paragraph', inlines: inlineContent(child) });
      } else out.push(...plainBlocks(child));
    }
  }
  return out.filter((b) => b.kind !== 'paragraph' || b.inlines.length > 0);
}

/** Reads the referat; `trust` is its trust state checked on this device (core/checkTrust.ts), computed by the caller. */
export function readReferatView(doc: Y.Doc, trust: TrustState): ReferatView {
  const seriesName = metaMap(doc).get('seriesName');
  return {
    meta: readMeta(doc),
    seriesName: typeof seriesName === 'string' ? seriesName.slice(0, 500) : '',
    participants: readParticipants(doc),
    blocks: new BodyReader(doc).blocks(bodyFragment(doc)),
    approvals: approvalReport(trust),
  };
}
