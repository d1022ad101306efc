// Cleans HTML pasted from Word or web pages down to what the schema can hold, without losing text:
// comments (also Word's conditional ones) and Office tags like <o:p> go but their text stays, h1 becomes a
// level-2 heading and h4–h6 level 3, table cells become blocks of their own, and styles are dropped except
// the bold, italic and underline the marks read. Links are checked by the Link extension, not here.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

const HEADING_MAP: Record<string, string> = { h1: 'h2', h4: 'h3', h5: 'h3', h6: 'h3' };
// Elements browsers show as blocks that ProseMirror's parser would run into the text around them.
const TO_BLOCK = new Set(['dt', 'summary', 'caption', 'main', 'nav', 'details', 'center', 'legend', 'search', 'address']);
const KEPT_STYLES = ['font-weight', 'font-style', 'text-decoration', 'text-decoration-line'];

function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  next.append(...Array.from(el.childNodes));
  el.replaceWith(next);
  return next;
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function removeComments(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
}

/** Each cell of the table becomes a block holding the cell's content, row by row. */
function flattenTable(table: HTMLTableElement): void {
  const doc = table.ownerDocument;
  const out = doc.createElement('div');
  if (table.caption) out.append(rename(table.caption, 'div'));
  for (const row of Array.from(table.rows)) {
    for (const cell of Array.from(row.cells)) {
      const block = doc.createElement('div');
      block.append(...Array.from(cell.childNodes));
      out.append(block);
    }
  }
  table.replaceWith(out);
}

function keepOnlyMarkStyles(el: HTMLElement): void {
  const kept = KEPT_STYLES.map((p) => [p, el.style.getPropertyValue(p)] as const).filter(([, v]) => v !== '');
  el.removeAttribute('style');
  for (const [p, v] of kept) el.style.setProperty(p, v);
}

/** Preformatted text keeps its line breaks as hard breaks. */
function breakLines(pre: Element): void {
  const walker = pre.ownerDocument.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const t of texts) {
    const lines = (t.data ?? '').split('\n');
    if (lines.length < 2) continue;
    const parts: Node[] = [];
    lines.forEach((line, i) => {
      if (i > 0) parts.push(pre.ownerDocument.createElement('br'));
      parts.push(pre.ownerDocument.createTextNode(line));
    });
    t.replaceWith(...parts);
  }
}

export function cleanPastedHtml(html: string): string {
  // ProseMirror's own clipboard (this or another referat) already matches the schema.
  if (html.includes('data-pm-slice')) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  removeComments(body);
  for (const el of Array.from(body.querySelectorAll('*'))) {
    // ProseMirror skips <object> whole, but a browser shows its fallback text: keep that text.
    if (el.localName.includes(':') || el.localName === 'object') unwrap(el);
  }
  for (const pre of Array.from(body.querySelectorAll('pre'))) breakLines(pre);
  // Innermost tables first, so a nested table's cells are flattened before its parent's.
  const tables = Array.from(body.querySelectorAll('table'));
  for (let i = tables.length - 1; i >= 0; i--) flattenTable(tables[i]!);
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.localName;
    if (HEADING_MAP[tag]) rename(el, HEADING_MAP[tag]);
    else if (TO_BLOCK.has(tag)) rename(el, 'div');
  }
  for (const el of Array.from(body.querySelectorAll<HTMLElement>('[style]'))) keepOnlyMarkStyles(el);
  return body.innerHTML;
}

export const PasteCleanup = Extension.create({
  name: 'pasteCleanup',
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('referatPasteCleanup'), props: { transformPastedHTML: (html) => cleanPastedHtml(html) } })];
  },
});
