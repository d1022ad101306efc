// One referat as Markdown (CommonMark with GFM tables and task lists); user text is escaped so it stays text.
import type * as Y from 'yjs';
import type { TrustState } from '../core/trustState';
import { keyWords, organisationLine, shownOrganisation, uncountedLine, versionWords, type ApprovalReport } from './approvalReport';
import { agendaItemDetails, meetingDetails } from './detailLines';
import { formatExportDateTime } from './exportDates';
import { exportLabels, type ExportLabels } from './exportLabels';
import type { ExportOptions } from './exportOptions';
import { stripIllegalXmlChars } from './escapeMarkup';
import { readReferatView, type Inline, type ViewBlock } from './referatView';

/** Escapes Markdown syntax in one line of user text; line breaks and runs of blanks become one space. */
export function escapeMarkdown(text: string): string {
  return stripIllegalXmlChars(text)
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** Escapes what would start a list, a setext heading or a code block at the start of a line. */
function escapeLineStart(line: string): string {
  return line.replace(/^ +/, '').replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A link target written inside <…>, where only < > and line breaks would end it. */
function linkTarget(href: string): string {
  return `<${href.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

function inlineMarkdown(inlines: Inline[]): string {
  const md = inlines
    .map((i) => {
      if ('lineBreak' in i) return '\\\n';
      const text = escapeMarkdown(i.text);
      if (text.trim() === '') return text;
      // Emphasis markers must touch the text, so surrounding blanks stay outside them.
      const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/.exec(text) ?? [];
      let out = core;
      if (i.bold) out = `**${out}**`;
      if (i.italic) out = `*${out}*`;
      if (i.strike) out = `~~${out}~~`;
      if (i.underline) out = `<u>${out}</u>`;
      if (i.href !== null) out = `[${out}](${linkTarget(i.href)})`;
      return lead + out + trail;
    })
    .join('');
  return md.split('\\\n').map(escapeLineStart).join('\\\n');
}

const cell = (s: string) => escapeMarkdown(s) || ' ';

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : prefix + line))
    .join('\n');

function blocks(list: ViewBlock[], depth: number, l: ExportLabels): string {
  return list.map((b) => block(b, depth, l)).join('\n\n');
}

function block(b: ViewBlock, depth: number, l: ExportLabels): string {
  switch (b.kind) {
    case 'paragraph':
      return inlineMarkdown(b.inlines);
    case 'heading':
      return `${'#'.repeat(Math.min(depth + b.level, 6))} ${inlineMarkdown(b.inlines).replace(/\\\n/g, ' ')}`;
    case 'list':
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${b.start + i}. ` : '- ';
          return marker + indent(blocks(item, depth, l) || ' ', ' '.repeat(marker.length));
        })
        .join('\n');
    case 'blockquote':
      return blocks(b.blocks, depth, l)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'rule':
      return '---';
    case 'agendaItem': {
      const { item } = b;
      const details = agendaItemDetails(item, l).map((d) => `${escapeMarkdown(d.label)}: ${escapeMarkdown(d.value)}`);
      return [
        `## ${item.number}. ${escapeMarkdown(item.title.trim() || l.untitled)}`,
        details.length > 0 ? `*${details.join(' · ')}*` : '',
        blocks(b.blocks, 1, l),
      ]
        .filter(Boolean)
        .join('\n\n');
    }
    case 'decision': {
      const inner = blocks(b.blocks, depth, l);
      const label = `**${escapeMarkdown(l.decision)}:**`;
      return (b.blocks[0]?.kind === 'paragraph' ? `${label} ${inner}` : `${label}\n\n${inner}`)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    }
    case 'actionItems':
      return b.items
        .map((a) => {
          const parts = [escapeMarkdown(a.text) || ' '];
          const who = [escapeMarkdown(a.owner), a.ownerOrganisation && `(${escapeMarkdown(a.ownerOrganisation)})`].filter(Boolean);
          if (who.length > 0) parts.push(`${escapeMarkdown(l.owner)}: ${who.join(' ')}`);
          if (a.due) parts.push(`${escapeMarkdown(l.due)}: ${a.due}`);
          return `- [${a.done ? 'x' : ' '}] ${parts.join(' — ')}`;
        })
        .join('\n');
  }
}

/** Per organisation what holds, the valid approvals, the entries that do not count, and how the status was derived. */
function approvalsMarkdown(report: ApprovalReport, l: ExportLabels): string {
  const list = (lines: string[]) => lines.map((line) => `- ${escapeMarkdown(line)}`).join('\n');
  const parts: string[] = [];
  if (report.organisations.length > 0) {
    parts.push(`**${escapeMarkdown(l.organisationsToApprove)}:**`, list(report.organisations.map((o) => organisationLine(o, l))));
  }
  parts.push(
    report.approvals.length === 0
      ? escapeMarkdown(l.noApprovals)
      : table(
          [l.signer, l.organisation, l.approvedAt, l.version, l.key, l.fingerprint, l.contentHash],
          report.approvals.map((a) => [a.name, shownOrganisation(a, l), formatExportDateTime(a.approvedAt, l), versionWords(a, l), keyWords(a, l), a.fingerprint, a.contentHash]),
        ),
  );
  if (report.uncounted.length > 0) parts.push(`**${escapeMarkdown(l.notCounted)}:**`, list(report.uncounted.map((u) => uncountedLine(u, l))));
  parts.push(`*${escapeMarkdown(l.derivation)}*`);
  return parts.join('\n\n');
}

/** The referat as Markdown; `trust` is its trust state checked on this device, which the status and approvals show. */
export function referatMarkdown(doc: Y.Doc, trust: TrustState, options: ExportOptions): string {
  const l = exportLabels(options.lang);
  const view = readReferatView(doc, trust);
  const { meta } = view;
  const sections = [
    `# ${escapeMarkdown(meta.title.trim() || l.untitled)}`,
    `## ${escapeMarkdown(l.meetingDetails)}`,
    meetingDetails(view, l)
      .map((d) => `- **${escapeMarkdown(d.label)}:** ${escapeMarkdown(d.value)}`)
      .join('\n'),
    `## ${escapeMarkdown(l.participants)}`,
    view.participants.length === 0
      ? escapeMarkdown(l.noParticipants)
      : table(
          [l.name, l.organisation, l.role, l.attendance],
          view.participants.map((p) => [p.name, p.organisation, p.role, p.present ? l.present : l.absent]),
        ),
    blocks(view.blocks, 0, l),
    `## ${escapeMarkdown(l.approvals)}`,
    approvalsMarkdown(view.approvals, l),
    `${escapeMarkdown(l.referatId)}: ${escapeMarkdown(meta.id)}`,
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}
