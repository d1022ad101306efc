// When the changes another party lacks began, read from moments this device knows the state of its copy at
// (automatic versions, updates seen while the referat is open): the first such moment their state does not cover.
import type { StateVector } from './stateVectors';

export interface KnownState {
  /** When the copy held this state (ms since 1970). */
  at: number;
  sv: StateVector;
}

/** True when `theirs` holds everything `sv` names. */
export function covers(theirs: StateVector, sv: StateVector): boolean {
  for (const [client, clock] of sv) if ((theirs.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * The time of the earliest known state holding a change `theirs` lacks, or null when no known state does (the
 * changes they lack are newer than every moment recorded). A change is at most that old, and newer than the state
 * recorded before it.
 */
export function missingSince(states: readonly KnownState[], theirs: StateVector): number | null {
  let first: number | null = null;
  for (const s of states) if (!covers(theirs, s.sv) && (first === null || s.at < first)) first = s.at;
  return first;
}
