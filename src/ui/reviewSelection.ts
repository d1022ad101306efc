// Turns the browser's text selection inside the review text into passages of the referat's Y.XmlText nodes: each
// node is rendered as one element with `data-text-index`, whose text is exactly the node's text.
import type * as Y from 'yjs';
import { anchorSegment, type PassageSegment } from '../core/exemptionAnchor';

export interface PendingPassage {
  segments: PassageSegment[];
  /** The marked text, for the clerk to see before exempting it. */
  preview: string;
}

/** The characters from the start of `el` to a point inside it. */
function offsetIn(el: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(el, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

export function selectedPassage(root: HTMLElement, selection: Selection | null, texts: readonly Y.XmlText[]): PendingPassage | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const segments: PassageSegment[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-text-index]')) {
    if (!range.intersectsNode(el)) continue;
    const text = texts[Number(el.dataset.textIndex)];
    if (!text) continue;
    const part = document.createRange();
    part.selectNodeContents(el);
    if (range.compareBoundaryPoints(Range.START_TO_START, part) > 0) part.setStart(range.startContainer, range.startOffset);
    if (range.compareBoundaryPoints(Range.END_TO_END, part) < 0) part.setEnd(range.endContainer, range.endOffset);
    const from = offsetIn(el, part.startContainer, part.startOffset);
    const to = from + part.toString().length;
    if (to > from && part.toString().trim() !== '') segments.push(anchorSegment(text, from, to));
  }
  return segments.length === 0 ? null : { segments, preview: segments.map((s) => s.quote).join(' … ') };
}
