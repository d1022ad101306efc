// An action item (format 2 `actionItem`, handlingspunkt): what is to be done, who owns it, by when, and
// whether it is done. Mod-Alt-h inserts one.
import { mergeAttributes, Node } from '@tiptap/core';
import { ACTION_ITEM } from '../core/bodyNodes';
import { actionItemView, type ParticipantOption } from './actionItemView';
import { DANISH_EDITOR_LABELS, type EditorLabels } from './editorLabels';
import { insertBlock } from './insertBlock';
import { booleanAttribute, idAttribute, stringAttribute } from './nodeAttributes';
import { newStructureId } from './structureIds';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    actionItem: {
      /** Inserts an empty action item in place of an empty paragraph, or after the block holding the selection. */
      insertActionItem: () => ReturnType;
    };
  }
}

export interface ActionItemOptions {
  labels: EditorLabels;
  /** Read each time the owner field is used, so the suggestions follow the participants list. */
  participants: () => ParticipantOption[];
}

export const ActionItem = Node.create<ActionItemOptions>({
  name: ACTION_ITEM,
  group: 'block',
  content: 'inline*',
  defining: true,

  addOptions() {
    return { labels: DANISH_EDITOR_LABELS, participants: () => [] };
  },

  addAttributes() {
    return {
      id: idAttribute(),
      owner: stringAttribute('owner', 'data-owner'),
      ownerOrganisation: stringAttribute('ownerOrganisation', 'data-owner-organisation'),
      due: stringAttribute('due', 'data-due'),
      done: booleanAttribute('done', 'data-done'),
      originDoc: stringAttribute('originDoc', 'data-origin-doc'),
      originItem: stringAttribute('originItem', 'data-origin-item'),
    };
  },

  parseHTML() {
    return [{ tag: 'div.action-item' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ class: 'action-item' }, HTMLAttributes), 0];
  },

  addNodeView() {
    const { labels, participants } = this.options;
    return (props) => actionItemView(props, labels, participants);
  },

  addCommands() {
    return {
      insertActionItem:
        () =>
        ({ tr, state, dispatch }) => {
          const item = state.schema.nodes[ACTION_ITEM]!.create({ id: newStructureId() });
          return insertBlock(tr, item, 1, { dispatch: dispatch !== undefined });
        },
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-h': () => this.editor.commands.insertActionItem() };
  },
});
