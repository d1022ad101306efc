import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { checkClaims, claimsMap, signClaim, writeClaim } from '../core/clientClaims';
import { keyFingerprint } from '../core/fingerprint';
import { initReferat } from '../core/initReferat';
import { readMeta, setTitle } from '../core/meta';
import { metaMap, newReferatDoc } from '../core/referatDoc';
import { encodeReferatFile } from '../core/referatFile';
import { newReferatId } from '../core/referatId';
import { STANDARD_TEMPLATE } from '../core/templates';
import { fileImportDecode, type FileImportResult } from './fileImportDecode';
import { receiverFacts } from './receiverFacts';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };

function referat(): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id: newReferatId(), title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: profile });
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = newReferatDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** A copy of `doc` that writes under `clientId`: what a dishonest party crafts. */
function forgerOf(doc: Y.Doc, clientId: number): Y.Doc {
  const copy = copyOf(doc);
  copy.clientID = clientId;
  return copy;
}

async function fileOf(doc: Y.Doc, signer: TestSigner, base: Uint8Array | null = null): Promise<Uint8Array> {
  return encodeReferatFile({
    docId: readMeta(doc).id,
    title: readMeta(doc).title,
    sender: profile,
    signer,
    stateVector: Y.encodeStateVector(doc),
    base,
    update: Y.encodeStateAsUpdate(doc, base ?? undefined),
    now: new Date('2026-03-04T10:15:00.000Z'),
  });
}

/** The receiver decodes the file the way importCopy does: with its claims verified and its facts passed in. */
async function receive(receiver: Y.Doc, file: Uint8Array, ownFingerprint: string): Promise<FileImportResult> {
  const receiver_ = receiverFacts(receiver, await checkClaims(receiver), ownFingerprint);
  return fileImportDecode({ fileBytes: file, currentState: Y.encodeStateAsUpdate(receiver), expectedDocId: readMeta(receiver).id, maxBytes: 1 << 22, receiver: receiver_ });
}

const codeOf = (r: FileImportResult) => (r.kind === 'error' ? r.code : r.kind);

/** A's copy, with A's claim of its client id, and a few of A's edits. */
async function claimedReferat(a: TestSigner): Promise<Y.Doc> {
  const doc = referat();
  writeClaim(doc, await signClaim(a, doc.clientID, readMeta(doc).id));
  setTitle(doc, 'Driftsmøde med leverandøren');
  return doc;
}

describe('the authorship gate for files', () => {
  it('refuses a file carrying changes under the receiver’s own client id, and passes an honest one', async () => {
    const a = await createTestSigner('Ed25519');
    const m = await createTestSigner('Ed25519');
    const fpA = await keyFingerprint(a.publicKey);
    const doc = await claimedReferat(a);
    const before = Y.encodeStateAsUpdate(doc);

    const forger = forgerOf(doc, doc.clientID);
    setTitle(forger, 'Mødet blev aflyst');
    const forged = await receive(doc, await fileOf(forger, m), fpA);
    expect(forged).toMatchObject({ kind: 'error', code: 'foreignClient' });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);

    // The same change written under the forger's own client id is an ordinary file.
    const honest = copyOf(doc);
    setTitle(honest, 'Mødet blev aflyst');
    expect(codeOf(await receive(doc, await fileOf(honest, m), fpA))).toBe('ok');
  });

  it('refuses a file that claims a client id another key owns in the receiver, also as an overwrite', async () => {
    const a = await createTestSigner('Ed25519');
    const m = await createTestSigner('ECDSA-P256');
    const doc = await claimedReferat(a);
    const b = copyOf(doc);
    const fpB = 'BBBB BBBB BBBB BBBB BBBB BBBB BBBB BBBB';

    // M writes a claim of A's client id with M's own key, under M's client id: an overwrite of the entry B holds.
    const forger = copyOf(doc);
    claimsMap(forger).set(String(doc.clientID), await signClaim(m, doc.clientID, readMeta(doc).id));
    expect(await receive(b, await fileOf(forger, m), fpB)).toMatchObject({ kind: 'error', code: 'conflictingClaim' });

    // And written under A's client id itself, with changes: the claim gives it away.
    const thief = forgerOf(doc, doc.clientID);
    claimsMap(thief).set(String(doc.clientID), await signClaim(m, doc.clientID, readMeta(doc).id));
    setTitle(thief, 'Mødet blev aflyst');
    expect(await receive(b, await fileOf(thief, m), fpB)).toMatchObject({ kind: 'error', code: 'conflictingClaim' });
  });

  it('does not let the real author’s later edits be dropped silently after a forged file got in first', async () => {
    const a = await createTestSigner('Ed25519');
    const m = await createTestSigner('Ed25519');
    const fpB = 'BBBB BBBB BBBB BBBB BBBB BBBB BBBB BBBB';
    const doc = await claimedReferat(a);
    const b = copyOf(doc);

    // M writes under A's client id, at the clocks A will use next, and B takes M's file (nothing proves it false yet).
    const forger = forgerOf(doc, doc.clientID);
    setTitle(forger, 'Mødet blev aflyst');
    const first = await receive(b, await fileOf(forger, m), fpB);
    if (first.kind !== 'ok') throw new Error(codeOf(first));
    Y.applyUpdate(b, first.newUpdate);

    // A's real edits now arrive at B under the same clocks: refused as divergent, not dropped as "already known".
    setTitle(doc, 'Driftsmøde, godkendt udgave');
    const real = await receive(b, await fileOf(doc, a), fpB);
    expect(real).toMatchObject({ kind: 'error', code: 'divergent' });
    expect(readMeta(b).title).toBe('Mødet blev aflyst');
  });

  it('refuses a file overwriting meta.id of a copy the receiver already holds', async () => {
    const m = await createTestSigner('Ed25519');
    const doc = referat();
    const id = readMeta(doc).id;
    const receiver = copyOf(doc);
    const rewritten = copyOf(doc);
    metaMap(rewritten).set('id', newReferatId());
    // Signed with the right header id: only the update writes another one, as an overwrite of the receiver's entry.
    expect(readMeta(rewritten).id).not.toBe(id);
    const file = await encodeReferatFile({
      docId: id, title: 'Driftsmøde', sender: profile, signer: m, stateVector: Y.encodeStateVector(rewritten),
      base: Y.encodeStateVector(receiver), update: Y.encodeStateAsUpdate(rewritten, Y.encodeStateVector(receiver)), now: new Date(),
    });
    expect(await receive(receiver, file, 'x')).toMatchObject({ kind: 'error', code: 'docIdMismatch' });
    // The full copy too.
    const full = await encodeReferatFile({
      docId: id, title: 'Driftsmøde', sender: profile, signer: m, stateVector: Y.encodeStateVector(rewritten),
      base: null, update: Y.encodeStateAsUpdate(rewritten), now: new Date(),
    });
    expect(await receive(receiver, full, 'x')).toMatchObject({ kind: 'error', code: 'docIdMismatch' });
  });
});
