// Presence through the relay (docs/RELAY.md, "Live through the relay"): a device's awareness update, signed and
// sealed as a `presence` record, carried in the relay's awareness so the relay forwards it without reading it.
import { base64ToBytes, bytesToBase64 } from './base64';
import { openEntry, sealEntry } from './relayEntry';
import { MAX_ENTRY_BYTES } from './relayEntryLayout';
import type { RelayKeys } from './relayKeys';
import type { Signer } from './signature';

/** The seq of a presence record counts tenths of a second from this moment, so a page opened later starts higher. */
const PRESENCE_EPOCH_MS = Date.UTC(2026, 0, 1);

/** When a presence with this seq was made, by the sender's clock (ms since 1970). */
export function presenceSeqTime(seq: number): number {
  return PRESENCE_EPOCH_MS + seq * 100;
}

/** The next presence seq: never below the clock's, always above the last one this page sent. */
export function nextPresenceSeq(now: number, last: number): number {
  return Math.max(last + 1, Math.floor((now - PRESENCE_EPOCH_MS) / 100), 1);
}

/** Seals an awareness update as base64 text for the relay's awareness state. */
export async function sealPresence(input: { keys: RelayKeys; signer: Signer; seq: number; update: Uint8Array; now: number }): Promise<string> {
  return bytesToBase64(await sealEntry({ keys: input.keys, signer: input.signer, kind: 'presence', seq: input.seq, body: input.update, now: input.now }));
}

export interface OpenedPresence {
  /** The sender's pseudonym in the mailbox; its seq must grow. */
  tag: string;
  seq: number;
  /** The fingerprint of the key that signed it. */
  fingerprint: string;
  update: Uint8Array;
}

/** Opens a sealed presence, or null for anything that is not one (wrong key, kind, signature, size or a stale seq). */
export async function openPresence(text: unknown, keys: RelayKeys, lastSeq: (tag: string) => number): Promise<OpenedPresence | null> {
  if (typeof text !== 'string' || text.length > (MAX_ENTRY_BYTES.presence * 4) / 3 + 4) return null;
  const bytes = base64ToBytes(text);
  if (!bytes) return null;
  const opened = await openEntry(bytes, keys, { kind: 'presence' });
  if (!opened.ok || opened.seq <= lastSeq(opened.tag)) return null;
  return { tag: opened.tag, seq: opened.seq, fingerprint: opened.fingerprint, update: opened.body };
}
