// Other participants' carets, added to a running editor when a live session starts and taken away when it ends, so
// the editor is never rebuilt for presence: focus, the caret and what is being typed stay where they are.
import type { Editor } from '@tiptap/core';
import { yCursorPlugin, yCursorPluginKey } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { caretColor, renderCaret } from './renderCaret';

export interface LivePresence {
  awareness: Awareness;
  user: { name: string; color: string };
}

/** Shows the carets of `live`'s other participants and publishes this user's; returns what takes them away again. */
export function attachLiveCarets(editor: Editor, live: LivePresence): () => void {
  if (editor.isDestroyed) return () => undefined;
  live.awareness.setLocalStateField('user', live.user);
  editor.registerPlugin(
    yCursorPlugin(live.awareness, {
      cursorBuilder: renderCaret,
      // A peer's colour is checked before it reaches a style attribute.
      selectionBuilder: (user: Record<string, unknown>) => ({ style: `background-color: ${caretColor(user)}40`, class: 'ProseMirror-yjs-selection' }),
    }),
  );
  return () => {
    if (!editor.isDestroyed) editor.unregisterPlugin(yCursorPluginKey);
    live.awareness.setLocalStateField('cursor', null);
  };
}
