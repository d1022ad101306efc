// The envelope: the Y.Doc a relay stores per mailbox and merges without reading it (docs/RELAY.md, "Envelope").
import * as Y from 'yjs';
import { ackHoldsAll, openAck, sealAck, type RelayAck } from './relayAck';
import { appliedList, appliedThrough, hasApplied, markApplied, markCovered, type RelayCursor } from './relayCursor';
import { openEntry, sealEntry, type OpenedEntry } from './relayEntry';
import { decodeOuter } from './relayEntryLayout';
import type { RelayKeys } from './relayKeys';
import { refuse, type RelayRefusal, type RelayRefusalReason } from './relayRefusal';
import { coversAll, openSnapshot, sealSnapshot, type RelaySnapshot } from './relaySnapshot';
import { encodeSeqList } from './relaySeqList';
import { sha256Hex } from './sha256';
import type { Signer } from './signature';
import type { StateVector } from './stateVectors';

/** The envelope's three types: an array of update entries, and maps of acknowledgements and snapshots by sender tag. */
export const ENVELOPE_ENTRIES = 'entries';
export const ENVELOPE_ACKS = 'acks';
export const ENVELOPE_SNAPSHOTS = 'snapshots';
export type EnvelopeMapName = typeof ENVELOPE_ENTRIES | typeof ENVELOPE_ACKS | typeof ENVELOPE_SNAPSHOTS;

/** At most this many updates are opened per read; the rest wait for the next read. */
export const DEFAULT_READ_LIMIT = 5000;
/** A member whose newest acknowledgement is older than this no longer holds compaction back; the snapshot serves it. */
export const DEFAULT_STALE_AFTER_MS = 30 * 86_400_000;
const MAX_GAPS = 100;

const TAG = /^[A-Za-z0-9_-]{22}$/;

/** How reports name an entry: `<sender tag>/<seq>` from its frame, or `#<index>` when the frame is unreadable. */
export function entryKey(tag: string, seq: number): string {
  return `${tag}/${seq}`;
}

function maps(envelope: Y.Doc) {
  return {
    entries: envelope.getArray<unknown>(ENVELOPE_ENTRIES),
    acks: envelope.getMap<unknown>(ENVELOPE_ACKS),
    snapshots: envelope.getMap<unknown>(ENVELOPE_SNAPSHOTS),
  };
}

/** Each entry of the array with its frame's sender tag and seq (null when the frame is unreadable). */
function framedEntries(envelope: Y.Doc): Array<{ index: number; bytes: unknown; frame: { tag: string; seq: number } | null }> {
  return maps(envelope).entries.toArray().map((bytes, index) => {
    const outer = bytes instanceof Uint8Array ? decodeOuter(bytes) : null;
    const frame = outer?.ok && outer.value.kind === 'update' ? { tag: outer.value.tag, seq: outer.value.seq } : null;
    return { index, bytes, frame };
  });
}

function holds(envelope: Y.Doc, tag: string, seq: number): boolean {
  return framedEntries(envelope).some((e) => e.frame?.tag === tag && e.frame.seq === seq);
}

/**
 * Appends an update entry. Entries are never changed in place: one whose sender and seq are already there is left
 * out (`exists`). Only the frame is read, so this is what a relay-side check could do too.
 */
export function postEntry(envelope: Y.Doc, bytes: Uint8Array): 'posted' | 'exists' | RelayRefusal {
  const outer = decodeOuter(bytes);
  if (!outer.ok) return refuse('malformed', `the entry frame ${outer.detail}`);
  if (outer.value.kind !== 'update') return refuse('malformed', `a ${outer.value.kind} is not posted as an entry`);
  if (holds(envelope, outer.value.tag, outer.value.seq)) return 'exists';
  maps(envelope).entries.push([bytes]);
  return 'posted';
}

export interface PostInput {
  envelope: Y.Doc;
  keys: RelayKeys;
  signer: Signer;
  cursor: RelayCursor;
  /** One Yjs update (v1) of the referat, as this device made it. */
  update: Uint8Array;
  now: number;
}

