// Content this version does not know (a mark, a node, an attribute, an embed) is kept in Yjs, byte for byte, and shown
// as a placeholder; y-prosemirror as published deletes it from the document when the editor renders.
import { Editor, type Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, NodeSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { StarterKit } from '@tiptap/starter-kit';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { referatExtensions } from './referatExtensions';
import { UNKNOWN_BLOCK } from './unknownContent';

// Tiptap's keymaps ask which platform they run on; this Node has no navigator.
if (typeof navigator === 'undefined') vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'node', maxTouchPoints: 0 });

/** A ProseMirror view without a DOM: the y-sync and y-undo plugin views run on every dispatch, as in the browser. */
function mount(extensions: Extensions) {
  const editor = new Editor({ extensions, content: { type: 'doc', content: [{ type: 'paragraph' }] } });
  const plugins = editor.extensionManager.plugins;
  let state = EditorState.create({ schema: editor.schema, plugins });
  const views: Array<{ update?: (v: EditorView, prev: EditorState) => void; destroy?: () => void }> = [];
  const view = {
    get state() {
      return state;
    },
    dispatch(tr: Transaction) {
      const prev = state;
      state = state.apply(tr);
      for (const v of views) v.update?.(view as unknown as EditorView, prev);
    },
    hasFocus: () => false,
  };
  for (const plugin of plugins) {
    if (plugin.spec.key !== ySyncPluginKey && plugin.spec.key !== yUndoPluginKey) continue;
    const make = plugin.spec.view;
    if (make) views.push(make(view as unknown as EditorView));
  }
  return view;
}

const para = (text: string) => {
  const el = new Y.XmlElement('paragraph');
  el.insert(0, [new Y.XmlText(text)]);
  return el;
};

/** Writes the middle block of a referat body as a newer (or hostile) peer would: something this schema does not know. */
type Write = (body: Y.XmlFragment) => void;
const textOf = (body: Y.XmlFragment) => (body.get(1) as Y.XmlElement).get(0) as Y.XmlText;

const cases: Array<[string, Write]> = [
  [
    'an unknown mark on one character',
    (body) => {
      body.insert(1, [para('Hemmelig plan')]);
      textOf(body).format(0, 1, { x: true });
    },
  ],
  [
    'an unknown value of a known mark',
    (body) => {
      body.insert(1, [para('Fed tekst')]);
      textOf(body).format(0, 3, { bold: { weight: 900 } });
    },
  ],
  [
    'an unknown node',
    (body) => {
      const el = new Y.XmlElement('poll');
      el.setAttribute('question', 'Frokost?');
      el.insert(0, [para('Ja'), para('Nej')]);
      body.insert(1, [el]);
    },
  ],
  [
    'an unknown node inside a paragraph',
    (body) => {
      const mention = new Y.XmlElement('mention');
      mention.setAttribute('person', 'Lise');
      const el = para('Tak til ');
      el.insert(1, [mention]);
      body.insert(1, [el]);
    },
  ],
  [
    'an unknown attribute of a known node',
    (body) => {
      const el = para('Centreret');
      el.setAttribute('textAlign', 'center');
      body.insert(1, [el]);
    },
  ],
  [
    'an embed',
    (body) => {
      body.insert(1, [para('Billede: ')]);
      textOf(body).insertEmbed(9, { image: 'https://example.org/x.png' });
    },
  ],
];

function peerBody(write: Write): Uint8Array {
  const peer = new Y.Doc();
  peer.clientID = 7;
  const body = peer.getXmlFragment('body');
  body.insert(0, [para('Indledning'), para('Slut')]);
  write(body);
  return Y.encodeStateAsUpdate(peer);
}

function victim(update: Uint8Array) {
  const doc = new Y.Doc();
  doc.clientID = 1;
  Y.applyUpdate(doc, update);
  return { doc, fragment: doc.getXmlFragment('body') };
}

/** The position just after the text of the first paragraph whose text is `text`. */
function endOf(doc: PMNode, text: string): number {
  let found = -1;
  doc.forEach((node, offset) => {
    if (found < 0 && node.type.name === 'paragraph' && node.textContent === text) found = offset + 1 + node.content.size;
  });
  if (found < 0) throw new Error(`no paragraph "${text}"`);
  return found;
}

