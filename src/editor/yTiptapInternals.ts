// The y-tiptap (y-prosemirror) internals the binding patches in referatCollaboration.ts rely on, named and checked here (see README.md).
import type { EditorState, Plugin, PluginView, Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ProsemirrorBinding, ySyncPluginKey, yUndoPluginKey, type getRelativeSelection } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { fenceError, fenceRequire, type LibraryFence } from '../core/libraryFence';
import { deepObserversOf, ensureYjsInternals, observersOf } from '../core/yjsInternals';

/** The @tiptap/y-tiptap version these internals were read from; `yTiptapInternals.test.ts` fails when the installed one differs. */
export const Y_TIPTAP_FENCED_VERSION = '3.0.9';

export const Y_TIPTAP_FENCE: LibraryFence = { library: '@tiptap/y-tiptap', version: Y_TIPTAP_FENCED_VERSION, file: 'src/editor/yTiptapInternals.ts' };

/** The binding's methods used or replaced, with the number of parameters they are called with. */
const BINDING_METHODS = { _typeChanged: 2, _prosemirrorChanged: 1, initView: 1, destroy: 0 } as const;
/** Listeners the binding's constructor creates and `initView` attaches (`_observeFunction` with observeDeep, the others with doc.on). */
const BINDING_LISTENERS = ['_observeFunction', 'beforeAllTransactions', 'afterAllTransactions'] as const;
/** Plain fields read or written. */
const BINDING_FIELDS = ['beforeTransactionSelection', 'prosemirrorView'] as const;

type MakeView = (view: EditorView) => PluginView;
export type RelativeSelection = ReturnType<typeof getRelativeSelection>;

/** The sync plugin's state (`ySyncPluginKey.getState`), as far as the editor reads it. */
export interface SyncPluginState {
  binding: ProsemirrorBinding | null;
  doc: Y.Doc;
  isChangeOrigin: boolean;
  isUndoRedoOperation: boolean;
}

/** The undo plugin's state (`yUndoPluginKey.getState`); `prevSel` is what its view stores on each new undo stack item. */
export interface UndoPluginState {
  undoManager: Y.UndoManager;
  prevSel: RelativeSelection | null;
  hasUndoOps: boolean;
  hasRedoOps: boolean;
}
type UndoApply = (tr: Transaction, value: UndoPluginState, oldState: EditorState) => UndoPluginState;

/** Throws a fence error naming the first of the binding's fenced methods (own or inherited) that is missing or takes other arguments. */
function checkBindingMethods(target: object): void {
  for (const [name, arity] of Object.entries(BINDING_METHODS)) {
    const method: unknown = (target as Record<string, unknown>)[name];
    fenceRequire(Y_TIPTAP_FENCE, typeof method === 'function' && method.length === arity, `ProsemirrorBinding.${name}`, `is not a method taking ${arity} arguments`);
  }
}

/** Throws a fence error naming the first of the binding's fenced fields that is missing or of another shape. */
export function checkBinding(binding: unknown): asserts binding is ProsemirrorBinding {
  if (!(binding instanceof ProsemirrorBinding)) throw fenceError(Y_TIPTAP_FENCE, 'ProsemirrorBinding', 'is not the class of the sync plugin’s binding');
  checkBindingMethods(binding);
  const b = binding as unknown as Record<string, unknown>;
  for (const name of BINDING_LISTENERS) fenceRequire(Y_TIPTAP_FENCE, typeof b[name] === 'function', `ProsemirrorBinding.${name}`, 'is not a function');
  for (const name of BINDING_FIELDS) fenceRequire(Y_TIPTAP_FENCE, name in b, `ProsemirrorBinding.${name}`, 'is missing');
  fenceRequire(Y_TIPTAP_FENCE, b.mapping instanceof Map, 'ProsemirrorBinding.mapping', 'is not a Map');
  fenceRequire(Y_TIPTAP_FENCE, b.type instanceof Y.XmlFragment && b.doc instanceof Y.Doc && b.doc === b.type.doc, 'ProsemirrorBinding.type/doc', 'are not the bound fragment and its Y.Doc');
}

/** Checks a fresh binding (and the Yjs internals it relies on), as the sync plugin would create it. */
export function checkYTiptapInternals(): void {
  ensureYjsInternals();
  // The prototype first: the constructor itself uses `_typeChanged`.
  checkBindingMethods(ProsemirrorBinding.prototype);
  checkBinding(new ProsemirrorBinding(new Y.Doc().getXmlFragment('fence')));
}

let checked = false;

/** `checkYTiptapInternals` once per page, when the first editor is created; throws every time until it passes. */
export function ensureYTiptapInternals(): void {
  if (checked) return;
  checkYTiptapInternals();
  checked = true;
}

/** Collaboration's sync and undo plugins, told apart by y-tiptap's plugin keys; throws when either is not there. */
export function bindingPlugins(plugins: readonly Plugin[]): { sync: Plugin; undo: Plugin } {
  const sync = plugins.find((p) => p.spec.key === ySyncPluginKey);
  const undo = plugins.find((p) => p.spec.key === yUndoPluginKey);
  if (!sync) throw fenceError(Y_TIPTAP_FENCE, 'ySyncPluginKey', 'marks none of Collaboration’s plugins (a second copy of y-tiptap?)');
  if (!undo) throw fenceError(Y_TIPTAP_FENCE, 'yUndoPluginKey', 'marks none of Collaboration’s plugins (a second copy of y-tiptap?)');
  return { sync, undo };
}

