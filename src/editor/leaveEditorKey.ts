// Keyboard ways out of the text and through it: Escape leaves the editor for the next control after it on the page,
// and Tab in the text goes to the controls of the item holding the caret (an agenda item's Sagsnummer first) instead
// of the browser's choice, the first control of the whole text. Both run after every other handler (lists, "/" menu).
import { Extension } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';

function focusable(el: HTMLElement): boolean {
  if (el.matches(':disabled') || el.tabIndex < 0 || el.closest('[hidden], [inert]')) return false;
  if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
  // Laid out: an element inside display:none has no boxes.
  return el.getClientRects().length > 0;
}

/** The first control after `container` in document order, outside it; null at the end of the page. */
export function nextFocusableAfter(container: HTMLElement): HTMLElement | null {
  const all = container.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE);
  for (const el of all) {
    if (container.contains(el)) continue;
    if (container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && focusable(el)) return el;
  }
  return null;
}

/** Escape: focus on the next control after the editor. */
export function leaveEditor(view: EditorView): boolean {
  const next = nextFocusableAfter(view.dom);
  if (!next) return false;
  next.focus();
  return true;
}

/** The DOM element at the caret. */
function caretElement(view: EditorView): HTMLElement | null {
  const { node } = view.domAtPos(view.state.selection.from);
  return node instanceof HTMLElement ? node : node.parentElement;
}

/** The first control of the node view holding the caret (an action item's Ansvarlig, an agenda item's Sagsnummer). */
function ownControl(view: EditorView, at: HTMLElement): HTMLElement | undefined {
  for (let el: HTMLElement | null = at; el && el !== view.dom; el = el.parentElement) {
    const controls = el.querySelectorAll<HTMLElement>(':scope > [contenteditable="false"] :is(input, button, select)');
    const usable = [...controls].filter(focusable);
    // After the caret first (an action item's Ansvarlig), else the node's first (an agenda item's Sagsnummer).
    const first = usable.find((c) => at.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) ?? usable[0];
    if (first) return first;
  }
  return undefined;
}

/** Tab in the text: the controls of the node holding the caret, or else the next control after it, or out. */
export function tabFromText(view: EditorView): boolean {
  const at = caretElement(view);
  if (!at || !view.dom.contains(at)) return false;
  const own = ownControl(view, at);
  if (own) {
    own.focus();
    return true;
  }
  for (const el of view.dom.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (at.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !at.contains(el) && focusable(el)) {
      el.focus();
      return true;
    }
  }
  return leaveEditor(view);
}

export const LeaveEditorKey = Extension.create({
  name: 'leaveEditorKey',
  // Lowest: lists take Tab to indent, and the "/" menu and link form take Escape, before this does.
  priority: 1,
  addKeyboardShortcuts() {
    return {
      Escape: ({ editor }) => leaveEditor(editor.view),
      Tab: ({ editor }) => tabFromText(editor.view),
    };
  },
});
