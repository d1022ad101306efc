// Formatting and structure buttons for the minutes text; each shows its state with aria-pressed and names its shortcut.
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { useIdleEditorState } from '../hooks/useIdleEditorState';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messagesDa';
import { LinkForm } from './LinkForm';

interface ToolButton {
  key: MessageKey;
  shortcut: string;
  active?: (e: Editor) => boolean;
  run: (e: Editor) => void;
  enabled?: (e: Editor) => boolean;
}

const BUTTONS: ToolButton[] = [
  { key: 'editor.paragraph', shortcut: 'Control+Alt+0', active: (e) => e.isActive('paragraph'), run: (e) => e.chain().focus().setParagraph().run() },
  { key: 'editor.heading2', shortcut: 'Control+Alt+2', active: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { key: 'editor.heading3', shortcut: 'Control+Alt+3', active: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: 'editor.bold', shortcut: 'Control+B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
  { key: 'editor.italic', shortcut: 'Control+I', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  { key: 'editor.bulletList', shortcut: 'Control+Shift+8', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: 'editor.orderedList', shortcut: 'Control+Shift+7', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { key: 'editor.agendaItem', shortcut: 'Control+Alt+A', run: (e) => e.chain().focus().insertAgendaItem().run(), enabled: (e) => e.can().insertAgendaItem() },
  { key: 'editor.decision', shortcut: 'Control+Alt+D', run: (e) => e.chain().focus().insertDecision().run(), enabled: (e) => e.can().insertDecision() },
  { key: 'editor.actionItem', shortcut: 'Control+Alt+H', run: (e) => e.chain().focus().insertActionItem().run(), enabled: (e) => e.can().insertActionItem() },
  { key: 'editor.undo', shortcut: 'Control+Z', run: (e) => e.chain().focus().undo().run(), enabled: (e) => e.can().undo() },
  { key: 'editor.redo', shortcut: 'Control+Shift+Z', run: (e) => e.chain().focus().redo().run(), enabled: (e) => e.can().redo() },
];

export function EditorToolbar(props: { editor: Editor }) {
  const { editor } = props;
  const { t } = useI18n();
  const [linkOpen, setLinkOpen] = useState(false);
  const state = useIdleEditorState(editor, (e) => ({
    active: BUTTONS.map((b) => b.active?.(e) ?? false),
    enabled: BUTTONS.map((b) => b.enabled?.(e) ?? true),
    link: e.isActive('link'),
  }));
  return (
    <div className="toolbar-wrap">
      <div role="toolbar" aria-label={t('editor.toolbar')} className="toolbar">
        {BUTTONS.map((b, i) => (
          <button
            key={b.key}
            type="button"
            aria-pressed={b.active ? (state.active[i] ?? false) : undefined}
            aria-keyshortcuts={b.shortcut}
            disabled={!(state.enabled[i] ?? true)}
            title={`${t(b.key)} (${b.shortcut.replace('Control', 'Ctrl')})`}
            onClick={() => b.run(editor)}
          >
            {t(b.key)}
          </button>
        ))}
        <button type="button" aria-pressed={state.link} aria-expanded={linkOpen} onClick={() => setLinkOpen((o) => !o)}>
          {t('editor.link')}
        </button>
      </div>
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  );
}
