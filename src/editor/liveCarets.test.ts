// @vitest-environment jsdom
// Live carets join and leave a running editor: the editor's DOM, focus and text stay, other participants' carets are
// drawn with their names, a crafted colour never reaches a style attribute, and leaving takes the carets away.
import { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { allowCaretScrolling } from '../testSupport/jsdomLayout';
import { body, paragraph, peer } from '../testSupport/yBody';
import { attachLiveCarets } from './liveCarets';
import { referatExtensions } from './referatExtensions';

allowCaretScrolling();

const editors: Editor[] = [];
/** y-tiptap draws awareness changes in a batch one tick later. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
afterEach(() => {
  editors.splice(0).forEach((e) => e.destroy());
  document.body.replaceChildren();
});

function editorOn(doc: Y.Doc): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({ element, extensions: referatExtensions(body(doc)) });
  editors.push(editor);
  return editor;
}

/** A remote participant whose caret stands `at` in the editor's text, with the colour it claims. */
function remoteCaret(editor: Editor, local: Awareness, name: string, color: string, at: number): void {
  const remote = new Awareness(new Y.Doc());
  const ystate = ySyncPluginKey.getState(editor.state) as { type: Y.XmlFragment; binding: { mapping: never } };
  const pos = absolutePositionToRelativePosition(at, ystate.type, ystate.binding.mapping);
  remote.setLocalState({ user: { name, color }, cursor: { anchor: Y.relativePositionToJSON(pos), head: Y.relativePositionToJSON(pos) } });
  applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');
}

describe('attachLiveCarets', () => {
  it('adds carets to the running editor without rebuilding it, and takes them away again', async () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Dagsorden godkendt.'), paragraph('Levering i marts.')]);
    const editor = editorOn(doc);
    const dom = editor.view.dom;
    editor.commands.focus('end');
    editor.commands.insertContent(' Pris følger.');
    const awareness = new Awareness(doc);

    const detach = attachLiveCarets(editor, { awareness, user: { name: 'Mette Holm', color: '#005a9c' } });
    expect(editor.view.dom).toBe(dom);
    expect(editor.isDestroyed).toBe(false);
    expect(awareness.getLocalState()?.user).toEqual({ name: 'Mette Holm', color: '#005a9c' });
    // Typing goes on into the same text after the carets arrived.
    editor.commands.insertContent('!');
    expect(body(doc).toString()).toContain('Pris følger.!');

    remoteCaret(editor, awareness, 'Bo Lund', '#aa3300', 5);
    await tick();
    const carets = [...dom.querySelectorAll('.collaboration-carets__caret')];
    expect(carets.map((c) => c.textContent)).toEqual(['Bo Lund']);
    expect(carets[0]?.getAttribute('aria-hidden')).toBe('true');

    detach();
    expect(dom.querySelectorAll('.collaboration-carets__caret')).toHaveLength(0);
    expect(awareness.getLocalState()?.cursor).toBeNull();
    expect(editor.view.dom).toBe(dom);
    expect(editor.state.doc.textContent).toBe('Dagsorden godkendt.Levering i marts. Pris følger.!');
  });

  it('never writes a peer’s crafted colour into a style', async () => {
    const doc = peer(1);
    body(doc).insert(0, [paragraph('Levering i marts.')]);
    const editor = editorOn(doc);
    const awareness = new Awareness(doc);
    attachLiveCarets(editor, { awareness, user: { name: 'Mette Holm', color: '#005a9c' } });
    const crafted = 'red; background-image: url(https://example.invalid/x)';
    const remote = new Awareness(new Y.Doc());
    const ystate = ySyncPluginKey.getState(editor.state) as { type: Y.XmlFragment; binding: { mapping: never } };
    const from = Y.relativePositionToJSON(absolutePositionToRelativePosition(1, ystate.type, ystate.binding.mapping));
    const to = Y.relativePositionToJSON(absolutePositionToRelativePosition(9, ystate.type, ystate.binding.mapping));
    remote.setLocalState({ user: { name: 'Eve', color: crafted }, cursor: { anchor: from, head: to } });
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');
    await tick();
    const styled = [...editor.view.dom.querySelectorAll<HTMLElement>('[style]')].map((e) => e.getAttribute('style') ?? '');
    expect(styled.length).toBeGreaterThanOrEqual(2);
    expect(styled.join('\n')).not.toContain('url(');
    // Both the caret and the selection fall back to the neutral grey (#4d4d4d, as the DOM reports it).
    expect(styled.every((style) => style.includes('77, 77, 77'))).toBe(true);
    expect(editor.view.dom.querySelector('.ProseMirror-yjs-selection')?.textContent).toBe('Levering');
  });
});
