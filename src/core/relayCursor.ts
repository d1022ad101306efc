// What one device has done in one relay mailbox: the seqs it used, and what of each sender it has applied.
// A plain object, so the session can store it beside the referat (not wired yet).

/** Update seqs applied from one sender: all of 1 … through, and these above it. */
export interface AppliedSeqs {
  through: number;
  beyond: number[];
}

export interface RelayCursor {
  /** This device's sender tag in the mailbox. */
  self: string;
  /** The last seq this device used, per kind; the next entry takes one more. */
  own: { update: number; snapshot: number; ack: number };
  /** Sender tag → the update seqs applied (own ones included, as posted). */
  applied: Record<string, AppliedSeqs>;
  /** Maker tag → the newest snapshot seq accepted; an older one is a replay. */
  snapshots: Record<string, number>;
  /** Acker tag → the newest acknowledgement seq accepted; an older one is a replay. */
  acks: Record<string, number>;
  /** SHA-256 (hex) of the body of this device's last acknowledgement, so an unchanged one is not written again. */
  ackSummary: string;
}

/** `beyond` is capped so that a hostile sender's scattered seqs cannot grow the cursor without bound. */
export const MAX_BEYOND = 10_000;

export function newRelayCursor(self: string): RelayCursor {
  return { self, own: { update: 0, snapshot: 0, ack: 0 }, applied: {}, snapshots: {}, acks: {}, ackSummary: '' };
}

function seqsOf(cursor: RelayCursor, tag: string): AppliedSeqs | undefined {
  return Object.hasOwn(cursor.applied, tag) ? cursor.applied[tag] : undefined;
}

export function hasApplied(cursor: RelayCursor, tag: string, seq: number): boolean {
  const s = seqsOf(cursor, tag);
  return s !== undefined && (seq <= s.through || s.beyond.includes(seq));
}

/** The highest seq of `tag` below which everything was applied; 0 when none. */
export function appliedThrough(cursor: RelayCursor, tag: string): number {
  return seqsOf(cursor, tag)?.through ?? 0;
}

/** Sender tag → through, for every sender with something applied: what an acknowledgement and a snapshot name. */
export function appliedList(cursor: RelayCursor): Map<string, number> {
  const out = new Map<string, number>();
  for (const [tag, s] of Object.entries(cursor.applied)) if (s.through > 0) out.set(tag, s.through);
  return out;
}

function seqsFor(cursor: RelayCursor, tag: string): AppliedSeqs {
  const s = seqsOf(cursor, tag) ?? { through: 0, beyond: [] };
  cursor.applied[tag] = s;
  return s;
}

/** Moves `through` up over the seqs in `beyond` that now follow it, and drops those at or below it. */
function absorb(s: AppliedSeqs): void {
  const rest = new Set(s.beyond);
  while (rest.delete(s.through + 1)) s.through++;
  s.beyond = [...rest].filter((n) => n > s.through).toSorted((a, b) => a - b);
}

/** Marks update `seq` of `tag` applied. */
export function markApplied(cursor: RelayCursor, tag: string, seq: number): void {
  const s = seqsFor(cursor, tag);
  if (seq <= s.through || s.beyond.includes(seq)) return;
  if (seq === s.through + 1) {
    s.through = seq;
    absorb(s);
  } else if (s.beyond.length < MAX_BEYOND) {
    s.beyond = [...s.beyond, seq].toSorted((a, b) => a - b);
  }
}

/** Marks everything of each sender up to its seq applied: what applying a snapshot with that coverage does. */
export function markCovered(cursor: RelayCursor, coverage: ReadonlyMap<string, number>): void {
  for (const [tag, seq] of coverage) {
    const s = seqsFor(cursor, tag);
    if (seq > s.through) {
      s.through = seq;
      absorb(s);
    }
  }
}
