// The slash command: "/" typed at the start of an empty paragraph opens a small listbox of structured blocks
// (agenda item, decision, action item). Typing filters it, the arrow keys choose, Enter inserts, Escape
// closes. Plain DOM; the editor keeps focus and points at the chosen option with aria-activedescendant.
import { Extension, type ChainedCommands, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { PARAGRAPH } from '../core/bodyNodes';
import { DANISH_EDITOR_LABELS, type EditorLabels } from './editorLabels';
import { uniqueDomId } from './nodeViewControls';

interface SlashState {
  active: boolean;
  /** Position of the "/" character. */
  from: number;
  query: string;
  index: number;
}

type SlashMeta = { open: number } | { close: true } | { index: number };

interface SlashItem {
  label: string;
  insert: (chain: ChainedCommands) => ChainedCommands;
}

const INACTIVE: SlashState = { active: false, from: -1, query: '', index: 0 };
const MAX_QUERY = 30;

export const slashMenuKey = new PluginKey<SlashState>('referatSlashMenu');

/** The text typed after "/", while the caret is still right in that paragraph; null once it is not a command. */
function readQuery(state: EditorState, from: number): string | null {
  if (from < 0 || from > state.doc.content.size) return null;
  const $slash = state.doc.resolve(from);
  const para = $slash.parent;
  if (para.type.name !== PARAGRAPH || $slash.parentOffset !== 0 || !para.textContent.startsWith('/')) return null;
  const sel = state.selection;
  if (!sel.empty || sel.$from.start() !== $slash.start() || sel.$from.parentOffset < 1) return null;
  const query = para.textContent.slice(1, sel.$from.parentOffset);
  return query.length > MAX_QUERY || /\s/.test(query) ? null : query;
}

function matching(items: SlashItem[], query: string): SlashItem[] {
  const q = query.toLocaleLowerCase();
  return items.filter((item) => item.label.toLocaleLowerCase().includes(q));
}

export interface SlashMenuOptions {
  labels: EditorLabels;
}

export const SlashMenu = Extension.create<SlashMenuOptions>({
  name: 'slashMenu',
  // Before the keymaps, so Enter, Tab and the arrow keys choose in an open menu instead of editing.
  priority: 1000,

  addOptions() {
    return { labels: DANISH_EDITOR_LABELS };
  },

  addProseMirrorPlugins() {
    const editor: Editor = this.editor;
    const { labels } = this.options;
    const items: SlashItem[] = [
      { label: labels.agendaItem, insert: (c) => c.insertAgendaItem() },
      { label: labels.decision, insert: (c) => c.insertDecision() },
      { label: labels.actionItem, insert: (c) => c.insertActionItem() },
    ];
    const listboxId = uniqueDomId('slash-menu');
    const optionId = (i: number) => `${listboxId}-option-${i}`;

    function choose(view: EditorView, item: SlashItem): void {
      const st = slashMenuKey.getState(view.state);
      if (!st?.active) return;
      const { from, query } = st;
      const removeSlash = editor
        .chain()
        .focus()
        .command(({ tr }) => {
          tr.delete(from, from + 1 + query.length).setMeta(slashMenuKey, { close: true } satisfies SlashMeta);
          return true;
        });
      item.insert(removeSlash).run();
    }

    return [
      new Plugin<SlashState>({
        key: slashMenuKey,
        state: {
          init: () => INACTIVE,
          apply(tr, prev, _old, state) {
            const meta = tr.getMeta(slashMenuKey) as SlashMeta | undefined;
            if (meta && 'open' in meta) return { active: true, from: meta.open, query: '', index: 0 };
            if (meta && 'close' in meta) return INACTIVE;
            if (!prev.active) return prev;
            const from = tr.mapping.map(prev.from);
            const query = readQuery(state, from);
            if (query === null) return INACTIVE;
            const index = meta && 'index' in meta ? meta.index : query === prev.query ? prev.index : 0;
            return { active: true, from, query, index };
          },
        },
        props: {
          handleTextInput(view, from, to, text) {
            if (text !== '/' || from !== to || !view.editable) return false;
            const $from = view.state.doc.resolve(from);
            if ($from.parent.type.name !== PARAGRAPH || $from.parent.content.size !== 0) return false;
            view.dispatch(view.state.tr.insertText('/', from, to).setMeta(slashMenuKey, { open: from } satisfies SlashMeta));
            return true;
          },
          handleKeyDown(view, event) {
            const st = slashMenuKey.getState(view.state);
            if (!st?.active) return false;
            if (event.key === 'Escape') {
              view.dispatch(view.state.tr.setMeta(slashMenuKey, { close: true } satisfies SlashMeta));
              return true;
            }
            const shown = matching(items, st.query);
            if (shown.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return false;
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              const step = event.key === 'ArrowDown' ? 1 : shown.length - 1;
              view.dispatch(view.state.tr.setMeta(slashMenuKey, { index: (st.index + step) % shown.length } satisfies SlashMeta));
              return true;
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              const item = shown[Math.min(st.index, shown.length - 1)];
              if (item) choose(view, item);
              return true;
            }
            return false;
          },
          handleDOMEvents: {
            blur(view) {
              if (slashMenuKey.getState(view.state)?.active) view.dispatch(view.state.tr.setMeta(slashMenuKey, { close: true } satisfies SlashMeta));
              return false;
            },
          },
          attributes(state): Record<string, string> {
            const st = slashMenuKey.getState(state);
            if (!st?.active || matching(items, st.query).length === 0) return {};
            return { 'aria-controls': listboxId, 'aria-autocomplete': 'list', 'aria-activedescendant': optionId(st.index) };
          },
        },
        view(editorView) {
          const menu = document.createElement('ul');
          menu.id = listboxId;
          menu.className = 'slash-menu';
          menu.setAttribute('role', 'listbox');
          menu.setAttribute('aria-label', labels.insertMenu);
          menu.hidden = true;

          function render(view: EditorView): void {
            const st = slashMenuKey.getState(view.state);
            const shown = st?.active ? matching(items, st.query) : [];
            if (!st || shown.length === 0) {
              // Most keystrokes: the menu is closed already, and the DOM is left alone.
              if (!menu.hidden || menu.firstChild) {
                menu.hidden = true;
                menu.replaceChildren();
              }
              return;
            }
            const host = view.dom.parentElement;
            if (host && menu.parentElement !== host) host.append(menu);
            menu.replaceChildren(
              ...shown.map((item, i) => {
                const li = document.createElement('li');
                li.id = optionId(i);
                li.setAttribute('role', 'option');
                li.setAttribute('aria-selected', String(i === st.index));
                li.textContent = item.label;
                li.addEventListener('mousedown', (e) => e.preventDefault());
                li.addEventListener('click', () => choose(view, item));
                return li;
              }),
            );
            menu.hidden = false;
            const at = view.coordsAtPos(st.from);
            const box = (menu.offsetParent ?? document.body).getBoundingClientRect();
            menu.style.left = `${Math.round(at.left - box.left)}px`;
            menu.style.top = `${Math.round(at.bottom - box.top + 4)}px`;
          }

          render(editorView);
          return {
            update: (view) => render(view),
            destroy: () => menu.remove(),
          };
        },
      }),
    ];
  },
});
