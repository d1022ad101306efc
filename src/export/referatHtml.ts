// One referat as a standalone, accessible HTML file: inline styles (screen and print), no script, nothing fetched.
import type * as Y from 'yjs';
import type { Participant } from '../core/participants';
import type { ActionItemInfo } from '../core/structure';
import type { TrustState } from '../core/trustState';
import { keyWords, organisationLine, shownOrganisation, uncountedLine, versionWords, type ApprovalReport } from './approvalReport';
import { escapeMarkup as esc } from './escapeMarkup';
import { agendaItemDetails, meetingDetails } from './detailLines';
import { formatExportDate, formatExportDateTime } from './exportDates';
import { exportLabels, type ExportLabels } from './exportLabels';
import type { ExportOptions } from './exportOptions';
import { readReferatView, type Inline, type ViewBlock } from './referatView';
import { standaloneHtmlHead } from './standaloneHtmlHead';

const STYLE = `
:root { color: #1a1a1a; background: #fff; font: 16px/1.5 "Segoe UI", Calibri, Arial, sans-serif; }
body { max-width: 50rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.9rem; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #8a8a8a; padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin: 1.25rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
a { color: #0b4f9c; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.details dt { font-weight: 600; }
dl.details dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { border: 1px solid #8a8a8a; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
tbody th { font-weight: normal; }
.agenda-meta { color: #404040; margin: 0 0 .5rem; }
.decision { border: 1px solid #1d6b3a; border-left: 6px solid #1d6b3a; background: #eef6f0; padding: .5rem .9rem; margin: .75rem 0; }
.decision-label { font-weight: 700; color: #14532d; margin: 0 0 .25rem; }
.decision p { margin: .25rem 0; }
.done { color: #14532d; font-weight: 600; }
.unconfirmed, .earlier, .not-counted { color: #8a2a00; font-weight: 600; }
.derivation { color: #404040; font-size: .9rem; }
.hash { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: .85em; word-break: break-all; }
li > p { margin: .2rem 0; }
blockquote { border-left: 3px solid #8a8a8a; margin: .75rem 0; padding: 0 1rem; color: #333; }
footer { margin-top: 2rem; color: #404040; font-size: .85rem; }
@media print {
  :root { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  h2, h3, h4, caption { break-after: avoid; }
  tr, .decision { break-inside: avoid; }
  thead { display: table-header-group; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
  .decision { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { size: A4; margin: 2cm 2cm 2.2cm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; } }
`;

/** Renders blocks, keeping heading levels in order (never more than one deeper than the last heading). */
class HtmlWriter {
  private lastLevel = 1;
  private readonly labels: ExportLabels;

  constructor(labels: ExportLabels) {
    this.labels = labels;
  }

  heading(level: number, html: string, attrs = ''): string {
    const n = Math.min(Math.max(level, 2), this.lastLevel + 1, 6);
    this.lastLevel = n;
    return `<h${n}${attrs}>${html}</h${n}>`;
  }

  blocks(blocks: ViewBlock[], depth: number): string {
    return blocks.map((b) => this.block(b, depth)).join('\n');
  }

  private block(b: ViewBlock, depth: number): string {
    const l = this.labels;
    switch (b.kind) {
      case 'paragraph':
        return `<p>${inlineHtml(b.inlines)}</p>`;
      case 'heading':
        return this.heading(depth + b.level, inlineHtml(b.inlines));
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
        return `<${tag}${start}>${b.items.map((item) => `<li>${this.blocks(item, depth)}</li>`).join('')}</${tag}>`;
      }
      case 'blockquote':
        return `<blockquote>${this.blocks(b.blocks, depth)}</blockquote>`;
      case 'rule':
        return '<hr>';
      case 'agendaItem': {
        const { item } = b;
        const meta = agendaItemDetails(item, l).map((d) => `${esc(d.label)}: ${esc(d.value)}`);
        const head = this.heading(2, `${item.number}. ${esc(item.title.trim() || l.untitled)}`);
        return `<section class="agenda-item">\n${head}\n${meta.length > 0 ? `<p class="agenda-meta">${meta.join(' · ')}</p>\n` : ''}${this.blocks(b.blocks, 1)}\n</section>`;
      }
      case 'decision':
        return `<div class="decision"><p class="decision-label">${esc(l.decision)}:</p>${this.blocks(b.blocks, depth)}</div>`;
      case 'actionItems':
        return actionItemsTable(b.items, l);
    }
  }
}

/** A <time> with a machine-readable moment when the text is one, else the text alone. */
function timeHtml(iso: string, shown: string): string {
  return Number.isNaN(new Date(iso).getTime()) ? esc(shown) : `<time datetime="${esc(iso)}">${esc(shown)}</time>`;
}

