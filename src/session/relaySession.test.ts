import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bodyText } from '../core/bodyText';
import { keyFingerprint } from '../core/fingerprint';
import { initReferat } from '../core/initReferat';
import { MAX_ENTRY_BYTES } from '../core/relayEntryLayout';
import { bodyFragment, newReferatDoc } from '../core/referatDoc';
import { STANDARD_TEMPLATE } from '../core/templates';
import { ledgerFor } from '../storage/copyLedger';
import { createLibraryDatabase } from '../storage/libraryDatabase';
import type { RelayUpdateChecker } from '../sync/relayCheckInWorker';
import type { RelayLink, RelayLinkState } from '../sync/relayConnection';
import { checkRelayUpdate } from '../sync/relayUpdateCheck';
import { createTestSigner } from '../testSupport/testSigner';
import { newInvitation } from './invite';
import type { LocalIdentity } from './localIdentity';
import type { ReferatSession } from './referatSession';
import { startRelaySession, type RelaySession } from './relaySession';

const DOC = '6f1c2b1e-0000-4000-8000-0000000000aa';
const invitation = newInvitation(DOC);

/** The relay's copy of the mailbox, and links to it that a test opens and closes by hand. */
function fakeRelay() {
  const relay = new Y.Doc();
  const links: Array<{ set(s: RelayLinkState): void }> = [];
  const connect = ({ envelope }: { envelope: Y.Doc }): RelayLink => {
    let state: RelayLinkState = 'connecting';
    const listeners = new Set<(s: RelayLinkState) => void>();
    const origin = {};
    const up = (u: Uint8Array, o: unknown) => {
      if (state === 'synced' && o !== origin) Y.applyUpdate(relay, u, origin);
    };
    const down = (u: Uint8Array, o: unknown) => {
      if (state === 'synced' && o !== origin) Y.applyUpdate(envelope, u, origin);
    };
    envelope.on('update', up);
    relay.on('update', down);
    const link = {
      set(s: RelayLinkState) {
        state = s;
        if (s === 'synced') {
          Y.applyUpdate(relay, Y.encodeStateAsUpdate(envelope), origin);
          Y.applyUpdate(envelope, Y.encodeStateAsUpdate(relay), origin);
        }
        for (const l of listeners) l(s);
      },
    };
    links.push(link);
    return {
      state: () => state,
      onState: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      unsent: () => 0,
      destroy: () => {
        envelope.off('update', up);
        relay.off('update', down);
      },
    };
  };
  return { relay, links, connect };
}

const running: RelaySession[] = [];
afterEach(() => {
  for (const r of running.splice(0)) r.stop();
});

async function device(doc: Y.Doc, relay: ReturnType<typeof fakeRelay>) {
  const db = createLibraryDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  const signer = await createTestSigner('Ed25519');
  const fingerprint = await keyFingerprint(signer.publicKey);
  const local = { identity: signer, me: { name: 'x', organisation: 'y', organisationKind: 'kommune', fingerprint, publicKey: signer.publicKey } } as unknown as LocalIdentity;
  const session = { id: DOC, doc, reindex: () => Promise.resolve() } as unknown as ReferatSession;
  const check: RelayUpdateChecker = (input) => Promise.resolve(checkRelayUpdate({ ...input, maxMessageBytes: MAX_ENTRY_BYTES.snapshot }));
  const relaySession = await startRelaySession(db, session, invitation, local, { url: 'ws://relay.test/relay', connect: relay.connect, check });
  running.push(relaySession);
  return { db, doc, fingerprint, relay: relaySession, link: relay.links.at(-1) as { set(s: RelayLinkState): void } };
}

function clerkDoc(): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id: DOC, title: 'Styregruppemøde', date: '2026-03-04', createdAt: '2026-03-04T10:00:00Z', template: STANDARD_TEMPLATE, creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' } });
  return doc;
}

function type(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  bodyFragment(doc).push([p]);
}

describe('the relay session of an open referat', () => {
  it('lets editing go on while the relay is away, sends when it answers, keeps the cursor, and records the other device’s acknowledgement in the ledger', async () => {
    const relay = fakeRelay();
    const clerk = await device(clerkDoc(), relay);
    type(clerk.doc, 'Skrevet uden forbindelse.');
    expect(clerk.relay.status()).toMatchObject({ link: 'connecting', waiting: true });
    await clerk.relay.exchange();
    expect(relay.relay.getArray('entries').length).toBe(0);

    clerk.link.set('synced');
    await vi.waitFor(() => expect(clerk.relay.status()).toMatchObject({ link: 'synced', waiting: false }));
    expect(relay.relay.getArray('entries').length).toBe(1);
    const row = await clerk.db.relayCursors.get(DOC);
    expect(row?.cursor).toMatchObject({ own: { update: 1, ack: 1 } });

    // The vendor, on another day, with the clerk's link closed.
    clerk.link.set('connecting');
    const vendor = await device(newReferatDoc(), relay);
    vendor.link.set('synced');
    await vi.waitFor(() => expect(bodyText(vendor.doc)).toContain('Skrevet uden forbindelse.'));
    await vi.waitFor(() => expect(vendor.relay.status().received).toBe(1));
    expect(await ledgerFor(vendor.db, DOC)).toHaveLength(1);

    // The clerk comes back: the vendor's signed acknowledgement shows it holds everything.
    clerk.link.set('synced');
    await vi.waitFor(async () => {
      const rows = await ledgerFor(clerk.db, DOC);
      expect(rows).toMatchObject([{ partyId: vendor.fingerprint, heldVia: 'relay', heldChannel: 'live' }]);
      expect(rows[0]?.heldStateVector).toEqual(Y.encodeStateVector(clerk.doc));
    });
  });
});
