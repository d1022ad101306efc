// A throwaway copy of a referat with its exempt passages replaced by "[Undtaget: § 30, nr. 2]", for the files of an
// aktindsigt package. The copy collects garbage, so the removed text is not even kept as deleted content; the
// referat itself is never changed, and the copy is never stored or sent.
import * as Y from 'yjs';
import { reasonRef, type CaseExemption } from './caseExemption';
import { resolveSegment, type ResolvedSegment } from './exemptionAnchor';

export const placeholderText = (refs: readonly string[]) => `[Undtaget: ${refs.join('; ')}]`;

export interface RedactedDoc {
  doc: Y.Doc;
  /** The passage exemptions applied, in the order given. */
  applied: CaseExemption[];
  /** Those whose text is gone or changed: the clerk must mark them again, and no package may be built meanwhile. */
  unresolved: CaseExemption[];
}

interface Range extends ResolvedSegment {
  refs: string[];
}

/** Ranges of one text node, overlapping ones merged (their reasons joined), last first so indices stay valid. */
function mergedDescending(ranges: Range[]): Range[] {
  const sorted = ranges.toSorted((a, b) => a.from - b.from);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.from <= last.to) {
      last.to = Math.max(last.to, r.to);
      for (const ref of r.refs) if (!last.refs.includes(ref)) last.refs.push(ref);
    } else merged.push({ ...r, refs: [...r.refs] });
  }
  return merged.toReversed();
}

export function redactedDoc(source: Y.Doc, exemptions: readonly CaseExemption[]): RedactedDoc {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  const applied: CaseExemption[] = [];
  const unresolved: CaseExemption[] = [];
  const byText = new Map<Y.XmlText, Range[]>();
  for (const e of exemptions) {
    if (e.kind !== 'passage') continue;
    const found = e.segments.map((s) => resolveSegment(doc, s));
    if (found.length === 0 || found.some((f) => f === null)) {
      unresolved.push(e);
      continue;
    }
    applied.push(e);
    for (const f of found as ResolvedSegment[]) byText.set(f.text, [...(byText.get(f.text) ?? []), { ...f, refs: [reasonRef(e)] }]);
  }
  doc.transact(() => {
    for (const [text, ranges] of byText) {
      for (const r of mergedDescending(ranges)) {
        text.delete(r.from, r.to - r.from);
        // No attributes: the placeholder is plain text, not part of a link or of the passage's formatting.
        text.insert(r.from, placeholderText(r.refs), {});
      }
    }
  });
  return { doc, applied, unresolved };
}
