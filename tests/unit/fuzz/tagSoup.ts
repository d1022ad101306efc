// HTML as a hostile or careless clipboard holds it, as a fast-check value that shrinks: random tags (Word's Office
// tags, tables, lists, scripts), random attributes (javascript: links, styles, the schema's own classes), tags
// left open, comments, entities and raw `<` in text.
import * as fc from 'fast-check';

export type Soup =
  | { kind: 'text'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'element'; tag: string; attrs: Array<[string, string]>; children: Soup[]; close: boolean };

// No <math>: jsdom's MathML elements lack the inline `style` that browsers give them, so the cleaner's style
// filter would fail in the test and nowhere else.
const TAGS = [
  'p', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'a', 'a', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'li',
  'table', 'caption', 'tr', 'td', 'th', 'tbody', 'thead', 'pre', 'br', 'hr', 'blockquote', 'o:p', 'w:sdt', 'st1:place', 'v:shape',
  'script', 'style', 'template', 'dt', 'dd', 'dl', 'summary', 'details', 'center', 'main', 'nav', 'section', 'article', 'img', 'font',
  'sub', 'sup', 'del', 'code', 'input', 'select', 'option', 'textarea', 'iframe', 'noscript', 'title', 'svg', 'button',
  'label', 'mark', 'address', 'legend', 'fieldset', 'figure', 'figcaption', 'xmp', 'object', 'embed', 'video', 'ruby', 'rt',
];

export const LINK_TARGETS = [
  'https://www.kl.dk/side?a=1&b=2', 'http://intranet.kommune.dk/', 'mailto:post@kommune.dk', 'javascript:alert(1)', ' javascript:alert(1)',
  'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java&#x09;script:alert(1)', 'jav&#97;script:alert(1)', '&#106;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', '//evil.example/x', '/relative', '#top', '',
  'https://a.dk/" onmouseover="alert(1)', 'kommune.dk', '\u0000javascript:alert(1)', 'https://ex\u00e6mple.dk/',
];

const STYLES = [
  'font-weight:bold', 'font-weight: 700', 'font-style:italic', 'text-decoration:underline', 'text-decoration-line: line-through',
  'color:red;font-weight:bold', 'display:none', 'mso-list:l0 level1 lfo1', 'background:url(javascript:alert(1))', 'font-weight',
];

const CLASSES = ['agenda-item', 'agenda-title', 'decision', 'action-item', 'MsoNormal', 'MsoListParagraph', 'x'];

const attribute: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(fc.constant('href'), fc.oneof(fc.constantFrom(...LINK_TARGETS), fc.string({ maxLength: 20 }))),
  fc.tuple(fc.constant('style'), fc.constantFrom(...STYLES)),
  fc.tuple(fc.constant('class'), fc.constantFrom(...CLASSES)),
  fc.tuple(
    fc.constantFrom('data-id', 'data-done', 'data-owner', 'data-case-number', 'data-due', 'id', 'title', 'onclick', 'src', 'colspan', 'lang', 'level', 'start', 'type'),
    fc.string({ maxLength: 12 }),
  ),
);

/** Letters, Danish letters, whitespace of every kind, entities, markup characters and a few odd code points. */
const textUnit = fc.constantFrom(
  'a', 'b', 'C', 'æ', 'Ø', 'å', '1', ' ', ' ', '\n', '\t', '\r', '\u00a0', '&amp;', '&lt;', '&nbsp;', '&#0;', '&#x1F600;', '&bogus;', '&',
  '<', '>', '"', "'", '=', '/', '\u200b', '😀', 'é', '\u0000', '\u2028',
);

export const soup: fc.Arbitrary<Soup[]> = fc.letrec<{ node: Soup; nodes: Soup[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 5, depthIdentifier: 'soup' },
    fc.record({ kind: fc.constant('text' as const), text: fc.string({ unit: textUnit, minLength: 1, maxLength: 12 }) }),
    fc.record({
      kind: fc.constant('element' as const),
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(attribute, { maxLength: 3 }),
      children: tie('nodes') as fc.Arbitrary<Soup[]>,
      close: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
    // Links are what the schema checks most carefully, so they get their own, more frequent, generator.
    fc.record({
      kind: fc.constant('element' as const),
      tag: fc.constant('a'),
      attrs: fc.tuple(fc.constantFrom(...LINK_TARGETS).map((href): [string, string] => ['href', href])).map((a) => [...a]),
      children: tie('nodes') as fc.Arbitrary<Soup[]>,
      close: fc.constant(true),
    }),
    fc.record({ kind: fc.constant('comment' as const), text: fc.constantFrom('x', '[if gte mso 9]><xml>y</xml><![endif]', '-', '<p>z</p>') }),
  ),
  nodes: fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'soup' }),
})).nodes;

function attributeText([name, value]: [string, string]): string {
  return ` ${name}="${value.replaceAll('"', '&quot;')}"`;
}

/** The soup written as an HTML string; text is written raw, so a `<` in it makes more soup. */
export function soupHtml(nodes: readonly Soup[]): string {
  return nodes
    .map((n) => {
      if (n.kind === 'text') return n.text;
      if (n.kind === 'comment') return `<!--${n.text}-->`;
      return `<${n.tag}${n.attrs.map(attributeText).join('')}>${soupHtml(n.children)}${n.close ? `</${n.tag}>` : ''}`;
    })
    .join('');
}
