// @vitest-environment jsdom
// The y-tiptap fence: it passes on the installed y-tiptap, names the field and the upgrade when one is gone, and a real
// editor with the app's binding shows every patch in effect (where Tiptap's own Collaboration shows none).
import { readFileSync } from 'node:fs';
import { Editor, type Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { Plugin, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { StarterKit } from '@tiptap/starter-kit';
import { ProsemirrorBinding, yUndoPluginKey } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deepObserversOf, observersOf } from '../core/yjsInternals';
import { BindingMapping } from './bindingMapping';
import { referatExtensions } from './referatExtensions';
import {
  bindingOf,
  bindingPlugins,
  checkBinding,
  checkYTiptapInternals,
  isSyncChange,
  replaceBeforeAllTransactions,
  replaceTypeObserver,
  syncPluginSpec,
  undoPluginStateSpec,
  Y_TIPTAP_FENCED_VERSION,
  type UndoPluginState,
} from './yTiptapInternals';

/** The fence's error for `field`: library, field, the version it was written for, and the file to re-check. */
const naming = (field: string) =>
  new RegExp(`^@tiptap/y-tiptap internal \`${field.replace(/[.$]/g, '\\$&')}\` .*\\(fenced for @tiptap/y-tiptap 3\\.0\\.9\\): re-check src/editor/yTiptapInternals\\.ts after upgrading @tiptap/y-tiptap\\.$`);

const probeBinding = () => new ProsemirrorBinding(new Y.Doc().getXmlFragment('body'));

const para = (text: string) => {
  const el = new Y.XmlElement('paragraph');
  el.insert(0, [new Y.XmlText(text)]);
  return el;
};

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

/** A mounted editor on a fresh Y.Doc whose body holds three paragraphs. */
function mount(extensions: (fragment: Y.XmlFragment) => Extensions) {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment('body');
  fragment.insert(0, [para('Indledning'), para('Midte'), para('Slut')]);
  const editor = new Editor({ element: document.createElement('div'), extensions: extensions(fragment) });
  editors.push(editor);
  return { ydoc, fragment, editor };
}

const referat = (fragment: Y.XmlFragment) => referatExtensions(fragment);
const stock = (fragment: Y.XmlFragment) => [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ fragment })];

/** A peer, synced with `ydoc`, types into the last paragraph; the update is applied to `ydoc`. */
function peerTypes(ydoc: Y.Doc): void {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
  const known = Y.encodeStateVector(peer);
  ((peer.getXmlFragment('body').get(2) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Ny ');
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(peer, known));
}

/** Types `text` at the end of the first paragraph, one transaction per character. */
function type(editor: Editor, text: string): void {
  for (const ch of text) {
    const end = editor.state.doc.child(0).nodeSize - 1;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, end)).insertText(ch));
  }
}

describe('the y-tiptap fence', () => {
  it('was written for the installed @tiptap/y-tiptap', () => {
    const installed = (JSON.parse(readFileSync('node_modules/@tiptap/y-tiptap/package.json', 'utf8')) as { version: string }).version;
    expect(installed, `@tiptap/y-tiptap is now ${installed}: re-check src/editor/yTiptapInternals.ts and referatCollaboration.ts, then update Y_TIPTAP_FENCED_VERSION`).toBe(
      Y_TIPTAP_FENCED_VERSION,
    );
  });

  it('passes on the installed y-tiptap and finds each fenced field on a fresh binding', () => {
    expect(checkYTiptapInternals()).toBeUndefined();
    const binding = probeBinding();
    checkBinding(binding);
    expect(binding._observeFunction).toBeTypeOf('function');
    expect(binding.beforeAllTransactions).toBeTypeOf('function');
    expect(binding.mapping).toBeInstanceOf(Map);
  });

  it.each(['_observeFunction', 'beforeAllTransactions', 'afterAllTransactions', 'beforeTransactionSelection', 'prosemirrorView', 'mapping', 'type', 'doc'])(
    'fails naming %s when the binding no longer has it',
    (field) => {
      const binding = probeBinding() as unknown as Record<string, unknown>;
      delete binding[field];
      expect(() => checkBinding(binding)).toThrow(naming(field === 'type' || field === 'doc' ? 'ProsemirrorBinding.type/doc' : `ProsemirrorBinding.${field}`));
    },
  );

  it('fails naming the field when one is renamed', () => {
    const binding = probeBinding() as unknown as Record<string, unknown>;
    binding._onTypeChanged = binding._observeFunction;
    delete binding._observeFunction;
    expect(() => checkBinding(binding)).toThrow(naming('ProsemirrorBinding._observeFunction'));
  });

  it.each(['_typeChanged', '_prosemirrorChanged', 'initView', 'destroy'])('fails at start-up naming %s when the prototype no longer has it', (method) => {
    const proto = ProsemirrorBinding.prototype as unknown as Record<string, unknown>;
    const kept = Object.getOwnPropertyDescriptor(proto, method);
    expect(kept).toBeDefined();
    delete proto[method];
    try {
      expect(() => checkYTiptapInternals()).toThrow(naming(`ProsemirrorBinding.${method}`));
    } finally {
      Object.defineProperty(proto, method, kept as PropertyDescriptor);
    }
    expect(checkYTiptapInternals()).toBeUndefined();
  });

  it('fails when a method takes other arguments (a prototype copy)', () => {
    const binding = probeBinding();
    const copy = Object.create(ProsemirrorBinding.prototype, { _prosemirrorChanged: { value: (_doc: unknown, _tr: unknown) => undefined } }) as object;
    Object.setPrototypeOf(binding, copy);
    expect(() => checkBinding(binding)).toThrow(naming('ProsemirrorBinding._prosemirrorChanged'));
  });

  it('fails when the plugins are not marked with the keys it knows, or their specs lost view and state', () => {
    const other = new Plugin({});
    expect(() => bindingPlugins([other])).toThrow(naming('ySyncPluginKey'));
    expect(() => syncPluginSpec(other)).toThrow(naming('ySyncPlugin spec.view'));
    expect(() => undoPluginStateSpec(other)).toThrow(naming('yUndoPlugin spec.state.apply'));
  });

  it('fails instead of adding a second observer when the field no longer names the attached one', () => {
    const binding = probeBinding();
    binding.initView({} as EditorView);
    // As after an upgrade that attaches another function: the field still exists but is not what observes.
    binding._observeFunction = () => undefined;
    const ours = () => undefined;
    expect(() => replaceTypeObserver(binding, ours)).toThrow(naming('ProsemirrorBinding._observeFunction'));
    expect(deepObserversOf(binding.type)).not.toContain(ours);
    binding.beforeAllTransactions = () => undefined;
    expect(() => replaceBeforeAllTransactions(binding, ours)).toThrow(naming('ProsemirrorBinding.beforeAllTransactions'));
    expect(observersOf(binding.doc, 'beforeAllTransactions')).not.toContain(ours);
  });
});

