// The minutes text: Tiptap on the referat's Y.XmlFragment, with its toolbar. Loaded on demand with the referat page.
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { bodyFragment } from '../../core/referatDoc';
import { referatExtensions, type LivePresence } from '../../editor/referatExtensions';
import { useI18n } from '../i18n/I18nContext';
import { EditorToolbar } from './EditorToolbar';

export interface MinutesEditorHandle {
  getHTML(): string;
}

export function MinutesEditor(props: { doc: Y.Doc; readOnly: boolean; live?: LivePresence; onReady?: (h: MinutesEditorHandle | null) => void }) {
  const { doc, readOnly, onReady, live } = props;
  const { t } = useI18n();
  const label = t('editor.label');
  const editor = useEditor(
    {
      extensions: referatExtensions(bodyFragment(doc), live),
      editable: !readOnly,
      editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'minutes-text' } },
    },
    [doc, live?.awareness],
  );
  useEffect(() => {
    if (!editor) return;
    editor.setEditable(!readOnly);
    editor.setOptions({
      editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'minutes-text', 'aria-readonly': String(readOnly) } },
    });
  }, [editor, label, readOnly]);
  useEffect(() => {
    onReady?.(editor ? { getHTML: () => editor.getHTML() } : null);
    return () => onReady?.(null);
  }, [editor, onReady]);
  return (
    <div className="editor">
      {editor && !readOnly && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

export default MinutesEditor;
