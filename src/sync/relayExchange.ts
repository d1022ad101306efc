// One exchange with a referat's relay mailbox (docs/RELAY.md): open what is new, apply what passes the checks a
// file's update passes, post what the relay lacks, acknowledge, and compact. No network, no storage: the caller
// gives the envelope replica, the referat and the cursor, and stores the cursor afterwards.
import * as Y from 'yjs';
import type { RelayAck } from '../core/relayAck';
import type { OpenedEntry } from '../core/relayEntry';
import { decodeOuter, MAX_ENTRY_BYTES } from '../core/relayEntryLayout';
import { acknowledge, compact, ENVELOPE_ENTRIES, postUpdate, readEnvelope, recordApplied } from '../core/relayEnvelope';
import type { RelayKeys } from '../core/relayKeys';
import type { RelayRefusalReason } from '../core/relayRefusal';
import type { RelaySnapshot } from '../core/relaySnapshot';
import type { RelayCursor } from '../core/relayCursor';
import type { Signer } from '../core/signature';
import { missingChanges } from '../core/stateVectors';
import type { ReceiverFacts } from './receiverFacts';
import type { RelayUpdateChecker } from './relayCheckInWorker';
import type { RelayCheckCode } from './relayUpdateCheck';

/** The transaction origin of what the relay applies to a referat: not posted back. */
export const RELAY_ORIGIN = 'relay';
/** Past this many update entries in the envelope, this device compacts after acknowledging. */
export const COMPACT_AFTER_ENTRIES = 200;

/** An entry that was not applied, by map and key (`<sender tag>/<seq>`), with the reason. */
export interface RelayEntryRefusal {
  key: string;
  reason: RelayRefusalReason | Exclude<RelayCheckCode, 'incomplete'>;
  detail: string;
}

export interface RelayExchangeInput {
  envelope: Y.Doc;
  doc: Y.Doc;
  docId: string;
  keys: RelayKeys;
  signer: Signer;
  cursor: RelayCursor;
  /** State vector of what this device's posted entries hold together; the result gives the new one. */
  posted: Uint8Array;
  /** What the receiving copy knows, for the authorship gate; taken just before the updates are checked. */
  facts: () => Promise<ReceiverFacts>;
  check: RelayUpdateChecker;
  now: number;
  /**
   * This device's own changes since its last post, merged (the relay session collects them from the referat's
   * updates). Posted instead of the diff against `posted` when it holds every change the relay lacks: a diff carries
   * the copy's whole delete set, which after a day of typing is most of every entry.
   */
  outgoing?: Uint8Array;
  /** The envelope's entry count right after this device last compacted (0: never): it compacts again only past it. */
  compactedAt?: number;
}

export interface RelayExchangeResult {
  posted: Uint8Array;
  /** Entries applied to the referat in this exchange (snapshots and updates). */
  applied: number;
  /** Entries posted (this device's changes, or what another member's acknowledgement shows it lacks). */
  sent: number;
  refused: RelayEntryRefusal[];
  /** Other members' verified acknowledgements, newest per member. */
  acks: RelayAck[];
  /** The entry count right after a compaction in this exchange, or null when it did not compact. */
  compactedAt: number | null;
}

/** Per client, the higher clock of two state vectors. */
function joinVectors(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const out = new Map(a);
  for (const [client, clock] of b) if (clock > (out.get(client) ?? 0)) out.set(client, clock);
  return out;
}

/** Per client, the clock after the last change an update holds (`encodeStateVectorFromUpdate` skips clients that do not start at 0). */
function endClocks(update: Uint8Array): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of Y.decodeUpdate(update).structs) {
    const end = s.id.clock + s.length;
    if (end > (out.get(s.id.client) ?? 0)) out.set(s.id.client, end);
  }
  return out;
}

/** This device's update seqs still in the envelope. */
function ownSeqsPresent(envelope: Y.Doc, self: string): number[] {
  return envelope.getArray<unknown>(ENVELOPE_ENTRIES).toArray().flatMap((bytes) => {
    const outer = bytes instanceof Uint8Array ? decodeOuter(bytes) : null;
    return outer?.ok && outer.value.kind === 'update' && outer.value.tag === self ? [outer.value.seq] : [];
  });
}

type Pending = { item: RelaySnapshot | OpenedEntry; update: Uint8Array; key: string };

async function checkOne(input: RelayExchangeInput, update: Uint8Array) {
  const facts = await input.facts();
  return input.check({
    message: update,
    state: Y.encodeStateAsUpdate(input.doc),
    facts: { ...facts, ownClients: [...new Set([...facts.ownClients, input.doc.clientID])] },
    expectedId: input.docId,
  });
}

/**
 * Applies what passes. A catch-up of many entries is checked first as one merged update (one worker); if that does
 * not pass, each entry is checked alone, again and again while something applies: one may build on another sender's.
 */