describe("a real editor with the app's binding", () => {
  it('is not created when a field its binding patches is gone', () => {
    const proto = ProsemirrorBinding.prototype as unknown as Record<string, unknown>;
    const kept = Object.getOwnPropertyDescriptor(proto, '_prosemirrorChanged') as PropertyDescriptor;
    delete proto._prosemirrorChanged;
    try {
      expect(() => mount(referat)).toThrow(naming('ProsemirrorBinding._prosemirrorChanged'));
    } finally {
      Object.defineProperty(proto, '_prosemirrorChanged', kept);
    }
  });

  it('attaches only the patched observer and listener, and keeps the stock ones off', () => {
    const { ydoc, fragment, editor } = mount(referat);
    const binding = bindingOf(editor.state);
    expect(deepObserversOf(fragment)).toEqual([binding._observeFunction]);
    expect(observersOf(ydoc, 'beforeAllTransactions')).toEqual([binding.beforeAllTransactions]);
    // y-prosemirror's observer is `_typeChanged.bind(binding)`; the patched one is not.
    expect((binding._observeFunction as () => void).name).not.toBe('bound _typeChanged');
    expect(Object.hasOwn(binding, '_prosemirrorChanged')).toBe(true);
    expect(binding._prosemirrorChanged).not.toBe(ProsemirrorBinding.prototype._prosemirrorChanged);
    expect(binding.mapping).toBeInstanceOf(BindingMapping);

    const plain = mount(stock);
    const stockBinding = bindingOf(plain.editor.state);
    expect((stockBinding._observeFunction as () => void).name).toBe('bound _typeChanged');
    expect(Object.hasOwn(stockBinding, '_prosemirrorChanged')).toBe(false);
  });

  it("keeps the blocks a peer's change did not touch (y-prosemirror rebuilds them all) and marks the change as the binding's", () => {
    const kept = (extensions: typeof referat) => {
      const { ydoc, editor } = mount(extensions);
      const before = editor.state.doc.child(0);
      const marked: boolean[] = [];
      editor.on('transaction', ({ transaction }: { transaction: Transaction }) => marked.push(isSyncChange(transaction)));
      peerTypes(ydoc);
      expect(editor.state.doc.child(2).textContent).toBe('Ny Slut');
      expect(marked).toEqual([true]);
      return editor.state.doc.child(0) === before;
    };
    expect(kept(referat)).toBe(true);
    expect(kept(stock)).toBe(false);
  });

  it("computes no Yjs selection for the editor's own change, only for a peer's", () => {
    const seen = (extensions: typeof referat) => {
      const { ydoc, editor } = mount(extensions);
      const binding = bindingOf(editor.state);
      const selections: boolean[] = [];
      ydoc.on('beforeTransaction', () => selections.push(binding.beforeTransactionSelection !== null));
      type(editor, 'x');
      peerTypes(ydoc);
      return selections;
    };
    expect(seen(referat)).toEqual([false, true]);
    expect(seen(stock)).toEqual([true, true]);
  });

  it('keeps the undo selection within one capture interval, where y-prosemirror recomputes it on every transaction', () => {
    const sameSelection = (extensions: typeof referat) => {
      const { editor } = mount(extensions);
      type(editor, 'a');
      const first = (yUndoPluginKey.getState(editor.state) as UndoPluginState).prevSel;
      type(editor, 'b');
      const second = (yUndoPluginKey.getState(editor.state) as UndoPluginState).prevSel;
      expect(first).not.toBeNull();
      expect(editor.state.doc.child(0).textContent).toBe('Indledningab');
      return first === second;
    };
    expect(sameSelection(referat)).toBe(true);
    expect(sameSelection(stock)).toBe(false);
  });
});
