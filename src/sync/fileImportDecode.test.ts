import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assembleReferatFile, headerOf, updateOf } from '../testSupport/assembleReferatFile';
import { seededBytes, seededRandom } from '../testSupport/seededRandom';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { bodyText } from '../core/bodyText';
import { keyFingerprint } from '../core/fingerprint';
import { initReferat } from '../core/initReferat';
import { readMeta, setMetaField } from '../core/meta';
import { addParticipant, readParticipants } from '../core/participants';
import type { SignatureAlgorithm } from '../core/publicKeyJwk';
import { metaMap, newReferatDoc } from '../core/referatDoc';
import { encodeReferatFile } from '../core/referatFile';
import { newReferatId } from '../core/referatId';
import { STANDARD_TEMPLATE } from '../core/templates';
import { fileImportDecode, type FileImportResult } from './fileImportDecode';

const sender = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const MAX = 1 << 20;

function referat(id = newReferatId()): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id, title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: sender });
  return doc;
}

/** A copy of `doc` as another device would hold it. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = newReferatDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

async function fileOf(doc: Y.Doc, signer: TestSigner, base: Uint8Array | null = null, docId = readMeta(doc).id): Promise<Uint8Array> {
  return encodeReferatFile({
    docId,
    title: readMeta(doc).title,
    sender,
    signer,
    stateVector: Y.encodeStateVector(doc),
    base,
    update: base === null ? Y.encodeStateAsUpdate(doc) : Y.encodeStateAsUpdate(doc, base),
    now: new Date('2026-03-04T10:15:00.000Z'),
  });
}

function decode(fileBytes: Uint8Array, currentState: Uint8Array | null = null, expectedDocId: string | null = null, maxBytes = MAX) {
  return fileImportDecode({ fileBytes, currentState, expectedDocId, maxBytes });
}

/** The error code, or the kind of a result that is not an error. */
function codeOf(result: FileImportResult): string {
  return result.kind === 'error' ? result.code : result.kind;
}

