import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Awareness } from 'y-protocols/awareness';
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
  // The relay's awareness: each link's sealed presence, forwarded to every other link that is connected.
  const presence = new Map<number, unknown>();
  const presenceListeners = new Set<() => void>();
  const presenceChanged = () => {
    for (const l of presenceListeners) l();
  };
  const connect = ({ envelope }: { envelope: Y.Doc }): RelayLink => {
    const linkId = links.length + 1;
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
      full: () => false,
      setPresence: (sealed) => {
        if (sealed === null) presence.delete(linkId);
        else presence.set(linkId, sealed);
        presenceChanged();
      },
      presences: () => new Map([...presence].filter(([id]) => id !== linkId && state === 'synced')),
      onPresence: (l) => {
        presenceListeners.add(l);
        return () => presenceListeners.delete(l);
      },
      destroy: () => {
        presence.delete(linkId);
        presenceChanged();
        envelope.off('update', up);
        relay.off('update', down);
      },
    };
  };
  return { relay, links, connect, presence, presenceChanged };
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

function presenceOf(fingerprint: string, name: string) {
  return { name, organisation: 'Aarhus Kommune', organisationKind: 'kommune', fingerprint, color: '#1f4e79', stateVector: '' };
}

describe('live through the relay', () => {
  it('carries each member’s own presence, sealed, into the other’s live awareness, and refuses a presence that lies about its key', async () => {
    const relay = fakeRelay();
    const clerk = await device(clerkDoc(), relay);
    const vendor = await device(newReferatDoc(), relay);
    const clerkAwareness = new Awareness(clerk.doc);
    const vendorAwareness = new Awareness(vendor.doc);
    clerkAwareness.setLocalStateField('presence', presenceOf(clerk.fingerprint, 'Mette Holm'));
    vendorAwareness.setLocalStateField('presence', presenceOf(vendor.fingerprint, 'Bo Lund'));
    clerk.relay.attachLive({ awareness: clerkAwareness, directPeers: () => 0 });
    vendor.relay.attachLive({ awareness: vendorAwareness, directPeers: () => 0 });
    clerk.link.set('synced');
    vendor.link.set('synced');
    relay.presenceChanged();

    await vi.waitFor(() => expect(vendorAwareness.getStates().get(clerkAwareness.clientID)).toMatchObject({ presence: { name: 'Mette Holm' } }));
    await vi.waitFor(() => expect(vendor.relay.status()).toMatchObject({ relayPeers: 1, liveViaRelay: true }));
    // What the relay holds is ciphertext: no name in it.
    expect(JSON.stringify([...relay.presence.values()])).not.toContain('Mette');

    // Typing goes out at once while live through the relay.
    type(clerk.doc, 'Skrevet live.');
    await vi.waitFor(() => expect(bodyText(vendor.doc)).toContain('Skrevet live.'), { timeout: 3000 });

    // A member signs a presence that names the clerk's fingerprint with its own key: it never reaches the awareness.
    const mallory = await device(newReferatDoc(), relay);
    const malloryAwareness = new Awareness(mallory.doc);
    malloryAwareness.setLocalStateField('presence', presenceOf(clerk.fingerprint, 'Mette Holm (falsk)'));
    mallory.relay.attachLive({ awareness: malloryAwareness, directPeers: () => 0 });
    mallory.link.set('synced');
    relay.presence.set(99, 'not a sealed presence');
    relay.presenceChanged();
    await vi.waitFor(() => expect(relay.presence.has(3)).toBe(true));
    // The vendor reads presences in order: once the clerk's next change has arrived, Mallory's was read before it.
    clerkAwareness.setLocalStateField('presence', { ...presenceOf(clerk.fingerprint, 'Mette Holm'), color: '#8a3b12' });
    await vi.waitFor(() => expect(vendorAwareness.getStates().get(clerkAwareness.clientID)).toMatchObject({ presence: { color: '#8a3b12' } }));
    expect(vendorAwareness.getStates().has(malloryAwareness.clientID)).toBe(false);
    expect(vendor.relay.status().relayPeers).toBe(1);

    // The clerk leaves: its presence leaves the vendor's awareness.
    clerk.relay.stop();
    await vi.waitFor(() => expect(vendorAwareness.getStates().has(clerkAwareness.clientID)).toBe(false));
    expect(vendor.relay.status()).toMatchObject({ relayPeers: 0, liveViaRelay: false });
  });
});
