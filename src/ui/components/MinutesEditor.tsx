// The minutes text: Tiptap on the referat's Y.XmlFragment, with its toolbar. Loaded on demand with the referat page.
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { readParticipants } from '../../core/participants';
import { bodyFragment } from '../../core/referatDoc';
import { AuthorHighlight } from '../../editor/authorHighlight';
import { attachLiveCarets } from '../../editor/liveCarets';
import { referatExtensions, type EditorLabels, type LivePresence } from '../../editor/referatExtensions';
import type { TrustState } from '../../core/trustState';
import type { ReferatSession } from '../../session/referatSession';
import { useI18n } from '../i18n/I18nContext';
import type { Translate } from '../i18n/translate';
import { EditorToolbar } from './EditorToolbar';
import { WhoWroteWhat } from './WhoWroteWhat';

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

function describedAttribute(id: string | undefined): Record<string, string> {
  return id ? { 'aria-describedby': id } : {};
}

/** What "Hvem skrev hvad" needs to name authors: the session (its document and device) and the trust state. */
export interface AuthorshipSource {
  session: ReferatSession;
  trust: TrustState | null;
}

export function MinutesEditor(props: {
  doc: Y.Doc;
  readOnly: boolean;
  live?: LivePresence;
  onReady?: (h: MinutesEditorHandle | null) => void;
  authorship?: AuthorshipSource;
  /** The id of the text that says how to move in and out of the editor (Escape, Tab). */
  describedBy?: string;
}) {
  const { doc, readOnly, onReady, live, authorship, describedBy } = props;
  const { t } = useI18n();
  const label = t('editor.label');
  const labels = useMemo(() => editorLabels(t), [t]);
  const editor = useEditor(
    {
      // The owner field asks for the participants each time it is used, so its suggestions are always current.
      extensions: [
        ...referatExtensions(bodyFragment(doc), labels, () =>
          readParticipants(doc).map((p) => ({ name: p.name, organisation: p.organisation })),
        ),
        AuthorHighlight,
      ],
      editable: !readOnly,
      editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'minutes-text', ...describedAttribute(describedBy) } },
    },
    // Not rebuilt when a live session comes or goes: that would take focus from someone typing (liveCarets.ts).
    [doc, labels],
  );
  const awareness = live?.awareness;
  const userName = live?.user.name;
  const userColor = live?.user.color;
  useEffect(() => {
    if (!editor || !awareness || userName === undefined || userColor === undefined) return;
    return attachLiveCarets(editor, { awareness, user: { name: userName, color: userColor } });
  }, [editor, awareness, userName, userColor]);
  useEffect(() => {
    if (!editor) return;
    editor.setEditable(!readOnly);
    editor.setOptions({
      editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'minutes-text', 'aria-readonly': String(readOnly), ...describedAttribute(describedBy) } },
    });
  }, [editor, label, readOnly, describedBy]);
  useEffect(() => {
    onReady?.(editor ? { getHTML: () => editor.getHTML() } : null);
    return () => onReady?.(null);
  }, [editor, onReady]);
  return (
    <div className="editor">
      {editor && !readOnly && <EditorToolbar editor={editor} />}
      {editor && authorship && <WhoWroteWhat editor={editor} session={authorship.session} trust={authorship.trust} />}
      <EditorContent editor={editor} />
    </div>
  );
}

export default MinutesEditor;
