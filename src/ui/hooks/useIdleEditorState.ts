// A value read from the editor, brought up to date when the browser is idle after a transaction, not inside it.
import type { Editor } from '@tiptap/react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

interface IdleApi {
  request(run: () => void): () => void;
}

// requestIdleCallback where there is one; a short timer elsewhere.
const idle: IdleApi =
  typeof requestIdleCallback === 'function'
    ? { request: (run) => { const h = requestIdleCallback(run, { timeout: 250 }); return () => cancelIdleCallback(h); } }
    : { request: (run) => { const h = setTimeout(run, 50); return () => clearTimeout(h); } };

/**
 * Like Tiptap's `useEditorState`, but `select` runs once the keystroke has been painted (at most 250 ms later), and
 * the component re-renders only when the JSON of the result changes: every React commit while the editor has focus
 * reads the selection through the whole text.
 */
export function useIdleEditorState<T>(editor: Editor, select: (editor: Editor) => T): T {
  const [value, setValue] = useState(() => select(editor));
  const selectRef = useRef(select);
  useLayoutEffect(() => {
    selectRef.current = select;
  });
  useEffect(() => {
    let cancel: (() => void) | null = null;
    const run = () => {
      cancel = null;
      const next = selectRef.current(editor);
      setValue((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    };
    const schedule = () => {
      cancel ??= idle.request(run);
    };
    editor.on('transaction', schedule);
    schedule();
    return () => {
      editor.off('transaction', schedule);
      cancel?.();
    };
  }, [editor]);
  return value;
}
