// What a clerk decided on this device for an aktindsigt case: a referat left out, or passages of it exempt, each
// with a reason. Never part of the referat: it stays on the device, and no copy of the referat carries it.
import type { PassageSegment } from './exemptionAnchor';
import { exemptionReason, LEAVE_OUT_REASONS, OTHER_REASON, PASSAGE_REASONS, type ExemptionReason } from './exemptionReasons';

export const MAX_EXEMPTION_NOTE = 1000;
/** A passage longer than this is better handled by leaving the referat out. */
export const MAX_EXEMPT_QUOTE = 20_000;

export interface CaseExemption {
  id: string;
  docId: string;
  /** `referat`: the whole referat is left out of packages; `passage`: the segments are replaced by a placeholder. */
  kind: 'referat' | 'passage';
  /** A code of the list (exemptionReasons.ts); for `referat` also OTHER_REASON. */
  reason: string;
  /** Free text: the clerk's own words; required with OTHER_REASON, optional beside a provision. */
  note: string;
  /** For a passage: one segment per text node it spans; empty for `referat`. */
  segments: PassageSegment[];
  createdAt: number;
}

export const reasonsFor = (kind: CaseExemption['kind']): readonly ExemptionReason[] => (kind === 'referat' ? LEAVE_OUT_REASONS : PASSAGE_REASONS);

/** Why the exemption cannot be stored, as a code the interface words (`case.invalid.<code>`), or null when it can. */
export function exemptionProblem(e: Pick<CaseExemption, 'kind' | 'reason' | 'note' | 'segments'>): 'reason' | 'note' | 'noteLength' | 'passage' | null {
  const note = e.note.trim();
  // A passage needs a provision of the list; a referat may be left out for a reason given in words only.
  const other = e.reason === OTHER_REASON && e.kind === 'referat';
  if (!other && exemptionReason(reasonsFor(e.kind), e.reason) === null) return 'reason';
  if (e.reason === OTHER_REASON && note === '') return 'note';
  if (note.length > MAX_EXEMPTION_NOTE) return 'noteLength';
  if (e.kind === 'passage') {
    const length = e.segments.reduce((n, s) => n + s.quote.length, 0);
    if (e.segments.length === 0 || e.segments.some((s) => s.quote.trim() === '') || length > MAX_EXEMPT_QUOTE) return 'passage';
  } else if (e.segments.length > 0) return 'passage';
  return null;
}

/** The citation a reader sees: the provision's reference, or for "other" the clerk's note. */
export function reasonRef(e: Pick<CaseExemption, 'kind' | 'reason' | 'note'>): string {
  return exemptionReason(reasonsFor(e.kind), e.reason)?.ref ?? e.note.trim();
}
