// A test client of the relay that holds a referat's sharing secret (from an invitation link): it connects to the
// mailbox with the token, as a hostile member could, and writes whatever it is given into the envelope.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { ENVELOPE_ENTRIES } from '../../../src/core/relayEnvelope';
import { deriveRelayKeys, type RelayKeys } from '../../../src/core/relayKeys';
import { parseInvitation, roomPassword } from '../../../src/session/invite';

export interface RelayTestClient {
  keys: RelayKeys;
  envelope: Y.Doc;
  /** Appends raw entries to the envelope and resolves once the relay has them. */
  push(entries: Uint8Array[]): Promise<void>;
  close(): void;
}

async function until(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`relay test client: ${what} did not happen in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `appUrl`: the app's base URL (the relay is at /relay on it); `link`: an invitation link of the referat. */
export async function relayTestClient(appUrl: string, link: string): Promise<RelayTestClient> {
  const parsed = parseInvitation(new URL(link).hash);
  if (!parsed.ok) throw new Error(`not an invitation link: ${parsed.reason}`);
  const keys = await deriveRelayKeys(roomPassword(parsed.invitation), parsed.invitation.docId);
  const envelope = new Y.Doc();
  const url = `${appUrl.replace(/^http/, 'ws').replace(/\/$/, '')}/relay`;
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: keys.mailboxId, document: envelope, token: keys.accessToken });
  provider.attach();
  await until(() => provider.isSynced, 'syncing the mailbox');
  return {
    keys,
    envelope,
    async push(entries) {
      envelope.getArray<Uint8Array>(ENVELOPE_ENTRIES).push(entries);
      await until(() => provider.unsyncedChanges === 0, 'delivering the entries');
    },
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}
