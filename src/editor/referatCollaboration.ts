// Tiptap's Collaboration with y-prosemirror's per-keystroke walks of the whole document taken out (see README.md).
import { Collaboration } from '@tiptap/extension-collaboration';
import type { EditorState, Plugin, PluginView, Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey, yUndoPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap';
import type { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { BindingMapping } from './bindingMapping';
import { relativeSelection } from './relativeSelection';
import { readingYjs } from './tolerantSchema';
import { updateChangedBlocks } from './updateChangedBlocks';

interface UndoPluginState {
  undoManager: Y.UndoManager & { lastChange: number; captureTimeout: number };
  prevSel: ReturnType<typeof relativeSelection> | null;
  hasUndoOps: boolean;
  hasRedoOps: boolean;
}

interface SyncPluginState {
  binding: ProsemirrorBinding | null;
  isChangeOrigin: boolean;
  isUndoRedoOperation: boolean;
}

/** Margin so a change the UndoManager still files as new always finds the selection from before it. */
const CAPTURE_MARGIN_MS = 100;

/**
 * The sync plugin: Yjs is read with a tolerant schema (tolerantSchema.ts), so content this version does not know is
 * shown as a placeholder and kept, where y-prosemirror would delete it from the document; a view update whose
 * document did not change no longer diffs the whole document into Yjs, and the binding no longer computes the
 * selection as Yjs positions for its own changes (y-prosemirror throws that result away when the transaction ends; it
 * is only needed to restore the selection after a peer's change), and a peer's change no longer rebuilds every node
 * of the document.
 */
function patchSyncPlugin(plugin: Plugin): void {
  const spec = plugin.spec as { view?: (view: EditorView) => PluginView };
  const makeView = spec.view;
  if (!makeView) return;
  spec.view = (view) => {
    // The first render reads the whole fragment: what the schema does not know becomes a placeholder, never deleted.
    const inner = readingYjs(view.state.schema, () => makeView(view));
    const binding = (ySyncPluginKey.getState(view.state) as SyncPluginState).binding;
    if (!binding) return inner;
    const mapping = BindingMapping.from(binding.mapping);
    binding.mapping = mapping;
    // A peer's change rebuilds only the nodes of the Yjs types it touched (as y-prosemirror itself does), not all.
    const typeChanged = binding._typeChanged.bind(binding);
    binding.type.unobserveDeep(binding._observeFunction);
    binding._observeFunction = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
      mapping.keepingEntries(() => readingYjs(view.state.schema, () => typeChanged(events, tr)));
      // The editor's own changes come back here too; y-prosemirror ignores them, and so does this.
      if (tr.origin === ySyncPluginKey) return;
      // When the editor now shows exactly the fragment's blocks, the next keystroke need not diff the whole text.
      const doc = binding.prosemirrorView?.state.doc as PMNode | undefined;
      if (doc && showsFragment(binding, doc)) mapping.set(binding.type, doc);
    };
    binding.type.observeDeep(binding._observeFunction);
    let ownChange = false;
    binding.doc.off('beforeAllTransactions', binding.beforeAllTransactions);
    binding.beforeAllTransactions = () => {
      if (ownChange || binding.beforeTransactionSelection !== null || !binding.prosemirrorView) return;
      binding.beforeTransactionSelection = relativeSelection(binding, binding.prosemirrorView.state);
    };
    binding.doc.on('beforeAllTransactions', binding.beforeAllTransactions);
    binding._prosemirrorChanged = (doc) => {
      binding.doc.transact(() => updateChangedBlocks(binding.doc, binding.type, doc, binding), ySyncPluginKey);
    };
    return {
      update: (v: EditorView, prevState) => {
        if (v.state.doc === prevState.doc) return;
        // The Yjs transaction for this change begins in here: its selection would be read from a half-synced pair.
        ownChange = true;
        try {
          inner.update?.(v, prevState);
        } finally {
          ownChange = false;
        }
      },
      destroy: () => inner.destroy?.(),
    };
  };
}

/** Whether the top-level blocks of `doc` are, one for one, the nodes bound to the fragment's live children. */
function showsFragment(binding: ProsemirrorBinding, doc: PMNode): boolean {
  let index = 0;
  for (let item = binding.type._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const type: unknown = item.content instanceof Y.ContentType ? item.content.type : null;
    if (index >= doc.childCount || !type || binding.mapping.get(type as Y.XmlElement) !== doc.child(index)) return false;
    index += 1;
  }
  return index === doc.childCount;
}

/**
 * The undo plugin stores the selection before every transaction as Yjs positions, for the undo stack item a change
 * may start. Here it is computed only for a change that can start one: a local or undo/redo change of the document
 * once the UndoManager's capture interval has passed.
 */
function patchUndoPlugin(plugin: Plugin): void {
  const state = plugin.spec.state as { apply: (tr: Transaction, value: UndoPluginState, oldState: EditorState) => UndoPluginState } | undefined;
  if (!state) return;
  state.apply = (tr, value, oldState) => {
    const sync = ySyncPluginKey.getState(oldState) as SyncPluginState | undefined;
    const binding = sync?.binding ?? null;
    const undoManager = value.undoManager;
    const hasUndoOps = undoManager.undoStack.length > 0;
    const hasRedoOps = undoManager.redoStack.length > 0;
    if (!binding) {
      if (hasUndoOps === value.hasUndoOps && hasRedoOps === value.hasRedoOps) return value;
      return { ...value, hasUndoOps, hasRedoOps };
    }
    const meta = tr.getMeta(ySyncPluginKey) as Partial<SyncPluginState> | undefined;
    const peerChange = meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true;
    const mayStartItem =
      tr.docChanged && !peerChange && (undoManager.undoStack.length === 0 || Date.now() - undoManager.lastChange >= undoManager.captureTimeout - CAPTURE_MARGIN_MS);
    return { undoManager, prevSel: mayStartItem || value.prevSel === null ? relativeSelection(binding, oldState) : value.prevSel, hasUndoOps, hasRedoOps };
  };
}

export const ReferatCollaboration = Collaboration.extend({
  addProseMirrorPlugins() {
    const plugins = this.parent?.() ?? [];
    for (const plugin of plugins) {
      if (plugin.spec.key === ySyncPluginKey) patchSyncPlugin(plugin);
      else if (plugin.spec.key === yUndoPluginKey) patchUndoPlugin(plugin);
    }
    return plugins;
  },
});
