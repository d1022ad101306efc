// The placeholder for Yjs content this schema does not know (a newer version's node, mark, attribute or embed).
// It is an atom bound to the original Y element, which it never writes: the guard (unknownContentGuard.ts) keeps
// edits from moving or changing it, so the binding has no reason to touch the element. Deleting it is allowed.
import { Node } from '@tiptap/core';
import { DANISH_EDITOR_LABELS, type EditorLabels } from './editorLabels';
import { UNKNOWN_BLOCK } from './unknownContent';
import { unknownContentGuard } from './unknownContentGuard';

export interface UnknownBlockOptions {
  labels: EditorLabels;
}

export const UnknownBlock = Node.create<UnknownBlockOptions>({
  name: UNKNOWN_BLOCK,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { labels: DANISH_EDITOR_LABELS };
  },

  // Only in the editor's memory: where the content came from, and its plain text to show.
  addAttributes() {
    return {
      nodeName: { default: '', rendered: false },
      text: { default: '', rendered: false },
    };
  },

  // Never made from HTML: a pasted placeholder would be written to Yjs as a new element that is not the original.
  parseHTML() {
    return [];
  },

  // The text is set as text (never HTML), under a visible label.
  renderHTML({ node }) {
    const text: unknown = node.attrs.text;
    return [
      'div',
      { class: 'unknown-content', role: 'note' },
      ['p', { class: 'unknown-content-label' }, this.options.labels.unknownContent],
      ['p', { class: 'unknown-content-text' }, typeof text === 'string' ? text : ''],
    ];
  },

  renderText({ node }) {
    const text: unknown = node.attrs.text;
    return typeof text === 'string' ? text : '';
  },

  addProseMirrorPlugins() {
    return [unknownContentGuard(this.type)];
  },
});
