// Live presence through the relay: this device's own awareness state goes out signed and sealed in the relay's
// awareness; each other member's sealed state is opened, checked and applied to the live session's awareness, so
// names, carets and peer proofs work as over WebRTC while the relay reads none of it.
import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { parsePresence } from '../core/presence';
import { nextPresenceSeq, openPresence, presenceSeqTime, sealPresence } from '../core/relayPresence';
import type { RelayKeys } from '../core/relayKeys';
import type { Signer } from '../core/signature';
import type { RelayLink } from '../sync/relayConnection';

/** The origin of awareness changes this bridge applies; they are never sent back out. */
export const RELAY_PRESENCE_ORIGIN = Symbol('relay presence');
/** Own awareness changes are sent at most this often (a moving caret changes it on every key). */
const SEND_EVERY_MS = 150;
/** A presence whose seq says it was made further from this clock than this is a replay (or a wrong clock): ignored. */
const FRESH_MS = 10 * 60_000;

export interface RelayPresenceBridge {
  /** Other members whose presence arrived through the relay and are connected to it now. */
  peers(): number;
  onPeers(listener: () => void): () => void;
  stop(): void;
}

/** The one client's id and state in an awareness update that holds exactly one, or null. */
function soleState(update: Uint8Array): { client: number; state: unknown } | null {
  try {
    const d = decoding.createDecoder(update);
    if (decoding.readVarUint(d) !== 1) return null;
    const client = decoding.readVarUint(d);
    decoding.readVarUint(d);
    const state: unknown = JSON.parse(decoding.readVarString(d));
    return decoding.hasContent(d) ? null : { client, state };
  } catch {
    return null;
  }
}

/** A member may speak only for itself: a state must be a removal or a presence naming the key that signed it. */
function acceptedClient(update: Uint8Array, signer: string): number | null {
  const sole = soleState(update);
  if (sole === null) return null;
  if (sole.state === null) return sole.client;
  return parsePresence(sole.state)?.fingerprint === signer ? sole.client : null;
}

export function bridgePresence(input: { awareness: Awareness; link: RelayLink; keys: RelayKeys; signer: Signer; now: () => number }): RelayPresenceBridge {
  const { awareness, link, keys, signer, now } = input;
  let stopped = false;
  let lastSeq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = async () => {
    timer = null;
    if (stopped) return;
    lastSeq = nextPresenceSeq(now(), lastSeq);
    const sealed = await sealPresence({ keys, signer, seq: lastSeq, update: encodeAwarenessUpdate(awareness, [awareness.clientID]), now: now() });
    if (!stopped) link.setPresence(sealed);
  };
  const onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === RELAY_PRESENCE_ORIGIN || stopped) return;
    if (![...added, ...updated, ...removed].includes(awareness.clientID)) return;
    timer ??= setTimeout(() => void send(), SEND_EVERY_MS);
  };
  awareness.on('update', onUpdate);
  void send();

  // Per relay connection: the last sealed text read, its sender tag and seq, and the live client it speaks for.
  const seen = new Map<number, { text: unknown; tag: string; seq: number; client: number | null }>();
  const listeners = new Set<() => void>();
  let reading: Promise<void> = Promise.resolve();
  const read = async () => {
    const current = link.presences();
    let changed = false;
    for (const [relayId, text] of current) {
      const before = seen.get(relayId);
      if (before?.text === text) continue;
      const opened = await openPresence(text, keys, (tag) => (before && before.tag === tag ? before.seq : 0));
      if (stopped) return;
      const fresh = opened !== null && Math.abs(presenceSeqTime(opened.seq) - now()) <= FRESH_MS;
      const client = opened && fresh ? acceptedClient(opened.update, opened.fingerprint) : null;
      if (!opened || client === null || client === awareness.clientID) {
        seen.set(relayId, { text, tag: before?.tag ?? '', seq: before?.seq ?? 0, client: before?.client ?? null });
        continue;
      }
      applyAwarenessUpdate(awareness, opened.update, RELAY_PRESENCE_ORIGIN);
      seen.set(relayId, { text, tag: opened.tag, seq: opened.seq, client });
      changed = true;
    }
    for (const [relayId, s] of seen) {
      if (current.has(relayId)) continue;
      seen.delete(relayId);
      if (s.client !== null) removeAwarenessStates(awareness, [s.client], RELAY_PRESENCE_ORIGIN);
      changed = true;
    }
    if (changed) for (const l of listeners) l();
  };
  const offPresence = link.onPresence(() => {
    reading = reading.then(read).catch(() => undefined);
  });

  return {
    peers: () => [...seen.values()].filter((s) => s.client !== null && awareness.getStates().get(s.client) !== undefined).length,
    onPeers(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      awareness.off('update', onUpdate);
      offPresence();
      for (const s of seen.values()) if (s.client !== null) removeAwarenessStates(awareness, [s.client], RELAY_PRESENCE_ORIGIN);
      seen.clear();
      listeners.clear();
      link.setPresence(null);
    },
  };
}
