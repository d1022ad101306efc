// A decision (format 2 `decision`, beslutning): paragraphs in a marked box, a note named by the UI's language.
// Mod-Alt-d inserts one.
import { mergeAttributes, Node } from '@tiptap/core';
import { DECISION, PARAGRAPH } from '../core/bodyNodes';
import { DANISH_EDITOR_LABELS, type EditorLabels } from './editorLabels';
import { insertBlock } from './insertBlock';
import { idAttribute } from './nodeAttributes';
import { newStructureId } from './structureIds';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    decision: {
      /** Inserts an empty decision in place of an empty paragraph, or after the block holding the selection. */
      insertDecision: () => ReturnType;
    };
  }
}

export interface DecisionOptions {
  labels: EditorLabels;
}

export const Decision = Node.create<DecisionOptions>({
  name: DECISION,
  group: 'block',
  content: `${PARAGRAPH}+`,
  defining: true,

  addOptions() {
    return { labels: DANISH_EDITOR_LABELS };
  },

  addAttributes() {
    return { id: idAttribute() };
  },

  parseHTML() {
    return [{ tag: 'div.decision' }];
  },

  // The visible marker is the label itself, drawn by CSS from aria-label (styles.css), so it is never text.
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ class: 'decision', role: 'note', 'aria-label': this.options.labels.decision }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      insertDecision:
        () =>
        ({ tr, state, dispatch }) => {
          const { schema } = state;
          const decision = schema.nodes[DECISION]!.create({ id: newStructureId() }, schema.nodes[PARAGRAPH]!.create());
          return insertBlock(tr, decision, 2, { dispatch: dispatch !== undefined });
        },
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-d': () => this.editor.commands.insertDecision() };
  },
});
