// The minutes text: Tiptap on the referat's Y.XmlFragment, with its toolbar. Loaded on demand with the referat page.
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { readParticipants } from '../../core/participants';
import { bodyFragment } from '../../core/referatDoc';
import { referatExtensions, type EditorLabels, type LivePresence } from '../../editor/referatExtensions';
import { useI18n } from '../i18n/I18nContext';
import type { Translate } from '../i18n/translate';
import { EditorToolbar } from './EditorToolbar';

export interface MinutesEditorHandle {
  getHTML(): string;
}

function editorLabels(t: Translate): EditorLabels {
  return {
    agendaItem: t('editor.agendaItem'),
    caseNumber: t('editor.caseNumber'),
    kleCode: t('editor.kleCode'),
    moveUp: t('editor.moveUp'),
    moveDown: t('editor.moveDown'),
    dragHandle: t('editor.dragHandle'),
    decision: t('editor.decision'),
    actionItem: t('editor.actionItem'),
    owner: t('editor.owner'),
    ownerOrganisation: t('editor.ownerOrganisation'),
    due: t('editor.due'),
    done: t('editor.done'),
    fromEarlierMeeting: t('editor.fromEarlierMeeting'),
    insertMenu: t('editor.insertMenu'),
    unknownContent: t('editor.unknownContent'),
  };
}

export function MinutesEditor(props: { doc: Y.Doc; readOnly: boolean; live?: LivePresence; onReady?: (h: MinutesEditorHandle | null) => void }) {
  const { doc, readOnly, onReady, live } = props;
  const { t } = useI18n();
  const label = t('editor.label');
  const labels = useMemo(() => editorLabels(t), [t]);
  const editor = useEditor(
    {
      // The owner field asks for the participants each time it is used, so its suggestions are always current.
      extensions: referatExtensions(bodyFragment(doc), live, labels, () =>
        readParticipants(doc).map((p) => ({ name: p.name, organisation: p.organisation })),
      ),
      editable: !readOnly,
      editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'minutes-text' } },
    },
    [doc, live?.awareness, labels],
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
