// One referat as a Word document (DOCX, WordprocessingML), written here without a docx library.
import type * as Y from 'yjs';
import { DocxBody } from './docxBody';
import { docxNumbering } from './docxNumbering';
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

export function referatDocx(doc: Y.Doc, options: ExportOptions): Uint8Array {
  const l = exportLabels(options.lang);
  const view = readReferatView(doc);
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
  if (view.approvals.length === 0) body.paragraph(body.run(l.noApprovals));
  else {
    body.table(
      [l.signer, l.organisation, l.approvedAt, l.contentHash],
      view.approvals.map((a) => [
        a.name,
        a.organisation,
        formatExportDateTime(a.approvedAt, l),
        { text: `${a.contentHash}\n${l.fingerprint}: ${a.fingerprint}`, mono: true },
      ]),
      [20, 20, 22, 38],
    );
  }
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
