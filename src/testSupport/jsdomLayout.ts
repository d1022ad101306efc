// For unit tests of a focused editor in jsdom, which lays nothing out: ProseMirror measures a Range to scroll the
// caret into view, and jsdom's Range has no boxes.
const noRects = (): DOMRectList => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;

/** Gives jsdom's Range empty boxes, so a focused editor can scroll its caret into view. */
export function allowCaretScrolling(): void {
  Range.prototype.getClientRects ??= noRects;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
}
