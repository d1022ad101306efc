// Zips the parts of a DOCX (Office Open XML package): content types, relationships, document, styles,
// numbering, footer and core properties. The same input always gives the same bytes.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { escapeMarkup as esc } from './escapeMarkup';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export interface DocxParts {
  /** word/document.xml */
  document: string;
  styles: string;
  numbering: string;
  footer: string;
  /** External link targets; the n-th is relationship `rIdLink<n+1>` in document.xml. */
  links: readonly string[];
  title: string;
  language: string;
  /** ISO 8601 time the referat was created, or '' (then no date is written). */
  created: string;
}

/** The relationship ids document.xml uses for its footer. */
export const FOOTER_REL_ID = 'rIdFooter';

function w3cdtf(iso: string): string | null {
  const d = new Date(iso);
  if (iso === '' || Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function coreXml(p: DocxParts): string {
  const created = w3cdtf(p.created);
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(p.title)}</dc:title><dc:language>${esc(p.language)}</dc:language>` +
    (created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` : '') +
    '</cp:coreProperties>'
  );
}

export function docxPackage(p: DocxParts): Uint8Array {
  const contentTypes =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/word/document.xml" ContentType="${WML}.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="${WML}.styles+xml"/>` +
    `<Override PartName="/word/numbering.xml" ContentType="${WML}.numbering+xml"/>` +
    `<Override PartName="/word/footer1.xml" ContentType="${WML}.footer+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>';
  const rootRels =
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
    `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
    '</Relationships>';
  const documentRels =
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/>` +
    `<Relationship Id="${FOOTER_REL_ID}" Type="${REL}/footer" Target="footer1.xml"/>` +
    p.links.map((href, i) => `<Relationship Id="rIdLink${i + 1}" Type="${REL}/hyperlink" Target="${esc(href)}" TargetMode="External"/>`).join('') +
    '</Relationships>';
  const files: Zippable = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rootRels),
    'word/document.xml': strToU8(p.document),
    'word/_rels/document.xml.rels': strToU8(documentRels),
    'word/styles.xml': strToU8(p.styles),
    'word/numbering.xml': strToU8(p.numbering),
    'word/footer1.xml': strToU8(p.footer),
    'docProps/core.xml': strToU8(coreXml(p)),
  };
  // A fixed time stamp keeps the bytes (and so a hash manifest) the same for the same referat.
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}
