// The DOCX export: a valid package whose XML parts are well-formed and hold every text of the referat.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { referatDocx } from './referatDocx';
import { richReferatTrust } from '../../tests/unit/export/trustFixture';
import { APPROVAL_HASH, DECISION_TEXT, HOSTILE_ACTION, HOSTILE_TITLE, RICH_AGENDA, SECOND_DECISION, richReferatFixture } from '../testSupport/richReferatFixture';

const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i;
const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Throws unless `xml` is a well-formed XML 1.0 document with every namespace prefix declared. */
function assertWellFormed(xml: string): void {
  if (ILLEGAL.test(xml)) throw new Error('illegal character');
  const stack: Array<{ name: string; prefixes: Set<string> }> = [];
  let roots = 0;
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const declared = (prefix: string) => prefix === 'xml' || stack.some((s) => s.prefixes.has(prefix));
  const checkText = (text: string) => {
    if (text.includes('>') && text.includes(']]>')) throw new Error(']]> in text');
    for (let j = text.indexOf('&'); j >= 0; j = text.indexOf('&', j + 1)) {
      if (!ENTITY.test(text.slice(j))) throw new Error(`bad entity at ${text.slice(j, j + 12)}`);
    }
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim() !== '' && stack.length === 0) throw new Error('text outside the root');
    checkText(text);
    if (lt < 0) break;
    const end = new RegExp(`^</(${NAME})\\s*>`).exec(xml.slice(lt));
    if (end) {
      const open = stack.pop();
      if (open?.name !== end[1]) throw new Error(`</${end[1]}> closes <${open?.name}>`);
      i = lt + end[0].length;
      continue;
    }
    const start = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`).exec(xml.slice(lt));
    if (!start) throw new Error(`bad markup at ${xml.slice(lt, lt + 40)}`);
    const [, name = '', attrText = '', selfClosing] = start;
    const attrs = [...attrText.matchAll(new RegExp(`(${NAME})\\s*=\\s*("[^"]*"|'[^']*')`, 'g'))];
    const names = attrs.map((a) => a[1] as string);
    if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in <${name}>`);
    for (const a of attrs) checkText((a[2] as string).slice(1, -1));
    const prefixes = new Set(names.filter((n) => n.startsWith('xmlns:')).map((n) => n.slice(6)));
    if (stack.length === 0 && ++roots > 1) throw new Error('more than one root');
    stack.push({ name, prefixes });
    for (const qualified of [name, ...names.filter((n) => !n.startsWith('xmlns'))]) {
      const prefix = qualified.includes(':') ? qualified.slice(0, qualified.indexOf(':')) : null;
      if (prefix !== null && !declared(prefix)) throw new Error(`undeclared prefix ${prefix}`);
    }
    if (selfClosing) stack.pop();
    i = lt + start[0].length;
  }
  if (stack.length > 0 || roots !== 1) throw new Error('unclosed elements');
}

const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');

/** The text of each paragraph of document.xml, with its style. */
function paragraphs(xml: string): Array<{ style: string; text: string }> {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1] ?? '')?.[1] ?? '',
    text: unescape([...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => t[1] ?? '\n').join('')),
  }));
}

const bytes = referatDocx(richReferatFixture(), richReferatTrust(), { lang: 'da' });
const files = unzipSync(bytes);
const documentXml = strFromU8(files['word/document.xml'] as Uint8Array);
const paras = paragraphs(documentXml);
const texts = paras.map((p) => p.text);

describe('referatDocx', () => {
  it('is a zip with the parts of a WordprocessingML package, each well-formed', () => {
    expect(Object.keys(files).toSorted()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'word/_rels/document.xml.rels',
      'word/document.xml',
      'word/footer1.xml',
      'word/numbering.xml',
      'word/styles.xml',
    ]);
    for (const [name, data] of Object.entries(files)) expect(() => assertWellFormed(strFromU8(data)), name).not.toThrow();
    expect(strFromU8(files['docProps/core.xml'] as Uint8Array)).toContain('<dc:title>Driftsmøde med Leverandør A/S</dc:title>');
    expect(strFromU8(files['docProps/core.xml'] as Uint8Array)).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T09:00:00Z</dcterms:created>');
  });

  it('the well-formedness check itself refuses broken XML', () => {
    for (const bad of ['<a><b></a></b>', '<a>&foo;</a>', '<a x="1" x="2"/>', '<a/><b/>', '<p:a/>', '<a>\u0001</a>', '<a>']) {
      expect(() => assertWellFormed(bad), bad).toThrow(/./);
    }
  });

  it('has a title, numbered agenda items as Heading 1 (for the navigation pane) and headings in them as Heading 2', () => {
    expect(paras[0]).toEqual({ style: 'Title', text: 'Driftsmøde med Leverandør A/S' });
    const agenda = paras.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(agenda).toEqual(['Mødeoplysninger', 'Deltagere', ...RICH_AGENDA.map((t, i) => `${i + 1}. ${t}`), 'Godkendelser']);
    expect(paras).toContainEqual({ style: 'Heading3', text: 'Drift' });
    const styles = strFromU8(files['word/styles.xml'] as Uint8Array);
    expect(styles).toMatch(/w:styleId="Heading1"><w:name w:val="heading 1"\/>.*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toContain('w:styleId="Title"');
  });

  it('holds meeting details, participants, decisions in a shaded style, action items and approvals', () => {
    for (const s of ['Dato: 30. november 2026', 'Tidspunkt: 10:00–11:30', 'Sted: Rådhuset, mødelokale 2', 'Status: Til godkendelse', 'Møderække: Driftsmøder 2026']) {
      expect(texts).toContain(s);
    }
    for (const s of ['Bo Hansen', 'Projektleder', 'Carla Møller', 'Fraværende', 'Til stede']) expect(texts).toContain(s);
    expect(paras).toContainEqual({ style: 'Decision', text: 'Beslutning:' });
    expect(paras).toContainEqual({ style: 'Decision', text: DECISION_TEXT });
    expect(paras).toContainEqual({ style: 'Decision', text: SECOND_DECISION });
    expect(strFromU8(files['word/styles.xml'] as Uint8Array)).toMatch(/w:styleId="Decision">.*?<w:pBdr>.*?<w:shd w:val="clear" w:color="auto" w:fill="EEF6F0"\/>/);
    for (const s of ['Hvad', 'Ansvarlig', 'Frist', 'Opgradér serveren', 'Leverandør A/S', '15. december 2026', 'Åben', 'Send budget til økonomi', '✓ Udført']) {
      expect(texts).toContain(s);
    }
    expect(texts).toContain(`${APPROVAL_HASH}\nNøgleaftryk: 90FA CAFE A9B1 5566 9854 0F70 C011 7A22`);
    expect(texts).toContain('30. november 2026 kl. 13.15 (CET)');
  });

  it('keeps lists as numbered paragraphs, the numbered one starting at its own number', () => {
    expect(paras).toContainEqual({ style: 'ListParagraph', text: 'Oppetid 99,9 %' });
    expect(documentXml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="2"\/><\/w:numPr><\/w:pPr><w:r><w:t xml:space="preserve">Tredje punkt/);
    expect(strFromU8(files['word/numbering.xml'] as Uint8Array)).toContain('<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>');
    expect(texts).toContain('Linje et\nLinje to');
  });

  it('escapes hostile text, strips characters illegal in XML, and links only http(s) and mailto', () => {
    expect(texts).toContain(`7. ${HOSTILE_TITLE}`);
    expect(texts).toContain(HOSTILE_ACTION);
    expect(documentXml).toContain('Luk hul i &lt;/w:t&gt;&lt;/w:r&gt;&lt;/w:p&gt;&lt;w:p&gt; &amp; &lt;script&gt;');
    expect(texts).toContain('Styretegn og  fjernes; # ikke overskrift, 1. ikke liste');
    const rels = strFromU8(files['word/_rels/document.xml.rels'] as Uint8Array);
    const targets = [...rels.matchAll(/Target="([^"]*)" TargetMode="External"/g)].map((m) => m[1]);
    expect(targets).toEqual(['https://example.dk/vejledning?a=1&amp;b=2']);
    expect(documentXml).toContain('<w:hyperlink r:id="rIdLink1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">vejledningen</w:t>');
    expect(texts).toContain('Se vejledningen og klik her – vigtigt');
  });

  it('gives the same bytes for the same referat, in English too', () => {
    expect(referatDocx(richReferatFixture(), richReferatTrust(), { lang: 'da' })).toEqual(bytes);
    const en = strFromU8(unzipSync(referatDocx(richReferatFixture(), richReferatTrust(), { lang: 'en' }))['word/document.xml'] as Uint8Array);
    expect(en).toContain('>Decision:<');
    expect(en).toContain('>Meeting details<');
  });
});
