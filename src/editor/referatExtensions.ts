// The Tiptap schema and behaviour of the minutes text, bound to the referat's Y.XmlFragment.
// The fragment is the source of truth: the editor is never given initial content (see README.md).
import type { Extensions } from '@tiptap/core';
import { ReferatCollaboration } from './referatCollaboration';
import { StarterKit } from '@tiptap/starter-kit';
import type * as Y from 'yjs';
import { isAllowedLinkUrl } from '../core/safeLinkUrl';
import { ActionItem } from './actionItem';
import type { ParticipantOption } from './actionItemView';
import { AgendaItem } from './agendaItem';
import { AgendaTitle } from './agendaTitle';
import { Decision } from './decision';
import { LeaveEditorKey } from './leaveEditorKey';
import { DANISH_EDITOR_LABELS, type EditorLabels } from './editorLabels';
import { PasteCleanup } from './pasteCleanup';
import { SlashMenu } from './slashMenu';
import { StructureIds } from './structureIds';
import { UnknownBlock } from './unknownBlock';
import { UnknownMark } from './unknownMark';

export type { EditorLabels } from './editorLabels';
export type { ParticipantOption } from './actionItemView';

export type { LivePresence } from './liveCarets';

export function referatExtensions(
  fragment: Y.XmlFragment,
  labels: EditorLabels = DANISH_EDITOR_LABELS,
  participants: () => ParticipantOption[] = () => [],
): Extensions {
  return [
    StarterKit.configure({
      // Undo and redo come from Yjs (Collaboration), so they only undo this user's own changes.
      undoRedo: false,
      // No trailing paragraph: every device that opened a referat would add its own, and copies merging
      // would collect them. The gap cursor reaches the place after the last agenda item instead.
      trailingNode: false,
      heading: { levels: [2, 3] },
      codeBlock: false,
      code: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto'],
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedLinkUrl(url),
        shouldAutoLink: (url) => isAllowedLinkUrl(url) || isAllowedLinkUrl(`https://${url}`),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    AgendaItem.configure({ labels }),
    AgendaTitle,
    Decision.configure({ labels }),
    ActionItem.configure({ labels, participants }),
    StructureIds,
    // Content from a newer version: kept in Yjs, shown as a read-only placeholder (tolerantSchema.ts).
    UnknownBlock.configure({ labels }),
    UnknownMark,
    SlashMenu.configure({ labels }),
    PasteCleanup,
    // Escape leaves the text; Tab goes to the controls of the agenda item at the caret (leaveEditorKey.ts).
    LeaveEditorKey,
    ReferatCollaboration.configure({ fragment }),
  ];
}
