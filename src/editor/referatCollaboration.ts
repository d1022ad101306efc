// Tiptap's Collaboration with y-prosemirror's per-keystroke walks of the whole document taken out (see README.md).
import { Collaboration } from '@tiptap/extension-collaboration';
import type { Plugin } from '@tiptap/pm/state';
import { ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap';
import type { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { firstItem } from '../core/yjsInternals';
import { BindingMapping } from './bindingMapping';
import { relativeSelection } from './relativeSelection';
import { readingYjs } from './tolerantSchema';
import { updateChangedBlocks } from './updateChangedBlocks';
import {
  bindingOf,
  bindingPlugins,
  checkUndoState,
  ensureYTiptapInternals,
  replaceBeforeAllTransactions,
  replaceProsemirrorChanged,
  replaceTypeObserver,
  stockTypeChanged,
  syncMetaOf,
  syncPluginSpec,
  syncStateOf,
  undoPluginStateSpec,
} from './yTiptapInternals';

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
  const spec = syncPluginSpec(plugin);
  const makeView = spec.view;
  spec.view = (view) => {
    // The first render reads the whole fragment: what the schema does not know becomes a placeholder, never deleted.
    const inner = readingYjs(view.state.schema, () => makeView(view));
    // Every field patched below is fenced (yTiptapInternals.ts): a renamed one throws here instead of doing nothing.
    const binding = bindingOf(view.state);
    checkUndoState(view.state);
    const mapping = BindingMapping.from(binding.mapping);
    binding.mapping = mapping;
    // A peer's change rebuilds only the nodes of the Yjs types it touched (as y-prosemirror itself does), not all.
    const typeChanged = stockTypeChanged(binding);
    replaceTypeObserver(binding, (events, tr) => {
      mapping.keepingEntries(() => readingYjs(view.state.schema, () => typeChanged(events, tr)));
      // The editor's own changes come back here too; y-prosemirror ignores them, and so does this.
      if (tr.origin === ySyncPluginKey) return;
      // When the editor now shows exactly the fragment's blocks, the next keystroke need not diff the whole text.
      const doc = binding.prosemirrorView?.state.doc as PMNode | undefined;
      if (doc && showsFragment(binding, doc)) mapping.set(binding.type, doc);
    });
    let ownChange = false;
    replaceBeforeAllTransactions(binding, () => {
      if (ownChange || binding.beforeTransactionSelection !== null || !binding.prosemirrorView) return;
      binding.beforeTransactionSelection = relativeSelection(binding, binding.prosemirrorView.state);
    });
    replaceProsemirrorChanged(binding, (doc) => {
      binding.doc.transact(() => updateChangedBlocks(binding.doc, binding.type, doc, binding), ySyncPluginKey);
    });
    return {
      update: (v, prevState) => {
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
  for (let item = firstItem(binding.type); item !== null; item = item.right) {
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
  const state = undoPluginStateSpec(plugin);
  state.apply = (tr, value, oldState) => {
    const binding = syncStateOf(oldState)?.binding ?? null;
    const undoManager = value.undoManager;
    const hasUndoOps = undoManager.undoStack.length > 0;
    const hasRedoOps = undoManager.redoStack.length > 0;
    if (!binding) {
      if (hasUndoOps === value.hasUndoOps && hasRedoOps === value.hasRedoOps) return value;
      return { ...value, hasUndoOps, hasRedoOps };
    }
    const meta = syncMetaOf(tr);
    const peerChange = meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true;
    const mayStartItem =
      tr.docChanged && !peerChange && (undoManager.undoStack.length === 0 || Date.now() - undoManager.lastChange >= undoManager.captureTimeout - CAPTURE_MARGIN_MS);
    return { undoManager, prevSel: mayStartItem || value.prevSel === null ? relativeSelection(binding, oldState) : value.prevSel, hasUndoOps, hasRedoOps };
  };
}

export const ReferatCollaboration = Collaboration.extend({
  addProseMirrorPlugins() {
    // Start-up check of the y-tiptap and Yjs internals patched here: a changed library fails the editor loudly.
    ensureYTiptapInternals();
    const plugins = this.parent?.() ?? [];
    const { sync, undo } = bindingPlugins(plugins);
    patchSyncPlugin(sync);
    patchUndoPlugin(undo);
    return plugins;
  },
});
