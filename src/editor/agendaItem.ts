// An agenda item (format 2 `agendaItem`): its title, then any blocks; with case number and KLE code.
// Commands insert one (Mod-Alt-a) and move it up or down (Alt-ArrowUp / Alt-ArrowDown).
import { mergeAttributes, Node, type Editor } from '@tiptap/core';
import { Selection } from '@tiptap/pm/state';
import { AGENDA_ITEM, AGENDA_TITLE, PARAGRAPH } from '../core/bodyNodes';
import { agendaItemView } from './agendaItemView';
import { DANISH_EDITOR_LABELS, type EditorLabels } from './editorLabels';
import { insertBlock } from './insertBlock';
import { moveSelectedAgendaItem } from './moveAgendaItem';
import { idAttribute, stringAttribute } from './nodeAttributes';
import { newStructureId } from './structureIds';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    agendaItem: {
      /** Inserts an empty agenda item after the top-level block holding the selection, caret in its title. */
      insertAgendaItem: () => ReturnType;
      moveAgendaItemUp: () => ReturnType;
      moveAgendaItemDown: () => ReturnType;
    };
  }
}

/** Backspace at the start of an agenda item with no text at all removes the item (and nothing else). */
function removeEmptyAgendaItem(editor: Editor): boolean {
  const { state } = editor;
  const { selection } = state;
  const $from = selection.$from;
  if (!selection.empty || $from.parent.type.name !== AGENDA_TITLE || $from.parentOffset !== 0 || $from.depth < 2) return false;
  const item = $from.node(-1);
  let empty = item.type.name === AGENDA_ITEM;
  item.forEach((child) => {
    if (child.textContent !== '' || (child.type.name !== AGENDA_TITLE && child.type.name !== PARAGRAPH)) empty = false;
  });
  if (!empty) return false;
  const start = $from.before(-1);
  const tr = state.tr;
  // The document must keep a block: the last one left becomes an empty paragraph.
  if ($from.node(-2).childCount === 1) tr.replaceWith(start, start + item.nodeSize, state.schema.nodes[PARAGRAPH]!.create());
  else tr.delete(start, start + item.nodeSize);
  tr.setSelection(Selection.near(tr.doc.resolve(Math.min(start, tr.doc.content.size)), -1)).scrollIntoView();
  editor.view.dispatch(tr);
  return true;
}

export interface AgendaItemOptions {
  labels: EditorLabels;
}

export const AgendaItem = Node.create<AgendaItemOptions>({
  name: AGENDA_ITEM,
  group: 'block',
  content: `${AGENDA_TITLE} block*`,
  // Backspace and Enter never merge two agenda items or pull blocks out of one.
  isolating: true,
  defining: true,
  // Its Backspace runs before the core keymap's, which would keep the empty first item of a referat.
  priority: 101,

  addOptions() {
    return { labels: DANISH_EDITOR_LABELS };
  },

  addAttributes() {
    return {
      id: idAttribute(),
      caseNumber: stringAttribute('caseNumber', 'data-case-number'),
      kleCode: stringAttribute('kleCode', 'data-kle-code'),
    };
  },

  parseHTML() {
    return [{ tag: 'section.agenda-item' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes({ class: 'agenda-item' }, HTMLAttributes), 0];
  },

  addNodeView() {
    const labels = this.options.labels;
    return (props) => agendaItemView(props, labels);
  },

  addCommands() {
    return {
      insertAgendaItem:
        () =>
        ({ tr, state, dispatch }) => {
          const { schema } = state;
          const item = schema.nodes[AGENDA_ITEM]!.create({ id: newStructureId() }, [
            schema.nodes[AGENDA_TITLE]!.create(),
            schema.nodes[PARAGRAPH]!.create(),
          ]);
          return insertBlock(tr, item, 2, { topLevel: true, dispatch: dispatch !== undefined });
        },
      moveAgendaItemUp:
        () =>
        ({ tr, dispatch }) =>
          moveSelectedAgendaItem(tr, -1, dispatch !== undefined),
      moveAgendaItemDown:
        () =>
        ({ tr, dispatch }) =>
          moveSelectedAgendaItem(tr, 1, dispatch !== undefined),
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-a': () => this.editor.commands.insertAgendaItem(),
      'Alt-ArrowUp': () => this.editor.commands.moveAgendaItemUp(),
      'Alt-ArrowDown': () => this.editor.commands.moveAgendaItemDown(),
      Backspace: () => removeEmptyAgendaItem(this.editor),
    };
  },
});