/** Seals `update` under this device's next seq and posts it; returns its key. The cursor counts it as applied. */
export async function postUpdate(input: PostInput): Promise<string> {
  const { envelope, keys, signer, cursor } = input;
  // A cursor restored from an older state may lag the envelope: never reuse a seq that is taken.
  const taken = new Set(framedEntries(envelope).flatMap((e) => (e.frame?.tag === cursor.self ? [e.frame.seq] : [])));
  let seq = cursor.own.update + 1;
  while (taken.has(seq)) seq++;
  const bytes = await sealEntry({ keys, signer, kind: 'update', seq, body: input.update, now: input.now });
  const posted = postEntry(envelope, bytes);
  if (posted !== 'posted') throw new Error(`Could not post relay entry ${seq}`);
  cursor.own.update = seq;
  markApplied(cursor, cursor.self, seq);
  return entryKey(cursor.self, seq);
}

export interface EnvelopeRefusal {
  map: EnvelopeMapName;
  key: string;
  reason: RelayRefusalReason;
  detail: string;
}

/** Seqs of one sender that the envelope shows existed but that neither an entry, a snapshot nor this device holds. */
export interface EnvelopeGap {
  tag: string;
  from: number;
  to: number;
}

export interface EnvelopeRead {
  /** Snapshots that verified and are newer than this device saw from their maker: apply these first. */
  snapshots: RelaySnapshot[];
  /** Updates that verified and that this device has not applied, by sender and seq. */
  updates: OpenedEntry[];
  /** Every acknowledgement that verified (this device's own included), newest per acker. */
  acks: RelayAck[];
  /** Everything refused, by map and key, with the reason: reported, never applied. */
  refused: EnvelopeRefusal[];
  /** What is missing (deleted by a member, lost by the relay): its sender re-posts it when it reads the acks. */
  gaps: EnvelopeGap[];
}

function seqOfFrame(bytes: unknown): number | null {
  if (!(bytes instanceof Uint8Array)) return null;
  const outer = decodeOuter(bytes);
  return outer.ok ? outer.value.seq : null;
}

async function readAcks(envelope: Y.Doc, keys: RelayKeys, cursor: RelayCursor, refused: EnvelopeRefusal[]): Promise<RelayAck[]> {
  const acks: RelayAck[] = [];
  for (const [tag, bytes] of maps(envelope).acks) {
    if (!TAG.test(tag)) {
      refused.push({ map: ENVELOPE_ACKS, key: tag, reason: 'malformed', detail: 'not a sender tag' });
      continue;
    }
    // The same acknowledgement again is fine; an older one is a replay.
    const seen = Object.hasOwn(cursor.acks, tag) ? (cursor.acks[tag] as number) : 0;
    const ack = await openAck(bytes, keys, { tag, after: seen - 1 });
    if (!ack.ok) {
      refused.push({ map: ENVELOPE_ACKS, key: tag, reason: ack.reason, detail: ack.detail });
      continue;
    }
    cursor.acks[tag] = ack.seq;
    acks.push(ack);
  }
  return acks;
}

async function readSnapshots(envelope: Y.Doc, keys: RelayKeys, cursor: RelayCursor, refused: EnvelopeRefusal[]): Promise<RelaySnapshot[]> {
  const out: RelaySnapshot[] = [];
  for (const [tag, bytes] of maps(envelope).snapshots) {
    const seen = Object.hasOwn(cursor.snapshots, tag) ? (cursor.snapshots[tag] as number) : 0;
    if (TAG.test(tag) && seqOfFrame(bytes) === seen) continue;
    const snapshot = TAG.test(tag)
      ? await openSnapshot(bytes, keys, { tag, after: seen })
      : refuse('malformed', 'not a sender tag');
    if (snapshot.ok) out.push(snapshot);
    else refused.push({ map: ENVELOPE_SNAPSHOTS, key: tag, reason: snapshot.reason, detail: snapshot.detail });
  }
  return out;
}

/** Seq ranges above what this device applied that no present entry, snapshot or applied seq accounts for. */
function findGaps(
  cursor: RelayCursor,
  highest: ReadonlyMap<string, number>,
  present: ReadonlyMap<string, readonly number[]>,
  covered: ReadonlyMap<string, number>,
): EnvelopeGap[] {
  const gaps: EnvelopeGap[] = [];
  for (const [tag, top] of highest) {
    if (tag === cursor.self) continue;
    let reached = Math.max(appliedThrough(cursor, tag), covered.get(tag) ?? 0);
    const held = [...(present.get(tag) ?? []), ...(cursor.applied[tag]?.beyond ?? [])].toSorted((a, b) => a - b);
    for (const seq of [...held, top + 1]) {
      if (seq > reached + 1 && gaps.length < MAX_GAPS) gaps.push({ tag, from: reached + 1, to: Math.min(seq - 1, top) });
      reached = Math.max(reached, seq);
    }
  }
  return gaps;
}