async function applyChecked(input: RelayExchangeInput, pending: Pending[], refused: RelayEntryRefusal[]): Promise<{ applied: number; received: Map<number, number> }> {
  let applied = 0;
  let received = new Map<number, number>();
  const take = (update: Uint8Array, items: readonly Pending[]) => {
    Y.applyUpdate(input.doc, update, RELAY_ORIGIN);
    for (const p of items) recordApplied(input.cursor, p.item);
    received = joinVectors(received, endClocks(update));
    applied += items.length;
  };
  if (pending.length > 1) {
    const merged = Y.mergeUpdates(pending.map((p) => p.update));
    if ((await checkOne(input, merged)).kind === 'pass') {
      take(merged, pending);
      return { applied, received };
    }
  }
  let waiting = pending;
  for (let progress = true; progress && waiting.length > 0; ) {
    progress = false;
    const next: Pending[] = [];
    for (const p of waiting) {
      const verdict = await checkOne(input, p.update);
      if (verdict.kind === 'pass') {
        take(p.update, [p]);
        progress = true;
      } else if (verdict.refusal.code === 'incomplete') {
        next.push(p);
      } else {
        refused.push({ key: p.key, reason: verdict.refusal.code, detail: verdict.refusal.detail });
      }
    }
    waiting = next;
  }
  return { applied, received };
}

/** Whether `update`'s structs (not its skips) cover, without a gap, every clock `mine` holds beyond `posted`. */
function coversGap(update: Uint8Array, mine: Map<number, number>, posted: Map<number, number>): boolean {
  const ranges = new Map<number, Array<[number, number]>>();
  for (const s of Y.decodeUpdate(update).structs) {
    if (s instanceof Y.Skip) continue;
    ranges.set(s.id.client, [...(ranges.get(s.id.client) ?? []), [s.id.clock, s.id.clock + s.length]]);
  }
  for (const [client, end] of mine) {
    let at = posted.get(client) ?? 0;
    for (const [from, to] of (ranges.get(client) ?? []).toSorted((a, b) => a[0] - b[0])) if (from <= at && to > at) at = to;
    if (at < end) return false;
  }
  return true;
}

/** The collected changes when they hold all the relay lacks of this copy, else the diff against what was posted. */
function outgoingUpdate(input: RelayExchangeInput, doc: Y.Doc, mine: Map<number, number>, posted: Map<number, number>): Uint8Array {
  if (input.outgoing && coversGap(input.outgoing, mine, posted)) return input.outgoing;
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(posted));
}

async function post(input: RelayExchangeInput, update: Uint8Array): Promise<boolean> {
  // An update over the entry limit cannot travel; the copy stays whole on this device and goes by file.
  if (update.byteLength + 512 > MAX_ENTRY_BYTES.update) return false;
  await postUpdate({ envelope: input.envelope, keys: input.keys, signer: input.signer, cursor: input.cursor, update, now: input.now });
  return true;
}

/** One exchange; the envelope must be in step with the relay's (Hocuspocus synced) for posts to mean anything. */
export async function exchangeWithRelay(input: RelayExchangeInput): Promise<RelayExchangeResult> {
  const { envelope, doc, keys, signer, cursor, now } = input;
  const read = await readEnvelope(envelope, keys, cursor);
  const refused: RelayEntryRefusal[] = read.refused.map((r) => ({ key: `${r.map}:${r.key}`, reason: r.reason, detail: r.detail }));
  const pending: Pending[] = [
    ...read.snapshots.map((s) => ({ item: s, update: s.update, key: `snapshots:${s.tag}` })),
    ...read.updates.map((u) => ({ item: u, update: u.body, key: `entries:${u.tag}/${u.seq}` })),
  ];
  const { applied, received } = await applyChecked(input, pending, refused);

  // What came from the relay is there already: only this device's own and other channels' changes go out.
  let posted = joinVectors(Y.decodeStateVector(input.posted), received);
  let sent = 0;
  const mine = Y.decodeStateVector(Y.encodeStateVector(doc));
  if (missingChanges(mine, posted) > 0 && (await post(input, outgoingUpdate(input, doc, mine, posted)))) {
    posted = joinVectors(posted, mine);
    sent++;
  }
  // A member that applied all this device posted and still lacks changes lost them (the relay lost its storage, or
  // a member deleted them): post what it lacks, once per acknowledgement.
  const others = read.acks.filter((a) => a.tag !== cursor.self);
  for (const ack of others) {
    const seen = ack.applied.get(cursor.self) ?? 0;
    const inFlight = ownSeqsPresent(envelope, cursor.self).some((seq) => seq > seen);
    if (!inFlight && missingChanges(mine, ack.stateVector) > 0 && (await post(input, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(ack.stateVector))))) sent++;
  }
  await acknowledge(envelope, keys, signer, cursor, Y.encodeStateVector(doc), now);
  // Past the limit, and past it again since this device's last compaction: a member that stays away holds entries
  // back, and a snapshot at every exchange would only resend the whole copy.
  let compactedAt: number | null = null;
  const count = envelope.getArray(ENVELOPE_ENTRIES).length;
  if (count > COMPACT_AFTER_ENTRIES && count - (input.compactedAt ?? 0) > COMPACT_AFTER_ENTRIES) {
    const whole = Y.encodeStateAsUpdate(doc);
    if (whole.byteLength + 1024 < MAX_ENTRY_BYTES.snapshot) {
      await compact({ envelope, keys, signer, cursor, update: whole, now });
      compactedAt = envelope.getArray(ENVELOPE_ENTRIES).length;
    }
  }
  return { posted: Y.encodeStateVector(posted), applied, sent, refused, acks: others, compactedAt };
}