function inlineHtml(inlines: Inline[]): string {
  return inlines
    .map((i) => {
      if ('lineBreak' in i) return '<br>';
      let html = esc(i.text);
      if (i.bold) html = `<strong>${html}</strong>`;
      if (i.italic) html = `<em>${html}</em>`;
      if (i.underline) html = `<u>${html}</u>`;
      if (i.strike) html = `<s>${html}</s>`;
      if (i.href !== null) html = `<a href="${esc(i.href)}" rel="noopener noreferrer">${html}</a>`;
      return html;
    })
    .join('');
}

function actionItemsTable(items: ActionItemInfo[], l: ExportLabels): string {
  const rows = items.map(
    (a) =>
      `<tr><th scope="row">${esc(a.text)}</th><td>${esc(a.owner)}</td><td>${esc(a.ownerOrganisation)}</td>` +
      `<td>${a.due ? timeHtml(a.due, formatExportDate(a.due, l)) : ''}</td>` +
      `<td>${a.done ? `<span class="done">✓ ${esc(l.done)}</span>` : esc(l.open)}</td></tr>`,
  );
  return (
    `<table class="action-items"><caption>${esc(l.actionItems)}</caption>` +
    `<thead><tr>${[l.what, l.owner, l.organisation, l.due, l.status].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function participantsTable(people: Participant[], l: ExportLabels): string {
  if (people.length === 0) return `<p>${esc(l.noParticipants)}</p>`;
  const rows = people.map(
    (p) =>
      `<tr><th scope="row">${esc(p.name)}</th><td>${esc(p.organisation)}</td><td>${esc(p.role)}</td>` +
      `<td>${esc(p.present ? l.present : l.absent)}</td></tr>`,
  );
  return (
    `<table class="participants"><thead><tr>${[l.name, l.organisation, l.role, l.attendance].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** The approvals section: per organisation what holds, the valid approvals, the entries that do not count, and how. */
function approvalsSection(report: ApprovalReport, l: ExportLabels): string {
  const parts: string[] = [];
  if (report.organisations.length > 0) {
    parts.push(
      `<p><strong>${esc(l.organisationsToApprove)}:</strong></p>` +
        `<ul class="organisations">${report.organisations.map((o) => `<li>${esc(organisationLine(o, l))}</li>`).join('')}</ul>`,
    );
  }
  if (report.approvals.length === 0) parts.push(`<p>${esc(l.noApprovals)}</p>`);
  else {
    const rows = report.approvals.map(
      (a) =>
        `<tr><th scope="row">${esc(a.name)}</th><td>${esc(shownOrganisation(a, l))}</td>` +
        `<td>${timeHtml(a.approvedAt, formatExportDateTime(a.approvedAt, l))}</td>` +
        `<td${a.currentVersion ? '' : ' class="earlier"'}>${esc(versionWords(a, l))}</td>` +
        `<td${a.keyConfirmed ? '' : ' class="unconfirmed"'}>${esc(keyWords(a, l))}</td>` +
        `<td class="hash">${esc(a.fingerprint)}</td><td class="hash">${esc(a.contentHash)}</td></tr>`,
    );
    parts.push(
      `<table class="approvals"><thead><tr>${[l.signer, l.organisation, l.approvedAt, l.version, l.key, l.fingerprint, l.contentHash].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table>`,
    );
  }
  if (report.uncounted.length > 0) {
    parts.push(
      `<p><strong>${esc(l.notCounted)}:</strong></p>` +
        `<ul class="not-counted">${report.uncounted.map((u) => `<li>${esc(uncountedLine(u, l))}</li>`).join('')}</ul>`,
    );
  }
  parts.push(`<p class="derivation">${esc(l.derivation)}</p>`);
  return parts.join('\n');
}

/** The referat as HTML; `trust` is its trust state checked on this device, which the status and approvals show. */
export function referatHtml(doc: Y.Doc, trust: TrustState, options: ExportOptions): string {
  const l = exportLabels(options.lang);
  const view = readReferatView(doc, trust);
  const { meta } = view;
  const title = meta.title.trim() || l.untitled;
  const writer = new HtmlWriter(l);
  return `${standaloneHtmlHead(options.lang, title, STYLE)}
<main>
<h1>${esc(title)}</h1>
<section aria-labelledby="details">
${writer.heading(2, esc(l.meetingDetails), ' id="details"')}
<dl class="details">${meetingDetails(view, l)
    .map((d) => `<dt>${esc(d.label)}</dt><dd>${d.isoDate ? timeHtml(d.isoDate, d.value) : esc(d.value)}</dd>`)
    .join('')}</dl>
</section>
<section aria-labelledby="participants">
${writer.heading(2, esc(l.participants), ' id="participants"')}
${participantsTable(view.participants, l)}
</section>
${writer.blocks(view.blocks, 0)}
<section aria-labelledby="approvals">
${writer.heading(2, esc(l.approvals), ' id="approvals"')}
${approvalsSection(view.approvals, l)}
</section>
</main>
<footer><p>${esc(l.referatId)}: ${esc(meta.id)}</p></footer>
</body>
</html>
`;
}