function raise(map: Map<string, number>, tag: string, seq: number): void {
  if (seq > (map.get(tag) ?? 0)) map.set(tag, seq);
}

/**
 * Opens what is new for this device: acknowledgements (recorded in the cursor at once), snapshots, then updates it
 * has not applied. Nothing is applied here: the caller applies each snapshot's `update` and each update's `body`
 * through the checked path, and calls `recordApplied` for each that went in. Never throws on what the envelope holds.
 */
export async function readEnvelope(
  envelope: Y.Doc,
  keys: RelayKeys,
  cursor: RelayCursor,
  options: { limit?: number } = {},
): Promise<EnvelopeRead> {
  const refused: EnvelopeRefusal[] = [];
  const acks = await readAcks(envelope, keys, cursor, refused);
  const snapshots = await readSnapshots(envelope, keys, cursor, refused);

  const listed: Array<{ key: string; tag: string; seq: number; bytes: unknown }> = [];
  const highest = new Map<string, number>();
  for (const { index, bytes, frame } of framedEntries(envelope)) {
    if (frame === null) {
      const opened = await openEntry(bytes, keys, { kind: 'update' });
      const reason = opened.ok ? refuse('malformed', 'not an update entry') : opened;
      refused.push({ map: ENVELOPE_ENTRIES, key: `#${index}`, reason: reason.reason, detail: reason.detail });
      continue;
    }
    if (!hasApplied(cursor, frame.tag, frame.seq)) listed.push({ key: entryKey(frame.tag, frame.seq), ...frame, bytes });
  }
  listed.sort((a, b) => (a.tag === b.tag ? a.seq - b.seq : a.tag < b.tag ? -1 : 1));

  const limit = options.limit ?? DEFAULT_READ_LIMIT;
  const updates: OpenedEntry[] = [];
  const accepted = new Set<string>();
  const present = new Map<string, number[]>();
  for (const [i, item] of listed.entries()) {
    // A second copy of an entry already taken in this read is not news, whoever put it there.
    if (accepted.has(item.key)) continue;
    // Past the limit an entry is not opened yet, but it is there: no gap.
    const opened = i < limit ? await openEntry(item.bytes, keys, { kind: 'update', tag: item.tag, seq: item.seq }) : null;
    if (opened !== null && !opened.ok) {
      refused.push({ map: ENVELOPE_ENTRIES, key: item.key, reason: opened.reason, detail: opened.detail });
      continue;
    }
    if (opened !== null) {
      updates.push(opened);
      accepted.add(item.key);
    }
    // Only what verified (or waits past the limit) counts as there; a refused frame names seqs nobody may have posted.
    present.set(item.tag, [...(present.get(item.tag) ?? []), item.seq]);
    raise(highest, item.tag, item.seq);
  }

  const covered = new Map<string, number>();
  for (const s of snapshots) for (const [tag, seq] of s.covers) raise(covered, tag, seq);
  // What a sender says of its own posts (its acknowledgement and snapshot, signed by its key) shows a deleted tail.
  // Others' claims about it are not used: a hostile member could name seqs nobody posted.
  for (const a of acks) raise(highest, a.tag, a.applied.get(a.tag) ?? 0);
  for (const s of snapshots) raise(highest, s.tag, s.covers.get(s.tag) ?? 0);

  // A device whose cursor lagged (restored, reinstalled) learns its own last seqs from what it signed itself.
  const ownAck = acks.find((a) => a.tag === cursor.self);
  const ownPosts = [
    ...updates.filter((u) => u.tag === cursor.self).map((u) => u.seq),
    ownAck?.applied.get(cursor.self) ?? 0,
    ...snapshots.filter((x) => x.tag === cursor.self).map((x) => x.covers.get(cursor.self) ?? 0),
  ];
  cursor.own.update = Math.max(cursor.own.update, ...ownPosts);
  if (ownAck) cursor.own.ack = Math.max(cursor.own.ack, ownAck.seq);

  return { snapshots, updates, acks, refused, gaps: findGaps(cursor, highest, present, covered) };
}

/** Records in the cursor a snapshot or update the caller has applied to its referat. */
export function recordApplied(cursor: RelayCursor, item: RelaySnapshot | OpenedEntry): void {
  if (item.kind === 'snapshot' && 'covers' in item) {
    markCovered(cursor, item.covers);
    cursor.snapshots[item.tag] = Math.max(cursor.snapshots[item.tag] ?? 0, item.seq);
    cursor.own.snapshot = item.tag === cursor.self ? Math.max(cursor.own.snapshot, item.seq) : cursor.own.snapshot;
  } else if (item.kind === 'update') {
    markApplied(cursor, item.tag, item.seq);
  }
}