function ok(result: FileImportResult) {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result).slice(0, 200)}`);
  return result;
}

describe.each<SignatureAlgorithm>(['ECDSA-P256', 'Ed25519'])('fileImportDecode with %s', (algorithm) => {
  it('turns a full copy into a new document with the same content', async () => {
    const signer = await createTestSigner(algorithm);
    const doc = referat();
    const file = await fileOf(doc, signer);
    const result = ok(await decode(file, null, readMeta(doc).id));
    expect(result.isNewDocument).toBe(true);
    expect(result.fingerprint).toBe(await keyFingerprint(signer.publicKey));
    expect(result.header.docId).toBe(readMeta(doc).id);
    expect(result.changesByClient).toEqual(
      [...Y.decodeStateVector(Y.encodeStateVector(doc))].map(([client, count]) => ({ client, count })).toSorted((a, b) => a.client - b.client),
    );
    const received = newReferatDoc();
    Y.applyUpdate(received, result.newUpdate);
    expect(readMeta(received)).toEqual(readMeta(doc));
    expect(readParticipants(received)).toEqual(readParticipants(doc));
    expect(bodyText(received)).toBe(bodyText(doc));
  });

  it('imports a partial export into a copy that has its base, and says incomplete into an empty copy', async () => {
    const signer = await createTestSigner(algorithm);
    const a = referat();
    const b = copyOf(a);
    setMetaField(a, 'location', 'Rådhuset, lokale 3');
    addParticipant(a, { name: 'Jens Lund', organisation: 'Leverandør A/S', organisationKind: 'leverandoer', role: 'referent', present: true });
    const partial = await fileOf(a, signer, Y.encodeStateVector(b));
    expect(partial.length).toBeLessThan((await fileOf(a, signer)).length);

    const result = ok(await decode(partial, Y.encodeStateAsUpdate(b), readMeta(a).id));
    expect(result.isNewDocument).toBe(false);
    const added = Y.decodeStateVector(Y.encodeStateVector(a)).get(a.clientID) as number;
    const had = Y.decodeStateVector(Y.encodeStateVector(b)).get(a.clientID) as number;
    expect(result.changesByClient).toEqual([{ client: a.clientID, count: added - had }]);
    Y.applyUpdate(b, result.newUpdate);
    expect(readMeta(b).location).toBe('Rådhuset, lokale 3');
    expect(readParticipants(b).map((p) => p.name)).toEqual(['Mette Holm', 'Jens Lund']);
    expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a));

    // The same file again adds nothing.
    expect((await decode(partial, Y.encodeStateAsUpdate(b), readMeta(a).id)).kind).toBe('alreadyIncluded');

    const empty = new Y.Doc({ gc: false });
    const emptyState = Y.encodeStateAsUpdate(empty);
    const emptyStateCopy = emptyState.slice();
    for (const state of [null, emptyState]) {
      const incomplete = await decode(partial, state, null);
      expect(incomplete).toEqual({ kind: 'incomplete', header: headerOf(partial), missing: [{ client: a.clientID, fromClock: 0 }] });
    }
    expect(emptyState).toEqual(emptyStateCopy);
    expect(Y.encodeStateAsUpdate(empty)).toEqual(emptyStateCopy);
  });

  it('says alreadyIncluded for a copy the receiver already has, and for the sender itself', async () => {
    const signer = await createTestSigner(algorithm);
    const a = referat();
    const file = await fileOf(a, signer);
    const first = ok(await decode(file));
    const received = newReferatDoc();
    Y.applyUpdate(received, first.newUpdate);
    const again = await decode(file, Y.encodeStateAsUpdate(received));
    expect(again).toEqual({ kind: 'alreadyIncluded', header: first.header, fingerprint: first.fingerprint });
    expect((await decode(file, Y.encodeStateAsUpdate(a))).kind).toBe('alreadyIncluded');
  });
});

describe('fileImportDecode with deletions only', () => {
  it('imports a delete-only partial export, and says incomplete without the deleted items', async () => {
    const signer = await createTestSigner('Ed25519');
    const a = referat();
    const b = copyOf(a);
    const title = metaMap(a).get('title') as Y.Text;
    title.delete(0, 5);
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
    const partial = await fileOf(a, signer, Y.encodeStateVector(b));

    const result = ok(await decode(partial, Y.encodeStateAsUpdate(b)));
    expect(result.changesByClient).toEqual([]);
    Y.applyUpdate(b, result.newUpdate);
    expect(readMeta(b).title).toBe('smøde');
    expect((await decode(partial, Y.encodeStateAsUpdate(b))).kind).toBe('alreadyIncluded');

    const incomplete = await decode(partial, null);
    expect(incomplete.kind).toBe('incomplete');
    expect(incomplete.kind === 'incomplete' && incomplete.missing.map((m) => m.client)).toContain(a.clientID);
  });

  it('reports what the copy has of each missing client as fromClock', async () => {
    const signer = await createTestSigner('Ed25519');
    const a = referat();
    const b = copyOf(a);
    setMetaField(a, 'location', 'Første');
    const middle = copyOf(a);
    setMetaField(a, 'location', 'Anden');
    const partial = await fileOf(a, signer, Y.encodeStateVector(middle));
    const had = Y.decodeStateVector(Y.encodeStateVector(b)).get(a.clientID);
    const result = await decode(partial, Y.encodeStateAsUpdate(b));
    expect(result).toMatchObject({ kind: 'incomplete', missing: [{ client: a.clientID, fromClock: had }] });
  });
});

/** What the receiver ends up with: its snapshot, meta and participants, and whether Yjs left it waiting. */
function stateOf(doc: Y.Doc) {
  const waiting = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  return { snapshot: Y.encodeSnapshot(Y.snapshot(doc)), meta: readMeta(doc), participants: readParticipants(doc), waiting };
}

/** The outcome as the earlier decoder found it: the file's whole update applied to a scratch copy of the receiver. */
function outcomeInScratch(currentState: Uint8Array, update: Uint8Array) {
  const scratch = newReferatDoc();
  Y.applyUpdate(scratch, currentState);
  const before = Y.decodeStateVector(Y.encodeStateVector(scratch));
  const snapshot = Y.snapshot(scratch);
  Y.applyUpdate(scratch, update);
  const { pendingStructs, pendingDs } = scratch.store;
  if (pendingStructs !== null || pendingDs !== null) {
    const clients = new Set([...(pendingStructs?.missing.keys() ?? []), ...(pendingDs === null ? [] : Y.decodeUpdateV2(pendingDs).ds.clients.keys())]);
    return { kind: 'incomplete', missing: [...clients].toSorted((x, y) => x - y).map((client) => ({ client, fromClock: before.get(client) ?? 0 })) };
  }
  if (Y.equalSnapshots(snapshot, Y.snapshot(scratch))) return { kind: 'alreadyIncluded' };
  return { kind: 'ok', ...stateOf(scratch) };
}

/** The same outcome from a result: for `ok`, the receiver after applying `newUpdate`. */
function outcomeOf(result: FileImportResult, currentState: Uint8Array) {
  if (result.kind === 'incomplete') return { kind: result.kind, missing: result.missing };
  if (result.kind !== 'ok') return { kind: result.kind };
  const receiver = newReferatDoc();
  Y.applyUpdate(receiver, currentState);
  Y.applyUpdate(receiver, result.newUpdate);
  return { kind: 'ok', ...stateOf(receiver) };
}

describe('fileImportDecode against applying the file to a scratch copy of the receiver', () => {
  it('gives the outcome the scratch copy shows, and an update that leaves the receiver waiting for nothing', async () => {
    const signer = await createTestSigner('Ed25519');
    const rnd = seededRandom(7);
    const first = referat();
    const id = readMeta(first).id;
    const peers = [first, copyOf(first), copyOf(first)];
    const states = [Y.encodeStateAsUpdate(first)];
    for (let step = 0; step < 40; step++) {
      const doc = peers[Math.floor(rnd() * peers.length)] as Y.Doc;
      const title = metaMap(doc).get('title') as Y.Text;
      const op = rnd();
      if (op < 0.35) title.insert(Math.floor(rnd() * (title.length + 1)), ` ${step}`);
      else if (op < 0.5 && title.length > 2) title.delete(Math.floor(rnd() * (title.length - 2)), 2);
      else if (op < 0.65) setMetaField(doc, 'location', `Lokale ${step}`);
      else if (op < 0.75) addParticipant(doc, { name: `Deltager ${step}`, organisation: 'Kommune', organisationKind: 'kommune', role: '', present: true });
      else {
        const other = peers[Math.floor(rnd() * peers.length)] as Y.Doc;
        Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
      }
      states.push(Y.encodeStateAsUpdate(doc));
    }

    const seen = new Set<string>();
    for (let trial = 0; trial < 40; trial++) {
      const pick = () => states[Math.floor(rnd() * states.length)] as Uint8Array;
      const source = newReferatDoc();
      Y.applyUpdate(source, pick());
      const base = rnd() < 0.25 ? null : Y.encodeStateVectorFromUpdate(pick());
      const currentState = pick();
      const result = await decode(await fileOf(source, signer, base), currentState, id);
      seen.add(result.kind);

      expect(outcomeOf(result, currentState)).toEqual(outcomeInScratch(currentState, base === null ? Y.encodeStateAsUpdate(source) : Y.encodeStateAsUpdate(source, base)));
    }
    expect([...seen].toSorted()).toEqual(['alreadyIncluded', 'incomplete', 'ok']);
  });
});

describe('fileImportDecode refuses every bad file with an exact code, and never throws', () => {
  it('maps structural problems to their codes', async () => {
    const signer = await createTestSigner('ECDSA-P256');
    const doc = referat();
    const file = await fileOf(doc, signer);
    expect(codeOf(await decode(new Uint8Array()))).toBe('empty');
    expect(codeOf(await decode(file, null, null, file.length - 1))).toBe('tooLarge');
    for (let seed = 1; seed <= 10; seed++) expect(codeOf(await decode(seededBytes(seed, seed * 101)))).toBe('badMagic');
    for (let n = 1; n < file.length; n += 1) expect(codeOf(await decode(file.subarray(0, n)))).toBe('truncated');
    const magic = file.slice();
    magic[7] = 0x0d;
    expect(codeOf(await decode(magic))).toBe('badMagic');
    const newer = file.slice();
    newer[9] = 2;
    expect(codeOf(await decode(newer))).toBe('newerVersion');
    const trailing = new Uint8Array(file.length + 3);
    trailing.set(file);
    expect(codeOf(await decode(trailing))).toBe('trailingBytes');
    const update = file.slice();
    update[file.length - 70] = (update[file.length - 70] as number) ^ 1;
    expect(codeOf(await decode(update))).toBe('hashMismatch');
    const header = headerOf(file);
    const withD = { ...header, sender: { ...(header.sender as object), publicKey: { ...signer.privateJwk, ext: undefined, key_ops: undefined } } };
    expect(codeOf(await decode(await assembleReferatFile({ header: withD, update: updateOf(file), signature: signer })))).toBe('badHeader');
  });

  it('refuses a tampered header, a tampered signature, another key and a false fingerprint as badSignature', async () => {
    const signer = await createTestSigner('ECDSA-P256');
    const other = await createTestSigner('ECDSA-P256');
    const doc = referat();
    const file = await fileOf(doc, signer);
    const header = headerOf(file);
    const update = updateOf(file);

    const retitled = file.slice();
    retitled[Buffer.from(file).indexOf('Driftsmøde')] = 0x58;
    expect(codeOf(await decode(retitled))).toBe('badSignature');
    const signature = file.slice();
    signature[file.length - 10] = (signature[file.length - 10] as number) ^ 0x80;
    expect(codeOf(await decode(signature))).toBe('badSignature');
    const otherKey = headerOf(await fileOf(doc, other));
    const swapped = { ...header, sender: otherKey.sender };
    expect(codeOf(await decode(await assembleReferatFile({ header: swapped, update, signature: file.subarray(file.length - 64) })))).toBe('badSignature');
    const lying = { ...header, sender: { ...(header.sender as object), fingerprint: (otherKey.sender as { fingerprint: string }).fingerprint } };
    expect(codeOf(await decode(await assembleReferatFile({ header: lying, update, signature: signer })))).toBe('badSignature');
    const resignedByOther = await assembleReferatFile({ header, update, signature: other });
    expect(codeOf(await decode(resignedByOther))).toBe('badSignature');
    const updateChangedAndRehashed = await fileOf(referat(), signer);
    const mixed = await assembleReferatFile({ header: headerOf(updateChangedAndRehashed), update: updateOf(updateChangedAndRehashed), signature: file.subarray(file.length - 64) });
    expect(codeOf(await decode(mixed))).toBe('badSignature');
  });

  it('refuses a copy of another referat, by expected id and by the id inside the update', async () => {
    const signer = await createTestSigner('Ed25519');
    const doc = referat();
    const file = await fileOf(doc, signer);
    expect(codeOf(await decode(file, null, newReferatId()))).toBe('docIdMismatch');
    // Validly signed, but the header claims another id than the document's own meta.id.
    const relabelled = await fileOf(doc, signer, null, newReferatId());
    expect(codeOf(await decode(relabelled))).toBe('docIdMismatch');
    expect(codeOf(await decode(relabelled, null, headerOf(relabelled).docId as string))).toBe('docIdMismatch');
    // meta.id rewritten after the first value: the update writes another id than the header's.
    const rewritten = referat();
    const firstId = readMeta(rewritten).id;
    metaMap(rewritten).set('id', newReferatId());
    expect(codeOf(await decode(await fileOf(rewritten, signer, null, firstId)))).toBe('docIdMismatch');
  });

  it('refuses as badUpdate a validly signed update whose item refers past its own client', async () => {
    const signer = await createTestSigner('Ed25519');
    const doc = referat();
    const encoder = new Y.UpdateEncoderV1();
    for (const n of [1, 1, 7, 0]) encoder.writeLen(n); // one block, one struct, client 7, from clock 0
    new Y.Item(Y.createID(7, 0), null, Y.createID(7, 5), null, null, null, null, new Y.ContentAny(['x'])).write(encoder, 0);
    encoder.writeLen(0); // no deletions
    const update = encoder.toUint8Array();
    const file = await encodeReferatFile({ docId: readMeta(doc).id, title: 't', sender, signer, stateVector: new Uint8Array([0]), base: null, update, now: new Date() });
    expect(codeOf(await decode(file, Y.encodeStateAsUpdate(doc)))).toBe('badUpdate');
  });

  it('refuses a validly signed update Yjs cannot read as badUpdate', async () => {
    const signer = await createTestSigner('Ed25519');
    const doc = referat();
    for (const update of [new Uint8Array(), new Uint8Array([1, 2, 3]), new Uint8Array(10).fill(0xff)]) {
      const file = await encodeReferatFile({ docId: readMeta(doc).id, title: 't', sender, signer, stateVector: Y.encodeStateVector(doc), base: null, update, now: new Date() });
      expect(codeOf(await decode(file))).toBe('badUpdate');
    }
    const nothing = await encodeReferatFile({ docId: readMeta(doc).id, title: 't', sender, signer, stateVector: new Uint8Array([0]), base: null, update: new Uint8Array([0, 0]), now: new Date() });
    expect((await decode(nothing, Y.encodeStateAsUpdate(doc))).kind).toBe('alreadyIncluded');
  });

  it('refuses every single-byte change to a small file', async () => {
    const signer = await createTestSigner('Ed25519');
    const doc = newReferatDoc();
    const id = newReferatId();
    metaMap(doc).set('id', id);
    const file = await fileOf(doc, signer, null, id);
    expect((await decode(file)).kind).toBe('ok');
    const rnd = seededRandom(42);
    for (let i = 0; i < file.length; i++) {
      const bad = file.slice();
      bad[i] = ((bad[i] as number) + 1 + Math.floor(rnd() * 255)) & 0xff;
      const result = await decode(bad);
      expect(result.kind, `byte ${i}`).toBe('error');
    }
  });

  it('never throws for validly signed random updates (seeded)', async () => {
    const signer = await createTestSigner('Ed25519');
    const id = newReferatId();
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const update = seededBytes(seed, 1 + (seed % 7) * 9);
      const file = await encodeReferatFile({ docId: id, title: 't', sender, signer, stateVector: new Uint8Array([0]), base: null, update, now: new Date() });
      const result = await decode(file, null, id);
      expect(['ok', 'alreadyIncluded', 'incomplete', 'error']).toContain(result.kind);
      kinds.add(result.kind === 'error' ? result.code : result.kind);
    }
    expect(kinds.has('badUpdate')).toBe(true);
  });
});
