// Property-based fuzzing of the paste cleaner (src/editor/pasteCleanup.ts) through ProseMirror's own clipboard
// parser, in jsdom: whatever HTML is pasted, the document stays valid for the schema, holds no link the app
// refuses (core/safeLinkUrl.ts), and keeps all the visible text. Budget and replay: README.md.
// @vitest-environment jsdom
/* oxlint-disable vitest/expect-expect -- assertions run inside fast-check properties (checkProperty), each for the case its input falls in */
import { getSchema } from '@tiptap/core';
import type { Node as PMNode, ResolvedPos, Schema, Slice } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import * as pmView from '@tiptap/pm/view';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFragment, newReferatDoc } from '../../../src/core/referatDoc';
import { isAllowedLinkUrl } from '../../../src/core/safeLinkUrl';
import { seedTemplate } from '../../../src/core/templateUpdate';
import { STANDARD_TEMPLATE } from '../../../src/core/templates';
import { cleanPastedHtml } from '../../../src/editor/pasteCleanup';
import { referatExtensions } from '../../../src/editor/referatExtensions';
import { checkProperty, fuzzTimeout } from './fuzzProperty';
import { soup, soupHtml } from './tagSoup';

/** prosemirror-view's clipboard parser, exported for tests but not typed. */
type ParseFromClipboard = (view: unknown, text: string, html: string | null, plainText: boolean, $context: ResolvedPos) => Slice | null;
const parseFromClipboard = (pmView as unknown as { __parseFromClipboard: ParseFromClipboard }).__parseFromClipboard;

/** Elements whose text no browser shows, and that ProseMirror's parser skips (its `ignoreTags`). */
const HIDDEN = 'script, style, title, noscript, template, head';

let schema: Schema;
let start: PMNode;
/** Positions inside every textblock of the template, where a paste can land. */
const targets: number[] = [];

beforeAll(() => {
  schema = getSchema(referatExtensions(new Y.Doc().getXmlFragment('body')));
  const doc = newReferatDoc();
  seedTemplate(doc, STANDARD_TEMPLATE);
  start = yXmlFragmentToProseMirrorRootNode(bodyFragment(doc), schema);
  start.descendants((node, pos) => {
    if (node.isTextblock) targets.push(pos + 1, pos + 1 + Math.floor(node.content.size / 2), pos + 1 + node.content.size);
    return true;
  });
});

/** What the editor does with a paste (EditorView's doPaste), with the cleaner as the only transformPastedHTML. */
function paste(html: string, at: number): PMNode {
  const state = EditorState.create({ schema, doc: start, selection: TextSelection.create(start, at) });
  const view = {
    state,
    someProp(name: string, f: (value: unknown) => unknown) {
      return name === 'transformPastedHTML' ? f((h: string) => cleanPastedHtml(h)) : undefined;
    },
  };
  const slice = parseFromClipboard(view, '', html, false, state.selection.$from);
  if (!slice) return start;
  const single = slice.openStart === 0 && slice.openEnd === 0 && slice.content.childCount === 1 ? slice.content.firstChild : null;
  const tr = single ? state.tr.replaceSelectionWith(single, false) : state.tr.replaceSelection(slice);
  return tr.doc;
}

/** The text a browser shows for `html`, without whitespace (which HTML and ProseMirror both collapse). */
function visibleText(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  for (const el of Array.from(body.querySelectorAll(HIDDEN))) el.remove();
  return squash(body.textContent ?? '');
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function links(doc: PMNode): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'link') out.push(String(mark.attrs.href));
    return true;
  });
  return out;
}

function expectCleanPaste(html: string, at: number): void {
  const doc = paste(html, at);
  // Valid content and allowed marks everywhere, or ProseMirror throws here.
  doc.check();
  for (const href of links(doc)) expect(isAllowedLinkUrl(href), href).toBe(true);
  const before = squash(start.textContent);
  const after = squash(doc.textContent);
  const pasted = visibleText(html);
  expect(after.length).toBeGreaterThanOrEqual(before.length + pasted.length);
  expect(after).toContain(pasted);
}

const target = () => fc.nat().map((n) => targets[n % targets.length]!);

describe('the paste cleaner under fuzzing', () => {
  it('keeps the visible text of tag soup and lets no unsafe link or foreign node in', { timeout: fuzzTimeout(30_000) }, async () => {
    await checkProperty(
      fc.property(soup, target(), (nodes, at) => {
        const html = soupHtml(nodes);
        fc.pre(!html.includes('data-pm-slice'));
        expectCleanPaste(html, at);
      }),
      100,
    );
  });

  // Found by the property above: ProseMirror skips <object>, but a browser shows its fallback content.
  it('keeps the fallback text of an object', () => {
    for (const at of [targets[0]!, targets.at(-1)!]) expectCleanPaste('<object data="plan.pdf">Se <b>planen</b> som PDF</object>', at);
    expectCleanPaste('<object>a</object>', targets[2]!);
  });

  it('keeps the visible text of any string pasted as HTML', { timeout: fuzzTimeout(20_000) }, async () => {
    await checkProperty(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), target(), (html, at) => {
        fc.pre(!html.includes('data-pm-slice'));
        expectCleanPaste(html, at);
      }),
      40,
    );
  });
});