/** The sync plugin's spec, whose `view` creates the binding's view (initView and the first render). */
export function syncPluginSpec(plugin: Plugin): { view: MakeView } {
  const spec = plugin.spec as { view?: unknown };
  fenceRequire(Y_TIPTAP_FENCE, typeof spec.view === 'function', 'ySyncPlugin spec.view', 'is not a function');
  return spec as { view: MakeView };
}

/** The undo plugin's state spec, whose `apply` computes `prevSel` on every transaction. */
export function undoPluginStateSpec(plugin: Plugin): { apply: UndoApply } {
  const state = plugin.spec.state as { apply?: unknown } | undefined;
  fenceRequire(Y_TIPTAP_FENCE, typeof state?.apply === 'function', 'yUndoPlugin spec.state.apply', 'is not a function');
  return state as { apply: UndoApply };
}

/** The sync plugin's state; on hot paths, unchecked (`bindingOf` checks it when the view is created). */
export function syncStateOf(state: EditorState): SyncPluginState | undefined {
  return ySyncPluginKey.getState(state) as SyncPluginState | undefined;
}

/** The Y.Doc the editor is bound to, or null outside a collaborative editor. */
export function syncDocOf(state: EditorState): Y.Doc | null {
  return syncStateOf(state)?.doc ?? null;
}

/** What the binding writes into a transaction's `ySyncPluginKey` meta: set on changes that come from Yjs. */
export function syncMetaOf(tr: Transaction): Partial<SyncPluginState> | undefined {
  return tr.getMeta(ySyncPluginKey) as Partial<SyncPluginState> | undefined;
}

/** Whether `tr` is the binding writing a change from Yjs (a peer's, an undo or redo, or a re-render) into the editor. */
export function isSyncChange(tr: Transaction): boolean {
  return syncMetaOf(tr)?.isChangeOrigin === true;
}

/** The binding of a view just created, its fenced fields checked. */
export function bindingOf(state: EditorState): ProsemirrorBinding {
  const sync = syncStateOf(state);
  fenceRequire(Y_TIPTAP_FENCE, sync !== undefined && 'binding' in sync && sync.doc instanceof Y.Doc, 'ySyncPlugin state', 'has no binding and doc');
  const binding: unknown = sync?.binding;
  checkBinding(binding);
  return binding;
}

/** The undo plugin's state, checked when the binding's view is created. */
export function checkUndoState(state: EditorState): void {
  const undo = yUndoPluginKey.getState(state) as Partial<UndoPluginState> | undefined;
  fenceRequire(Y_TIPTAP_FENCE, undo?.undoManager instanceof Y.UndoManager, 'yUndoPlugin state.undoManager', 'is not a Y.UndoManager');
  for (const name of ['prevSel', 'hasUndoOps', 'hasRedoOps'] as const) {
    fenceRequire(Y_TIPTAP_FENCE, undo !== undefined && name in undo, `yUndoPlugin state.${name}`, 'is missing');
  }
}

/** y-prosemirror's own handler of Yjs changes, for a replacement observer to call. */
export function stockTypeChanged(binding: ProsemirrorBinding): ProsemirrorBinding['_typeChanged'] {
  return binding._typeChanged.bind(binding);
}

/** Puts `observer` in place of `_observeFunction` (so `destroy` detaches it); throws unless only the new one is attached. */
export function replaceTypeObserver(binding: ProsemirrorBinding, observer: (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void): void {
  const stock = binding._observeFunction as () => void;
  const field = 'ProsemirrorBinding._observeFunction';
  fenceRequire(Y_TIPTAP_FENCE, deepObserversOf(binding.type).includes(stock), field, 'is not the observer initView attached');
  binding.type.unobserveDeep(stock);
  binding._observeFunction = observer;
  binding.type.observeDeep(observer);
  const attached = deepObserversOf(binding.type);
  fenceRequire(Y_TIPTAP_FENCE, !attached.includes(stock) && attached.includes(observer), field, 'was not replaced: the stock observer stays attached');
}

/** Puts `listener` in place of `beforeAllTransactions` (so `destroy` detaches it); throws unless only the new one listens. */
export function replaceBeforeAllTransactions(binding: ProsemirrorBinding, listener: () => void): void {
  const stock = binding.beforeAllTransactions;
  const field = 'ProsemirrorBinding.beforeAllTransactions';
  fenceRequire(Y_TIPTAP_FENCE, observersOf(binding.doc, 'beforeAllTransactions').includes(stock), field, 'is not the listener initView attached');
  binding.doc.off('beforeAllTransactions', stock);
  binding.beforeAllTransactions = listener;
  binding.doc.on('beforeAllTransactions', listener);
  const attached = observersOf(binding.doc, 'beforeAllTransactions');
  fenceRequire(Y_TIPTAP_FENCE, !attached.includes(stock) && attached.includes(listener), field, 'was not replaced: the stock listener stays attached');
}

/** Puts `write` in place of `_prosemirrorChanged`, which the sync plugin's view calls to write the editor's document into Yjs. */
export function replaceProsemirrorChanged(binding: ProsemirrorBinding, write: ProsemirrorBinding['_prosemirrorChanged']): void {
  binding._prosemirrorChanged = write;
}
