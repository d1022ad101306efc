// Anchors an exempt passage in one Y.XmlText of a referat's body with Yjs relative positions (edits elsewhere move
// it along), and finds it again: only where both ends resolve in the same text and the text there is still the quote.
import * as Y from 'yjs';
import { plainText } from './bodyTextNodes';

/** One passage within one text node; a selection across paragraphs is one segment per node. */
export interface PassageSegment {
  /** Y.encodeRelativePosition of the first character (assoc 0) and of the end after the last (assoc -1). */
  start: Uint8Array;
  end: Uint8Array;
  /** The exempt text as it was marked: the check that the anchor still holds it. */
  quote: string;
}

export interface ResolvedSegment {
  text: Y.XmlText;
  from: number;
  to: number;
}

export function anchorSegment(text: Y.XmlText, from: number, to: number): PassageSegment {
  const plain = plainText(text);
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from < to && to <= plain.length)) {
    throw new RangeError(`not a passage of the text: ${from}–${to} of ${plain.length}`);
  }
  return {
    start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from, 0)),
    end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, to, -1)),
    quote: plain.slice(from, to),
  };
}

function absolute(doc: Y.Doc, encoded: Uint8Array): Y.AbsolutePosition | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(encoded), doc);
  } catch {
    return null;
  }
}

/** Where the segment is now, or null when it is gone or its text changed (the clerk must mark it again). */
export function resolveSegment(doc: Y.Doc, segment: PassageSegment): ResolvedSegment | null {
  const start = absolute(doc, segment.start);
  const end = absolute(doc, segment.end);
  if (start === null || end === null || start.type !== end.type || !(start.type instanceof Y.XmlText)) return null;
  if (start.index >= end.index || segment.quote === '') return null;
  if (plainText(start.type).slice(start.index, end.index) !== segment.quote) return null;
  return { text: start.type, from: start.index, to: end.index };
}