/**
 * Writes this device's signed acknowledgement of what it applied, replacing its previous one. When nothing changed
 * since that one and it is still there, it is returned as it is: every overwrite leaves a small tombstone.
 */
export async function acknowledge(
  envelope: Y.Doc,
  keys: RelayKeys,
  signer: Signer,
  cursor: RelayCursor,
  stateVector: Uint8Array,
  now: number,
): Promise<RelayAck> {
  const applied = appliedList(cursor);
  const summary = sha256Hex(encodeSeqList(applied, stateVector));
  const { acks } = maps(envelope);
  if (summary === cursor.ackSummary) {
    const current = await openAck(acks.get(cursor.self), keys, { tag: cursor.self, after: cursor.own.ack - 1 });
    if (current.ok) return current;
  }
  const seq = cursor.own.ack + 1;
  const bytes = await sealAck({ keys, signer, seq, applied, stateVector, now });
  const ack = await openAck(bytes, keys);
  if (!ack.ok) throw new Error(`This device's own acknowledgement does not verify: ${ack.detail}`);
  acks.set(cursor.self, bytes);
  cursor.own.ack = seq;
  cursor.acks[cursor.self] = seq;
  cursor.ackSummary = summary;
  return ack;
}

/** `update` is `Y.encodeStateAsUpdate(referat)` here: this device's whole copy, holding all its cursor says it applied. */
export interface CompactInput extends PostInput {
  staleAfterMs?: number;
}

export interface CompactResult {
  removedEntries: number;
  removedSnapshots: number;
  /** The acknowledgements that counted: every member heard from within `staleAfterMs`. */
  members: string[];
}

/**
 * Posts this device's snapshot, covering every update seq it applied, then removes in the same transaction the
 * entries that snapshot covers and that every member's current acknowledgement has applied, and the other
 * snapshots it covers or that do not verify. Entries are removed only on the strength of this device's own
 * snapshot, never another's claim.
 */
export async function compact(input: CompactInput): Promise<CompactResult> {
  const { envelope, keys, signer, cursor, now } = input;
  const refused: EnvelopeRefusal[] = [];
  const staleBefore = now - (input.staleAfterMs ?? DEFAULT_STALE_AFTER_MS);
  const members = (await readAcks(envelope, keys, cursor, refused)).filter((a) => a.tag !== cursor.self && a.createdAt >= staleBefore);
  const covers = appliedList(cursor);
  const seq = cursor.own.snapshot + 1;
  const bytes = await sealSnapshot({ keys, signer, seq, covers, update: input.update, now });

  const { entries, snapshots } = maps(envelope);
  const staleSnapshots: string[] = [];
  for (const [tag, other] of snapshots) {
    if (tag === cursor.self) continue;
    const s = await openSnapshot(other, keys, { tag });
    if (!s.ok || coversAll(covers, s.covers)) staleSnapshots.push(tag);
  }
  // Covered and acknowledged by every member, or not an update entry at all (junk a member wrote).
  const removable = framedEntries(envelope)
    .filter(({ frame }) => {
      if (frame === null) return true;
      if (frame.seq > (covers.get(frame.tag) ?? 0)) return false;
      return members.every((m) => (m.applied.get(frame.tag) ?? 0) >= frame.seq);
    })
    .map((e) => e.index);
  envelope.transact(() => {
    snapshots.set(cursor.self, bytes);
    // From the end, so the indices still hold; neighbours in one call, so the deleted run stays one struct.
    for (let i = removable.length - 1; i >= 0; ) {
      let start = i;
      while (start > 0 && removable[start - 1] === (removable[start] as number) - 1) start--;
      entries.delete(removable[start] as number, i - start + 1);
      i = start - 1;
    }
    for (const tag of staleSnapshots) snapshots.delete(tag);
  });
  cursor.own.snapshot = seq;
  cursor.snapshots[cursor.self] = seq;
  return { removedEntries: removable.length, removedSnapshots: staleSnapshots.length, members: members.map((m) => m.tag) };
}

/** The members whose newest acknowledgement shows every change `mine` holds: candidates for "Fuld kopi (via relæ)". */
export function membersHoldingAll(acks: readonly RelayAck[], mine: StateVector): RelayAck[] {
  return acks.filter((a) => ackHoldsAll(a, mine));
}
