// Each shared referat's relay cursor on this device: what it posted and applied in the referat's mailbox. Read
// strictly: a row that is not what this app writes (a lying profile, an older mailbox) gives a fresh cursor.
import { MAX_BEYOND, newRelayCursor, type AppliedSeqs, type RelayCursor } from '../core/relayCursor';
import type { LibraryDatabase } from './libraryDatabase';

export interface StoredRelayCursor {
  cursor: RelayCursor;
  /** State vector of what this device's posted entries hold together (empty: nothing posted yet). */
  posted: Uint8Array;
}

const TAG = /^[A-Za-z0-9_-]{22}$/;
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;

function isRecordOf<T>(v: unknown, item: (x: unknown) => x is T): v is Record<string, T> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.entries(v).every(([k, x]) => TAG.test(k) && item(x));
}

function isApplied(v: unknown): v is AppliedSeqs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Partial<AppliedSeqs>;
  return isSeq(a.through) && Array.isArray(a.beyond) && a.beyond.length <= MAX_BEYOND && a.beyond.every(isSeq);
}

/** True for a cursor as `newRelayCursor` and the envelope functions make it, for sender tag `self`. */
export function isRelayCursor(v: unknown, self: string): v is RelayCursor {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Partial<RelayCursor>;
  const own = c.own as Partial<RelayCursor['own']> | undefined;
  return (
    c.self === self &&
    typeof own === 'object' && own !== null && isSeq(own.update) && isSeq(own.snapshot) && isSeq(own.ack) &&
    isRecordOf(c.applied, isApplied) && isRecordOf(c.snapshots, isSeq) && isRecordOf(c.acks, isSeq) &&
    typeof c.ackSummary === 'string' && /^([0-9a-f]{64})?$/.test(c.ackSummary)
  );
}

/** This device's cursor in `mailboxId` for a referat, or a fresh one (another mailbox, nothing stored, or junk). */
export async function loadRelayCursor(db: LibraryDatabase, docId: string, mailboxId: string, self: string): Promise<StoredRelayCursor> {
  const row = await db.relayCursors.get(docId);
  if (row && row.mailboxId === mailboxId && isRelayCursor(row.cursor, self) && row.posted instanceof Uint8Array) {
    return { cursor: structuredClone(row.cursor), posted: row.posted };
  }
  return { cursor: newRelayCursor(self), posted: new Uint8Array([0]) };
}

/** Stores the cursor, replacing the row of an earlier mailbox of the referat. */
export async function saveRelayCursor(db: LibraryDatabase, docId: string, mailboxId: string, stored: StoredRelayCursor, now = Date.now()): Promise<void> {
  await db.relayCursors.put({ docId, mailboxId, cursor: structuredClone(stored.cursor), posted: stored.posted, updatedAt: now });
}

/** Forgets a referat's cursor (deleted referat, room ended). */
export async function forgetRelayCursor(db: LibraryDatabase, docId: string): Promise<void> {
  await db.relayCursors.delete(docId);
}
