// One referat as a Word document (DOCX, WordprocessingML), written here without a docx library.
import type * as Y from 'yjs';
import type { TrustState } from '../core/trustState';
import { keyWords, organisationLine, shownOrganisation, uncountedLine, versionWords, type ApprovalReport } from './approvalReport';
import { DocxBody } from './docxBody';
import { BULLET_NUM_ID, docxNumbering } from './docxNumbering';
import { docxPackage, FOOTER_REL_ID } from './docxPackage';
import { docxStyles } from './docxStyles';
import { escapeMarkup as esc } from './escapeMarkup';
import { meetingDetails } from './detailLines';
import { formatExportDate, formatExportDateTime } from './exportDates';
import { exportLabels, type ExportLabels } from './exportLabels';
import type { ExportOptions } from './exportOptions';
import { readReferatView } from './referatView';

const NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const field = (instruction: string, shown: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

/** The footer on every page: title, date, and "Side n / m". */
function footerXml(title: string, date: string, l: ExportLabels): string {
  const text = esc([title, date].filter(Boolean).join(' · '));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${NAMESPACES}><w:p><w:pPr><w:pStyle w:val="Footer"/>` +
    `<w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs></w:pPr>` +
    `<w:r><w:t xml:space="preserve">${text}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">${esc(l.page)} </w:t></w:r>` +
    `${field('PAGE', '1')}<w:r><w:t xml:space="preserve"> / </w:t></w:r>${field('NUMPAGES', '1')}</w:p></w:ftr>`
  );
}

const BULLET = { style: 'ListParagraph', list: { numId: BULLET_NUM_ID, level: 0 } };

/** Per organisation what holds, the valid approvals, the entries that do not count, and how the status was derived. */
function approvalsPart(body: DocxBody, report: ApprovalReport, l: ExportLabels): void {
  if (report.organisations.length > 0) {
    body.paragraph(body.run(`${l.organisationsToApprove}:`, { bold: true }));
    for (const o of report.organisations) body.paragraph(body.run(organisationLine(o, l)), BULLET);
  }
  if (report.approvals.length === 0) body.paragraph(body.run(l.noApprovals));
  else {
    body.table(
      [l.signer, l.organisation, l.approvedAt, l.version, l.contentHash],
      report.approvals.map((a) => [
        a.name,
        shownOrganisation(a, l),
        formatExportDateTime(a.approvedAt, l),
        `${versionWords(a, l)}\n${keyWords(a, l)}`,
        { text: `${a.contentHash}\n${l.fingerprint}: ${a.fingerprint}`, mono: true },
      ]),
      [17, 19, 18, 16, 30],
    );
  }
  if (report.uncounted.length > 0) {
    body.paragraph(body.run(`${l.notCounted}:`, { bold: true }));
    for (const u of report.uncounted) body.paragraph(body.run(uncountedLine(u, l)), BULLET);
  }
  body.paragraph(body.run(l.derivation, { italic: true }));
}

/** The referat as DOCX; `trust` is its trust state checked on this device, which the status and approvals show. */
export function referatDocx(doc: Y.Doc, trust: TrustState, options: ExportOptions): Uint8Array {
  const l = exportLabels(options.lang);
  const view = readReferatView(doc, trust);
  const { meta } = view;
  const title = meta.title.trim() || l.untitled;
  const body = new DocxBody(l);

  body.paragraph(body.run(title), { style: 'Title' });
  body.paragraph(body.run(l.meetingDetails), { style: 'Heading1' });
  for (const d of meetingDetails(view, l)) body.paragraph(body.run(`${d.label}: `, { bold: true }) + body.run(d.value));

  body.paragraph(body.run(l.participants), { style: 'Heading1' });
  if (view.participants.length === 0) body.paragraph(body.run(l.noParticipants));
  else {
    body.table(
      [l.name, l.organisation, l.role, l.attendance],
      view.participants.map((p) => [p.name, p.organisation, p.role, p.present ? l.present : l.absent]),
      [30, 30, 22, 18],
    );
  }

  body.blocks(view.blocks, 1);

  body.paragraph(body.run(l.approvals), { style: 'Heading1' });
  approvalsPart(body, view.approvals, l);
  body.paragraph(body.run(`${l.referatId}: ${meta.id}`), { style: 'AgendaDetails' });

  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NAMESPACES}><w:body>${body.xml()}` +
    `<w:sectPr><w:footerReference w:type="default" r:id="${FOOTER_REL_ID}"/><w:pgSz w:w="11906" w:h="16838"/>` +
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>';
  return docxPackage({
    document,
    styles: docxStyles(l.locale),
    numbering: docxNumbering(body.orderedLists),
    footer: footerXml(title, formatExportDate(meta.date, l), l),
    links: body.links,
    title,
    language: l.locale,
    created: meta.createdAt,
  });
}
