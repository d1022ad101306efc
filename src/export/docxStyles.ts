// word/styles.xml of an exported referat: built-in Title and Heading styles (so Word's navigation pane shows
// the agenda), a shaded and bordered Decision style, and a bordered table style. Element order follows the schema.
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const heading = (level: 1 | 2 | 3, size: number, before: number) =>
  `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
  `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="80"/><w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
  `<w:rPr><w:b/><w:color w:val="1A1A1A"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;

/** `language` is a BCP 47 tag such as da-DK, so Word checks spelling in the right language. */
export function docxStyles(language: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>` +
    `<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="${language}"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="1A1A1A"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +
    heading(1, 32, 360) +
    heading(2, 26, 240) +
    heading(3, 23, 200) +
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="Decision"><w:name w:val="Decision"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="1D6B3A"/><w:left w:val="single" w:sz="24" w:space="6" w:color="1D6B3A"/>` +
    `<w:bottom w:val="single" w:sz="4" w:space="4" w:color="1D6B3A"/><w:right w:val="single" w:sz="4" w:space="6" w:color="1D6B3A"/></w:pBdr>` +
    `<w:shd w:val="clear" w:color="auto" w:fill="EEF6F0"/><w:spacing w:after="0"/><w:ind w:left="170" w:right="170"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="AgendaDetails"><w:name w:val="Agenda Details"/><w:basedOn w:val="Normal"/>` +
    `<w:rPr><w:color w:val="404040"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="8A8A8A"/></w:pBdr><w:ind w:left="360"/></w:pPr><w:rPr><w:color w:val="333333"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
    `<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0B4F9C"/><w:u w:val="single"/></w:rPr></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:unhideWhenUsed/>` +
    `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
    `<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:left w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/>` +
    `<w:bottom w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:right w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/>` +
    `<w:insideH w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/></w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>`;
}