/** What the peer wrote, read straight from Yjs (structure, attributes, formats and embeds). */
function middle(fragment: Y.XmlFragment): unknown {
  const el = fragment.get(1) as Y.XmlElement;
  const walk = (t: Y.XmlElement | Y.XmlText): unknown =>
    t instanceof Y.XmlText ? t.toDelta() : { name: t.nodeName, attrs: t.getAttributes(), children: t.toArray().map((c) => walk(c as Y.XmlElement)) };
  return walk(el);
}

describe('content this version does not know', () => {
  it.each(cases)('y-prosemirror as published destroys %s (on render, or when the user types in its block)', (_name, write) => {
    const { doc, fragment } = victim(peerBody(write));
    const before = JSON.stringify(middle(fragment));
    const sv = Y.encodeStateVector(doc);
    try {
      const view = mount([StarterKit.configure({ undoRedo: false }), Collaboration.configure({ fragment })]);
      if (fragment.length === 3 && Y.encodeStateAsUpdate(doc, sv).length === Y.encodeStateAsUpdate(new Y.Doc()).length) {
        // Not deleted on render: the user types "!" at the end of that block, and the binding rewrites it.
        view.dispatch(view.state.tr.insertText('!', view.state.doc.child(0).nodeSize + view.state.doc.child(1).nodeSize - 1));
      }
    } catch {
      // Some of them make the editor fail outright, after the deletion.
    }
    const after = fragment.length === 3 ? JSON.stringify(middle(fragment)).replaceAll('!', '') : null;
    expect(after).not.toBe(before);
  });

  it.each(cases)('keeps %s byte for byte and shows a placeholder, also when the user types elsewhere', (_name, unknown) => {
    const update = peerBody(unknown);
    const { doc, fragment } = victim(update);
    const before = middle(fragment);
    const view = mount(referatExtensions(fragment));
    // Opening writes nothing.
    expect(Y.encodeStateAsUpdate(doc)).toEqual(update);
    const shown = view.state.doc.child(1);
    expect(shown.type.name).toBe(UNKNOWN_BLOCK);
    expect(view.state.doc.textContent).toContain('Indledning');

    const sv = Y.encodeStateVector(doc);
    view.dispatch(view.state.tr.insertText(' nu', endOf(view.state.doc, 'Slut')));
    view.dispatch(view.state.tr.insertText('!', endOf(view.state.doc, 'Indledning')));
    expect((fragment.get(2) as Y.XmlElement).toString()).toBe('<paragraph>Slut nu</paragraph>');
    expect(middle(fragment)).toEqual(before);
    // The user's edits only add: no deletion of anything, and only under the user's own client id.
    const written = Y.decodeUpdate(Y.encodeStateAsUpdate(doc, sv));
    expect(written.ds.clients.size).toBe(0);
    expect(new Set(written.structs.map((s) => s.id.client))).toEqual(new Set([1]));
    expect(view.state.doc.child(1)).toBe(shown);
  });

  it('shows a peer’s later change to the unknown content, and still keeps it', () => {
    const peer = new Y.Doc();
    peer.clientID = 7;
    const { doc, fragment } = victim(peerBody(cases[0]![1]));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const view = mount(referatExtensions(fragment));
    ((peer.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Ny ');
    const sv = Y.encodeStateVector(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, sv));
    expect(view.state.doc.child(1).attrs.text).toBe('Ny Hemmelig plan');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(peer));
  });

  it('refuses to change or move a placeholder, and lets the user delete it', () => {
    const { fragment } = victim(peerBody(cases[2]![1]));
    const view = mount(referatExtensions(fragment));
    const before = middle(fragment);
    const at = view.state.doc.child(0).nodeSize;
    // Changing its attributes, copying it elsewhere, or wrapping it in a quote: refused, nothing written.
    const range = view.state.doc.resolve(at).blockRange(view.state.doc.resolve(at + 1))!;
    view.dispatch(view.state.tr.setNodeMarkup(at, undefined, { nodeName: 'paragraph', text: 'x' }));
    view.dispatch(view.state.tr.insert(0, view.state.doc.child(1)));
    view.dispatch(view.state.tr.wrap(range, [{ type: view.state.schema.nodes.blockquote! }]));
    expect(view.state.doc.childCount).toBe(3);
    expect(view.state.doc.child(1).type.name).toBe(UNKNOWN_BLOCK);
    expect(middle(fragment)).toEqual(before);
    // Deleting it is the user's choice, and Yjs can undo it.
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, at)).deleteSelection());
    expect(fragment.length).toBe(2);
  });
});
