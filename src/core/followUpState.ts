// The `followUp` map: action items ticked done (or open again) from outside the referat's own editor, e.g. on
// Opfølgning or by closing a carried item in a later meeting. Kept outside the signed content (docs/FORMAT.md):
// an item's effective "done" is its entry here when there is one, else the body's `done` attribute.
import type * as Y from 'yjs';
import { FOLLOW_UP } from './docLayout';

/** One item's follow-up state: plain JSON, keyed by the action item's id. */
export interface FollowUpEntry {
  done: boolean;
  /** ISO 8601 time of the tick. */
  at: string;
  /** Key fingerprint of whoever ticked it, or '' when it was propagated from a later meeting. */
  by: string;
}

const MAX = 200;

export function followUpMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FOLLOW_UP);
}

/** A stored value as an entry, or null for anything a peer may have written that is not one. */
export function toFollowUpEntry(value: unknown): FollowUpEntry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  if (Object.getPrototypeOf(value) !== Object.prototype) return null; // Yjs types, byte arrays
  const { done, at, by } = value as Record<string, unknown>;
  if (typeof done !== 'boolean' || typeof at !== 'string' || typeof by !== 'string') return null;
  return { done, at: at.slice(0, MAX), by: by.slice(0, MAX) };
}

/** The well-formed entries by item id; malformed ones are skipped, never thrown on. */
export function readFollowUp(doc: Y.Doc): Map<string, FollowUpEntry> {
  const out = new Map<string, FollowUpEntry>();
  for (const [id, value] of followUpMap(doc).entries()) {
    const entry = toFollowUpEntry(value);
    if (entry) out.set(id, entry);
  }
  return out;
}

/** Writes an item's follow-up state (the caller checks that the item exists). */
export function writeFollowUp(doc: Y.Doc, itemId: string, entry: FollowUpEntry): void {
  followUpMap(doc).set(itemId, { done: entry.done, at: entry.at, by: entry.by });
}

/** Forgets an item's follow-up state, so the body's attribute counts again; a no-op when there is none. */
export function clearFollowUp(doc: Y.Doc, itemId: string): void {
  const m = followUpMap(doc);
  if (m.has(itemId)) m.delete(itemId);
}
