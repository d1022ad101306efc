// @vitest-environment jsdom
// Who-wrote-what decorations on a real editor bound to Yjs: each run coloured exactly over its author's text, the
// author at the caret, typing maps the colours along, and a block whose shape differs is left uncoloured.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textAuthors, type AuthorNode } from '../core/textAuthors';
import { body, paragraph, peer, textAt } from '../testSupport/yBody';
import { AuthorHighlight, authorAt, authorDecorations, authorHighlightKey, setAuthorDecorations } from './authorHighlight';
import { referatExtensions } from './referatExtensions';

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((e) => e.destroy()));

const NAMES = new Map([[1, 'kommune'], [2, 'leverandør']]);
const byClient = (client: number) => NAMES.get(client) ?? 'ukendt';
const look = (by: string) => ({ class: `author-run`, 'data-by': by, title: `Skrevet af ${by}` });

/** Two paragraphs: the municipality's, and one both wrote in. */
function twoAuthors(): Y.Doc {
  const kommune = peer(1);
  body(kommune).insert(0, [paragraph('Dagsorden godkendt.'), paragraph('Levering i marts.')]);
  const leverandor = peer(2);
  Y.applyUpdate(leverandor, Y.encodeStateAsUpdate(kommune));
  textAt(leverandor, 1).insert(8, ' (forbehold)');
  textAt(leverandor, 1).insert(textAt(leverandor, 1).length, ' Pris følger.');
  return leverandor;
}

function editorOn(doc: Y.Doc): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: [...referatExtensions(body(doc)), AuthorHighlight] });
  editors.push(editor);
  return editor;
}

/** Every decorated range's text and author, in order. */
function coloured(editor: Editor): Array<[string, string]> {
  const set = authorHighlightKey.getState(editor.state);
  return (set?.find() ?? []).toSorted((a, b) => a.from - b.from).map((d) => [editor.state.doc.textBetween(d.from, d.to), (d.spec as { by: string }).by]);
}

describe('authorHighlight', () => {
  it('colours each run over exactly its author’s text and names the author at the caret', () => {
    const doc = twoAuthors();
    const editor = editorOn(doc);
    expect(editor.state.doc.textContent).toBe('Dagsorden godkendt.Levering (forbehold) i marts. Pris følger.');
    editor.view.dispatch(setAuthorDecorations(editor.state, authorDecorations(editor.state.doc, textAuthors(body(doc), byClient), look)));
    expect(coloured(editor)).toEqual([
      ['Dagsorden godkendt.', 'kommune'],
      ['Levering', 'kommune'],
      [' (forbehold)', 'leverandør'],
      [' i marts.', 'kommune'],
      [' Pris følger.', 'leverandør'],
    ]);
    const paragraphTwo = editor.state.doc.child(0).nodeSize + 1;
    expect(authorAt(editor.state, paragraphTwo)).toBe('kommune');
    expect(authorAt(editor.state, paragraphTwo + 'Levering ('.length)).toBe('leverandør');
    // Drawn in the DOM with the look's attributes: the name is on hover.
    const spans = [...editor.view.dom.querySelectorAll('span.author-run')];
    expect(spans.map((s) => s.getAttribute('title'))).toContain('Skrevet af leverandør');
  });

  it('maps the colours along while someone types, and clears them on an empty set', () => {
    const doc = twoAuthors();
    const editor = editorOn(doc);
    editor.view.dispatch(setAuthorDecorations(editor.state, authorDecorations(editor.state.doc, textAuthors(body(doc), byClient), look)));
    editor.commands.insertContentAt(1, 'Ny: ');
    expect(coloured(editor)[0]).toEqual(['Dagsorden godkendt.', 'kommune']);
    expect(editor.state.doc.child(0).textContent).toBe('Ny: Dagsorden godkendt.');
    editor.view.dispatch(setAuthorDecorations(editor.state, authorDecorations(editor.state.doc, [], look)));
    expect(coloured(editor)).toEqual([]);
  });

  it('leaves a block uncoloured when its shape differs from the Yjs structure, and colours the rest', () => {
    const doc = twoAuthors();
    const editor = editorOn(doc);
    const nodes = textAuthors(body(doc), byClient);
    const wrongFirst: AuthorNode[] = [{ kind: 'element', nodeName: 'paragraph', children: [{ kind: 'text', runs: [{ length: 5, by: 'falsk' }] }] }, ...nodes.slice(1)];
    editor.view.dispatch(setAuthorDecorations(editor.state, authorDecorations(editor.state.doc, wrongFirst, look)));
    expect(coloured(editor).map(([, by]) => by)).not.toContain('falsk');
    expect(coloured(editor)).toContainEqual([' (forbehold)', 'leverandør']);
  });
});
