// "Hvem skrev hvad" on the live document: decorations that colour each run of text by its author, set from outside
// (the UI computes who wrote what from Yjs, core/textAuthors.ts) and mapped through edits until the next set.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { AuthorNode } from '../core/textAuthors';

/** How a run of one author is drawn: its HTML attributes (class, style, title). */
export type AuthorLook = (by: string) => Record<string, string>;

interface AuthorSpec {
  by: string;
}

export const authorHighlightKey = new PluginKey<DecorationSet>('authorHighlight');

/**
 * Decorations for `nodes` over `doc`, walking the editor's document beside the Yjs structure it was built from. A
 * block whose shape differs (a peer's edit not yet rendered, content the schema shows as a placeholder) is left
 * uncoloured rather than coloured wrongly.
 */
export function authorDecorations(doc: PmNode, nodes: readonly AuthorNode[], look: AuthorLook): DecorationSet {
  const decorations: Decoration[] = [];
  const walk = (parent: PmNode, contentStart: number, children: readonly AuthorNode[]) => {
    let index = 0;
    let pos = contentStart;
    for (const child of children) {
      if (child.kind === 'element') {
        const node = index < parent.childCount ? parent.child(index) : null;
        if (!node || node.isText || node.type.name !== child.nodeName) return;
        walk(node, pos + 1, child.children);
        pos += node.nodeSize;
        index++;
        continue;
      }
      const length = child.runs.reduce((n, r) => n + r.length, 0);
      let consumed = 0;
      while (consumed < length && index < parent.childCount && parent.child(index).isText) {
        consumed += parent.child(index).nodeSize;
        index++;
      }
      if (consumed !== length) return;
      let from = pos;
      for (const run of child.runs) {
        const spec: AuthorSpec = { by: run.by };
        decorations.push(Decoration.inline(from, from + run.length, look(run.by), spec));
        from += run.length;
      }
      pos += length;
    }
  };
  walk(doc, 0, nodes);
  return DecorationSet.create(doc, decorations);
}

/** Shows `set` in the editor (an empty set to stop colouring). */
export function setAuthorDecorations(state: EditorState, set: DecorationSet) {
  return state.tr.setMeta(authorHighlightKey, set).setMeta('addToHistory', false);
}

/** The author of the text at `pos` (the character after it, else the one before), or null where nothing is coloured. */
export function authorAt(state: EditorState, pos: number): string | null {
  const set = authorHighlightKey.getState(state);
  if (!set) return null;
  const found = set.find(Math.max(0, pos - 1), pos + 1);
  const after = found.find((d) => d.from <= pos && pos < d.to) ?? found.find((d) => d.from < pos && pos <= d.to);
  return after ? (after.spec as AuthorSpec).by : null;
}

export const AuthorHighlight = Extension.create({
  name: 'authorHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: authorHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(authorHighlightKey) as DecorationSet | undefined;
            if (next) return next;
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => authorHighlightKey.getState(state),
        },
      }),
    ];
  },
});
