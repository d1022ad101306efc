// Test tooling: a member's device in Node, on the app's own relay code: the keys from the sharing secret
// (relayKeys.ts), the provider link (relayConnection.ts) and the exchange (relayExchange.ts) with the check the worker
// runs (relayUpdateCheck.ts), as src/session/relaySession.ts drives them, without a database.
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { checkClaims } from '../../../src/core/clientClaims';
import { keyFingerprint } from '../../../src/core/fingerprint';
import { newRelayCursor, type RelayCursor } from '../../../src/core/relayCursor';
import { MAX_ENTRY_BYTES } from '../../../src/core/relayEntryLayout';
import { deriveRelayKeys, fingerprintBytes, senderTag, type RelayKeys } from '../../../src/core/relayKeys';
import { receiverFacts } from '../../../src/sync/receiverFacts';
import { connectRelay, type RelayLink } from '../../../src/sync/relayConnection';
import { exchangeWithRelay } from '../../../src/sync/relayExchange';
import { checkRelayUpdate } from '../../../src/sync/relayUpdateCheck';
import { createTestSigner, type TestSigner } from '../../../src/testSupport/testSigner';
import { body, paragraph } from '../../../src/testSupport/yBody';

export interface RelayMember {
  doc: Y.Doc;
  keys: RelayKeys;
  link: RelayLink;
  /** Types a paragraph into the referat, as the editor would. */
  type(words: string): void;
  /** One exchange when the link is in step with the relay, as relaySession.ts runs it; nothing otherwise. */
  exchange(): Promise<void>;
  /** Entries refused so far, as `<key> <reason>`. */
  refused: string[];
  destroy(): void;
}

// The provider opens its socket with the global WebSocket, which Node 20 lacks: `ws` stands in, as a browser's would.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

export async function relayMember(options: { url: string; secret: string; docId: string; doc: Y.Doc; now: () => number }): Promise<RelayMember> {
  const signer: TestSigner = await createTestSigner('Ed25519');
  const fingerprint = await keyFingerprint(signer.publicKey);
  const keys = await deriveRelayKeys(options.secret, options.docId);
  const cursor: RelayCursor = newRelayCursor(await senderTag(keys, fingerprintBytes(fingerprint) as Uint8Array));
  const envelope = new Y.Doc();
  const link = connectRelay({ url: options.url, mailboxId: keys.mailboxId, token: keys.accessToken, envelope });
  let posted = new Uint8Array([0]);
  const refused: string[] = [];
  let running: Promise<void> | null = null;
  const run = async () => {
    if (link.state() !== 'synced') return;
    const result = await exchangeWithRelay({
      envelope,
      doc: options.doc,
      docId: options.docId,
      keys,
      signer,
      cursor,
      posted,
      facts: async () => receiverFacts(options.doc, await checkClaims(options.doc), fingerprint),
      check: (input) => Promise.resolve(checkRelayUpdate({ ...input, maxMessageBytes: MAX_ENTRY_BYTES.snapshot })),
      now: options.now(),
    });
    posted = new Uint8Array(result.posted);
    refused.push(...result.refused.map((r) => `${r.key} ${r.reason}`));
  };
  return {
    doc: options.doc,
    keys,
    link,
    refused,
    type(words) {
      const b = body(options.doc);
      b.insert(b.length, [paragraph(words)]);
    },
    exchange() {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    destroy() {
      link.destroy();
      envelope.destroy();
    },
  };
}
