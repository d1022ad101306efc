// Test tooling for the relay: a Hocuspocus provider over `ws` (optionally with an Origin), raw Hocuspocus frames, and
// waiting for a provider's events.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';

export interface RelayClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Stateless messages the relay sent (its notices). */
  notices: string[];
  /** The reason of each refused authentication. */
  refusals: string[];
  /** Unsynced changes as last reported: 0 once the relay has taken every write. */
  unsynced: () => number;
  destroy: () => void;
}

/** Resolves once `check` holds, polling; rejects with `what` after the timeout. */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A provider for one mailbox on its own socket. */
export function connectRelay(url: string, mailboxId: string, token: string, options: { origin?: string } = {}): RelayClient {
  const origin = options.origin;
  const Polyfill =
    origin === undefined
      ? WebSocket
      : class extends WebSocket {
          constructor(address: string) {
            super(address, { origin });
          }
        };
  // One attempt, started by hand so that a refused handshake rejects where the test can ignore it.
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Polyfill, maxAttempts: 1, autoConnect: false });
  const doc = new Y.Doc();
  const notices: string[] = [];
  const refusals: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: mailboxId,
    token,
    document: doc,
    onStateless: ({ payload }) => notices.push(payload),
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
  });
  provider.attach();
  socket.connect().catch(() => {});
  return {
    doc,
    provider,
    notices,
    refusals,
    unsynced: () => provider.unsyncedChanges,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** A Hocuspocus message as a provider sends it: the mailbox, the type, then `write` adds the rest. */
export function frame(mailboxId: string, type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, mailboxId);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** 32 random bytes as base64url: a mailbox id or an access key as the client would make them. */
export function randomKey(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}
