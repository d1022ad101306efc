// word/numbering.xml: one bullet list definition and one numbered, with a numbering instance per numbered list
// so each list starts at its own first number.
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const BULLETS = ['•', '◦', '▪'];

/** The numId every bullet list uses; numbered lists get BULLET_NUM_ID + 1 onwards. */
export const BULLET_NUM_ID = 1;

export interface OrderedListNumbering {
  /** The list's level (0 for a top-level list). */
  level: number;
  start: number;
}

function levels(kind: 'bullet' | 'decimal'): string {
  let xml = '';
  for (let i = 0; i < 9; i++) {
    const text = kind === 'bullet' ? (BULLETS[i % BULLETS.length] as string) : `%${i + 1}.`;
    xml +=
      `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${kind}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>` +
      `<w:pPr><w:ind w:left="${720 + 360 * i}" w:hanging="360"/></w:pPr></w:lvl>`;
  }
  return xml;
}

export function docxNumbering(ordered: readonly OrderedListNumbering[]): string {
  const nums = ordered
    .map(
      (o, i) =>
        `<w:num w:numId="${BULLET_NUM_ID + 1 + i}"><w:abstractNumId w:val="1"/>` +
        `<w:lvlOverride w:ilvl="${o.level}"><w:startOverride w:val="${o.start}"/></w:lvlOverride></w:num>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">` +
    `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels('bullet')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>${levels('decimal')}</w:abstractNum>` +
    `<w:num w:numId="${BULLET_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>${nums}</w:numbering>`;
}
