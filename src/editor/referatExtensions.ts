// The Tiptap schema and behaviour of the minutes text, bound to the referat's Y.XmlFragment.
// The fragment is the source of truth: the editor is never given initial content (see README.md).
import type { Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { StarterKit } from '@tiptap/starter-kit';
import type * as Y from 'yjs';
import { isAllowedLinkUrl } from '../core/safeLinkUrl';

export function referatExtensions(fragment: Y.XmlFragment): Extensions {
  return [
    StarterKit.configure({
      // Undo and redo come from Yjs (Collaboration), so they only undo this user's own changes.
      undoRedo: false,
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
    Collaboration.configure({ fragment }),
  ];
}
