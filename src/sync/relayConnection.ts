// One connection to a referat's mailbox at the relay (docs/RELAY.md): Hocuspocus' provider syncing the envelope,
// reconnecting on its own. Loaded on demand; the envelope holds only ciphertext, so nothing here reads the referat.
import { originSocketUrl, type PageOrigin } from '../core/originSocketUrl';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type * as Y from 'yjs';

/**
 * `connecting`: no answer yet (or the relay went away and the provider tries again); `synced`: connected, let in,
 * and the envelope is in step with the relay's; `refused`: the relay would not let this device into the mailbox.
 */
export type RelayLinkState = 'connecting' | 'connected' | 'synced' | 'refused';

export interface RelayLink {
  state(): RelayLinkState;
  /** Called on every change of state; returns the unsubscribe. */
  onState(listener: (state: RelayLinkState) => void): () => void;
  /** Envelope changes the relay has not confirmed yet. */
  unsent(): number;
  /** The relay said this mailbox is full: it takes no more content until compaction makes room. */
  full(): boolean;
  /** Publishes this device's sealed presence in the relay's awareness (null: none). */
  setPresence(sealed: string | null): void;
  /** The sealed presence of every other connection to the mailbox now, by its awareness client id. */
  presences(): Map<number, unknown>;
  /** Called when another connection's presence arrives, changes or leaves; returns the unsubscribe. */
  onPresence(listener: () => void): () => void;
  destroy(): void;
}

/** The relay's address on the app's own origin: `wss:` under `https:`, `ws:` under `http:`, path `/relay`. */
export function relayUrlFor(location: PageOrigin): string {
  return originSocketUrl(location, '/relay');
}

/** The relay's notice that a mailbox refused a write for its size (server/relay.mjs, `refuseWrite`). */
function isFullNotice(payload: string): boolean {
  try {
    const notice: unknown = JSON.parse(payload);
    return typeof notice === 'object' && notice !== null && (notice as Record<string, unknown>).type === 'relay-refused' && (notice as Record<string, unknown>).reason === 'mailbox-full';
  } catch {
    return false;
  }
}

export function connectRelay(options: { url: string; mailboxId: string; token: string; envelope: Y.Doc }): RelayLink {
  let state: RelayLinkState = 'connecting';
  let full = false;
  const listeners = new Set<(s: RelayLinkState) => void>();
  const set = (next: RelayLinkState) => {
    if (next === state) return;
    state = next;
    for (const l of listeners) l(next);
  };
  // A relay that is down is tried again, a little less often each time, at most every 30 s.
  const socket = new HocuspocusProviderWebsocket({ url: options.url, delay: 1000, factor: 2, maxDelay: 30_000, maxAttempts: 0 });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.mailboxId,
    document: options.envelope,
    token: options.token,
    onStatus: ({ status }) => {
      if (status !== WebSocketStatus.Connected) set(state === 'refused' ? 'refused' : 'connecting');
      else if (state !== 'synced') set('connected');
    },
    onSynced: ({ state: synced }) => {
      if (synced) set('synced');
    },
    onAuthenticationFailed: () => set('refused'),
    onUnsyncedChanges: () => {
      // Everything confirmed: whatever was full has room again.
      if (provider.unsyncedChanges === 0) full = false;
      for (const l of listeners) l(state);
    },
    onStateless: ({ payload }) => {
      if (!isFullNotice(payload)) return;
      full = true;
      for (const l of listeners) l(state);
    },
  });
  provider.attach();
  const awareness = provider.awareness;
  const presenceListeners = new Set<() => void>();
  const onAwareness = () => {
    for (const l of presenceListeners) l();
  };
  awareness?.on('change', onAwareness);
  return {
    state: () => state,
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    unsent: () => provider.unsyncedChanges,
    full: () => full,
    setPresence(sealed) {
      awareness?.setLocalStateField('sealed', sealed);
    },
    presences() {
      const out = new Map<number, unknown>();
      for (const [id, other] of awareness?.getStates() ?? []) {
        if (id !== awareness?.clientID && typeof other === 'object' && other !== null) out.set(id, (other as Record<string, unknown>).sealed);
      }
      return out;
    },
    onPresence(listener) {
      presenceListeners.add(listener);
      return () => presenceListeners.delete(listener);
    },
    destroy() {
      awareness?.off('change', onAwareness);
      presenceListeners.clear();
      listeners.clear();
      provider.destroy();
      socket.destroy();
    },
  };
}
