import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { keyFingerprint } from '../core/fingerprint';
import { initReferat } from '../core/initReferat';
import { addParticipant, readParticipants } from '../core/participants';
import type { KeyedProfile } from '../core/participantKeys';
import { bodyFragment, newReferatDoc } from '../core/referatDoc';
import { STANDARD_TEMPLATE } from '../core/templates';
import { ledgerFor } from '../storage/copyLedger';
import { createLibraryDatabase, type LibraryDatabase } from '../storage/libraryDatabase';
import { newInvitation } from './invite';
import { startLiveSession, type LiveSession } from './liveSession';
import type { ReferatSession } from './referatSession';

// No WebRTC here: the awareness states are carried between the sessions by hand, and so are document updates.
vi.mock('../sync/webrtcLive', () => ({
  startLive: () => ({
    status: () => ({ kind: 'connecting' }),
    onStatus: () => () => undefined,
    onRejectedPeer: () => () => undefined,
    destroy: () => undefined,
  }),
}));

const DOC = '6f1c2b1e-0000-4000-8000-000000000001';
const SETTINGS = { signallingUrls: [], iceServers: [] };
const invitation = newInvitation(DOC);

function created(clientId: number): Y.Doc {
  const doc = newReferatDoc();
  doc.clientID = clientId;
  initReferat(doc, {
    id: DOC,
    title: 'Styregruppemøde',
    date: '2026-03-04',
    createdAt: '2026-03-04T10:00:00Z',
    template: STANDARD_TEMPLATE,
    creator: { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' },
  });
  return doc;
}

function copyOf(doc: Y.Doc, clientId: number): Y.Doc {
  const copy = newReferatDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  copy.clientID = clientId;
  return copy;
}

function paragraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  bodyFragment(doc).push([p]);
  t.insert(0, text);
}

interface Device {
  db: LibraryDatabase;
  doc: Y.Doc;
  live: LiveSession;
  fingerprint: string;
}

const open: Device[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) {
    d.live.stop();
    await d.db.delete();
  }
});

async function device(doc: Y.Doc, who: { name: string; organisation: string; kind: 'kommune' | 'leverandoer' }, signer: TestSigner, claimKey?: TestSigner): Promise<Device> {
  // Each device has its own IndexedDB.
  const db = createLibraryDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  const announced = claimKey ?? signer;
  const me: KeyedProfile = {
    name: who.name,
    organisation: who.organisation,
    organisationKind: who.kind,
    fingerprint: await keyFingerprint(announced.publicKey),
    publicKey: announced.publicKey,
  };
  const live = startLiveSession(db, { id: DOC, doc } as unknown as ReferatSession, invitation, me, SETTINGS, signer);
  const d = { db, doc, live, fingerprint: me.fingerprint };
  open.push(d);
  return d;
}

/** Carries awareness changes (and, with `docs`, document updates) between all devices, as the room would. */
function connect(devices: Device[], docs: boolean): void {
  for (const from of devices) {
    from.live.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === 'remote') return;
      const update = encodeAwarenessUpdate(from.live.awareness, [...added!, ...updated!, ...removed!]);
      for (const to of devices) if (to !== from) applyAwarenessUpdate(to.live.awareness, update, 'remote');
    });
    if (docs) {
      from.doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin === 'remote') return;
        for (const to of devices) if (to !== from) Y.applyUpdate(to.doc, u, 'remote');
      });
    }
  }
  // What each already announced.
  for (const from of devices) {
    const update = encodeAwarenessUpdate(from.live.awareness, [from.live.awareness.clientID]);
    for (const to of devices) if (to !== from) applyAwarenessUpdate(to.live.awareness, update, 'remote');
    if (docs) for (const to of devices) if (to !== from) Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc), 'remote');
  }
}

const MUNICIPALITY = { name: 'Mette Holm', organisation: 'Aarhus Kommune', kind: 'kommune' } as const;
const VENDOR = { name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'leverandoer' } as const;
const peerStates = (d: Device) => d.live.peers().map((p) => `${p.name}: ${p.proof}${p.diverged ? ', diverged' : ''}`).toSorted();

