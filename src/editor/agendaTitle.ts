// The title of an agenda item (format 2 `agendaTitle`): an h2 whose number comes from a CSS counter.
import { mergeAttributes, Node } from '@tiptap/core';
import { AGENDA_TITLE } from '../core/bodyNodes';

export const AgendaTitle = Node.create({
  name: AGENDA_TITLE,
  content: 'inline*',
  defining: true,
  // Its Enter runs before the core keymap's.
  priority: 101,

  parseHTML() {
    return [{ tag: 'h2.agenda-title', priority: 60 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['h2', mergeAttributes({ class: 'agenda-title' }, HTMLAttributes), 0];
  },

  addKeyboardShortcuts() {
    return {
      // Splitting at the very start would move the whole title into a paragraph and leave the item untitled.
      Enter: () => {
        const { selection } = this.editor.state;
        return selection.empty && selection.$from.parent.type.name === AGENDA_TITLE && selection.$from.parentOffset === 0 && selection.$from.parent.content.size > 0;
      },
    };
  },
});
