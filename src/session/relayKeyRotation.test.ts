// Sharing again rotates the relay's keys: a device removed from the sharing (it kept the old link) reads nothing new.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openEntry } from '../core/relayEntry';
import { keyFingerprint } from '../core/fingerprint';
import { accessVerifier, deriveRelayKeys, fingerprintBytes, senderTag } from '../core/relayKeys';
import { ENVELOPE_ENTRIES, postUpdate } from '../core/relayEnvelope';
import { newRelayCursor } from '../core/relayCursor';
import { createLibraryDatabase } from '../storage/libraryDatabase';
import { createTestSigner } from '../testSupport/testSigner';
import { roomPassword } from './invite';
import { forgetSeriesRoom, inviteLiveRoom } from './liveRooms';

const DOC = '6f1c2b1e-0000-4000-8000-0000000000bb';

describe('sharing again after ending the sharing', () => {
  it('gives the referat a new mailbox, access key and content key, so the old link opens nothing posted since', async () => {
    const db = createLibraryDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
    const first = await inviteLiveRoom(db, DOC);
    const removed = await deriveRelayKeys(roomPassword(first), DOC);
    // The clerk ends the sharing (the vendor's consultant is no longer on the contract) and invites again.
    await forgetSeriesRoom(db, first.roomId);
    const second = await inviteLiveRoom(db, DOC);
    const current = await deriveRelayKeys(roomPassword(second), DOC);

    expect(second.secret).not.toBe(first.secret);
    expect(current.mailboxId).not.toBe(removed.mailboxId);
    expect(accessVerifier(current.accessToken)).not.toBe(accessVerifier(removed.accessToken));

    // An edit posted after sharing again: the removed device's keys neither open it nor pass for the new mailbox.
    const signer = await createTestSigner('Ed25519');
    const envelope = new Y.Doc();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Efter delingen sluttede');
    const cursor = newRelayCursor(await senderTag(current, fingerprintBytes(await keyFingerprint(signer.publicKey)) as Uint8Array));
    await postUpdate({ envelope, keys: current, signer, cursor, update: Y.encodeStateAsUpdate(doc), now: Date.now() });
    const posted = envelope.getArray<Uint8Array>(ENVELOPE_ENTRIES).get(0);
    expect((await openEntry(posted, current, { kind: 'update' })).ok).toBe(true);
    const byRemoved = await openEntry(posted, removed, { kind: 'update' });
    expect(byRemoved.ok).toBe(false);
    expect(byRemoved.ok ? '' : byRemoved.reason).toMatch(/wrongMailbox|badCiphertext/);
  });
});