describe('live session: peers prove their keys', () => {
  it('proves both real parties, refuses one that announces another party’s key, and writes ledger rows only for proven peers', async () => {
    const [kommuneKey, vendorKey, eveKey] = await Promise.all([createTestSigner('Ed25519'), createTestSigner('ECDSA-P256'), createTestSigner('ECDSA-P256')]);
    const base = created(1);
    const a = await device(base, MUNICIPALITY, kommuneKey);
    const b = await device(copyOf(base, 2), VENDOR, vendorKey);
    // Eve announces the vendor's public key and fingerprint, and signs with her own key.
    const eve = await device(copyOf(base, 3), { name: 'Eve Ukendt', organisation: 'Andet firma', kind: 'leverandoer' }, eveKey, vendorKey);
    connect([a, b, eve], true);

    await vi.waitFor(() => expect(peerStates(a)).toEqual(['Bo Lund: proven', 'Eve Ukendt: failed']), { timeout: 5000 });
    await vi.waitFor(() => expect(peerStates(b)).toEqual(['Eve Ukendt: failed', 'Mette Holm: proven']), { timeout: 5000 });
    await vi.waitFor(async () => expect((await ledgerFor(a.db, DOC)).map((r) => `${r.partyId} ${r.name}`)).toEqual([`${b.fingerprint} Bo Lund`]));
    await vi.waitFor(async () => expect((await ledgerFor(b.db, DOC)).map((r) => `${r.partyId} ${r.name}`)).toEqual([`${a.fingerprint} Mette Holm`]));
    // Nothing Eve announced was recorded, on either side.
    expect((await ledgerFor(a.db, DOC)).some((r) => r.name === 'Eve Ukendt')).toBe(false);
    expect(peerStates(eve)).toEqual(['Bo Lund: proven', 'Mette Holm: proven']);
  });

  it('flags a proven peer whose copy holds the same changes with other content, and only then', async () => {
    const [kommuneKey, vendorKey] = await Promise.all([createTestSigner('Ed25519'), createTestSigner('Ed25519')]);
    const base = created(1);
    const same = copyOf(base, 2);
    // The vendor's copy holds a change under the municipality's client id that the municipality never made.
    const forged = copyOf(base, 1);
    paragraph(base, 'Kommunen betaler');
    paragraph(forged, 'Firmaet betaler!');
    forged.clientID = 4;

    const a = await device(base, MUNICIPALITY, kommuneKey);
    const b = await device(forged, VENDOR, vendorKey);
    connect([a, b], true);
    await vi.waitFor(() => expect(peerStates(a)).toEqual(['Bo Lund: proven, diverged']), { timeout: 5000 });
    await vi.waitFor(() => expect(peerStates(b)).toEqual(['Mette Holm: proven, diverged']), { timeout: 5000 });

    const c = created(1);
    paragraph(c, 'Kommunen betaler');
    Y.applyUpdate(same, Y.encodeStateAsUpdate(c));
    const d1 = await device(c, MUNICIPALITY, kommuneKey);
    const d2 = await device(same, VENDOR, vendorKey);
    connect([d1, d2], true);
    await vi.waitFor(() => expect(peerStates(d1)).toEqual(['Bo Lund: proven']), { timeout: 5000 });
    expect(peerStates(d2)).toEqual(['Mette Holm: proven']);
  });
});

describe('live session: ending the room for everyone', () => {
  it('stops every connected peer when one ends the room, naming who ended it; a stale end for another room is ignored', async () => {
    const [kommuneKey, vendorKey] = await Promise.all([createTestSigner('Ed25519'), createTestSigner('Ed25519')]);
    const base = created(1);
    const a = await device(base, MUNICIPALITY, kommuneKey);
    const b = await device(copyOf(base, 2), VENDOR, vendorKey);
    connect([a, b], false);
    await vi.waitFor(() => expect(peerStates(b)).toEqual(['Mette Holm: proven']), { timeout: 5000 });
    const endedBy: string[] = [];
    b.live.onEnded((by) => endedBy.push(by ? `${by.name} (${by.organisation})` : 'unknown'));
    // Another room's end (a replayed awareness field) changes nothing.
    a.live.awareness.setLocalStateField('ended', 'another-room-id-000');
    expect(endedBy).toEqual([]);
    await a.live.end();
    expect(endedBy).toEqual(['Mette Holm (Aarhus Kommune)']);
    expect(b.live.peers()).toEqual([]);
  });
});

describe('live session: one row per person', () => {
  it('links a joiner who starts with an empty copy to the row typed for them, once the referat has arrived', async () => {
    const [kommuneKey, vendorKey] = await Promise.all([createTestSigner('Ed25519'), createTestSigner('Ed25519')]);
    const base = created(1);
    addParticipant(base, { name: 'Bo Lund, Systemhuset A/S', organisation: '', organisationKind: 'andet', role: '', present: true });
    const a = await device(base, MUNICIPALITY, kommuneKey);
    const empty = newReferatDoc();
    empty.clientID = 2;
    const b = await device(empty, VENDOR, vendorKey);
    // Nothing is linked into an empty copy: there is no list to find the row in yet.
    expect(readParticipants(empty)).toEqual([]);
    connect([a, b], true);
    await vi.waitFor(() => expect(readParticipants(base).find((p) => p.name === 'Bo Lund')?.fingerprint).toBe(b.fingerprint));
    expect(readParticipants(base).map((p) => `${p.name}/${p.organisation}/${p.fingerprint === null ? '-' : 'key'}`)).toEqual([
      'Mette Holm/Aarhus Kommune/key',
      'Bo Lund/Systemhuset A/S/key',
    ]);
    expect(readParticipants(empty)).toEqual(readParticipants(base));
  });
});
