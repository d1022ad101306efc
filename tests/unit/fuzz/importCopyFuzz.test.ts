// Property-based fuzzing of the import path (src/session/importCopy.ts, on fake-indexeddb): a damaged or hostile
// `.referat` file never throws, and a file that is not imported changes nothing on the device: the same referater
// are stored, with the same Yjs state, and the library index is as it was. Budget and replay: README.md.
/* oxlint-disable vitest/no-conditional-expect -- assertions run inside fast-check properties (checkProperty), each for the case its input falls in */
import 'fake-indexeddb/auto';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesToBase64 } from '../../../src/core/base64';
import { initReferat } from '../../../src/core/initReferat';
import { readMeta, setMetaField, setTitle } from '../../../src/core/meta';
import { metaMap, newReferatDoc } from '../../../src/core/referatDoc';
import { encodeReferatFile } from '../../../src/core/referatFile';
import { newReferatId } from '../../../src/core/referatId';
import { sha256Hex } from '../../../src/core/sha256';
import { STANDARD_TEMPLATE } from '../../../src/core/templates';
import { createReferat } from '../../../src/session/createReferat';
import { importCopy, type ImportOptions } from '../../../src/session/importCopy';
import { loadLocalIdentity } from '../../../src/session/localIdentity';
import { openReferatSession } from '../../../src/session/referatSession';
import { createLibraryDatabase, type LibraryDatabase } from '../../../src/storage/libraryDatabase';
import { storedDocIds } from '../../../src/storage/storedDocIds';
import { assembleReferatFile, headerOf, updateOf } from '../../../src/testSupport/assembleReferatFile';
import { createTestSigner, type TestSigner } from '../../../src/testSupport/testSigner';
import { applyMutations, byteMutation, sameBytes } from './byteMutation';
import { checkProperty, fuzzTimeout } from './fuzzProperty';
import { inProcessImportWorker } from '../../../src/testSupport/inProcessImportWorker';

const profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const vendor = { name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' as const };

const worker = inProcessImportWorker;

interface Sample {
  file: Uint8Array;
  docId: string;
}

let db: LibraryDatabase;
let ownFingerprint: string;
let signer: TestSigner;
const samples: Sample[] = [];

async function storedState(id: string): Promise<Uint8Array | null> {
  if (!(await storedDocIds()).includes(id)) return null;
  const opened = await openReferatSession(db, id);
  if (opened.kind !== 'open') return null;
  const update = Y.encodeStateAsUpdate(opened.session.doc);
  await opened.session.close();
  return update;
}

function vendorFile(doc: Y.Doc, base: Uint8Array | null): Promise<Uint8Array> {
  return encodeReferatFile({
    docId: readMeta(doc).id, title: readMeta(doc).title, sender: vendor, signer, stateVector: Y.encodeStateVector(doc),
    base, update: base === null ? Y.encodeStateAsUpdate(doc) : Y.encodeStateAsUpdate(doc, base), now: new Date('2026-04-02T12:00:00.000Z'),
  });
}

beforeAll(async () => {
  db = createLibraryDatabase();
  await db.delete();
  await db.open();
  ownFingerprint = (await loadLocalIdentity(db, profile)).me.fingerprint;
  signer = await createTestSigner('Ed25519');

  // A referat this device holds, and the vendor's copy of it with the vendor's edits.
  const id = await createReferat(db, profile, { title: 'Driftsmøde', date: '2026-04-02' });
  const held = (await storedState(id))!;
  const theirs = newReferatDoc();
  Y.applyUpdate(theirs, held);
  setTitle(theirs, 'Driftsmøde med Systemhuset');
  setMetaField(theirs, 'location', 'Rådhuset');
  samples.push({ file: await vendorFile(theirs, null), docId: id }, { file: await vendorFile(theirs, Y.encodeStateVector(newReferatDocFrom(held))), docId: id });

  // A referat this device does not hold: a refused file must not create it.
  const other = newReferatDoc();
  initReferat(other, { id: newReferatId(), title: 'Styregruppe', date: '2026-04-03', createdAt: '2026-04-03T08:00:00.000Z', template: STANDARD_TEMPLATE, creator: vendor });
  samples.push({ file: await vendorFile(other, null), docId: readMeta(other).id });
});

afterAll(() => db?.close());

function newReferatDocFrom(update: Uint8Array): Y.Doc {
  const doc = newReferatDoc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** Everything a refused import must leave as it was. */
async function snapshot(docId: string) {
  return {
    ids: (await storedDocIds()).toSorted(),
    state: await storedState(docId),
    // Opening a referat to read its state re-indexes it: only when it was indexed may differ.
    index: (await db.referater.toArray()).map((row) => ({ ...row, indexedAt: 0 })),
  };
}

const sampleIndex = () => fc.nat({ max: samples.length - 1 });

/** Bytes changed after signing, or a hostile update and header the sender signed (sometimes only a new title). */
const damage = fc.oneof(
  fc.record({ signed: fc.constant(false), mutations: fc.array(byteMutation, { minLength: 1, maxLength: 3 }) }),
  fc.record({
    signed: fc.constant(true),
    mutations: fc.array(byteMutation, { maxLength: 3 }),
    title: fc.option(fc.string({ unit: 'binary', maxLength: 40 }), { nil: undefined }),
    docId: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) }),
  }),
);

const options = fc.record({
  trust: fc.constantFrom('trust', 'merge', 'ask'),
  expected: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('same', 'none') }, { weight: 1, arbitrary: fc.constant('other') }),
});

/** A signed file for a referat new to this device, whose content names itself another id, or none. */
async function mislabelledFile(docId: string, variant: 'no id' | 'id deleted' | 'other id' | 'id elsewhere'): Promise<Uint8Array> {
  const doc = newReferatDoc();
  if (variant === 'no id') metaMap(doc).set('formatVersion', 2);
  else initReferat(doc, { id: variant === 'other id' ? newReferatId() : docId, title: 'Styregruppe', date: '2026-04-03', createdAt: '2026-04-03T08:00:00.000Z', template: STANDARD_TEMPLATE, creator: vendor });
  if (variant === 'id deleted') metaMap(doc).delete('id');
  if (variant === 'id elsewhere') {
    // What the fuzzer found: the entry's parent renamed, so the update writes no meta.id at all.
    const id = metaMap(doc).get('id');
    metaMap(doc).delete('id');
    doc.getMap('me\u0002\u0000').set('id', id);
  }
  const update = Y.encodeStateAsUpdate(doc);
  const header = { ...headerOf(samples[0]!.file), docId, stateVector: bytesToBase64(Y.encodeStateVector(doc)), updateSha256: sha256Hex(update) };
  return assembleReferatFile({ header, update, signature: signer });
}

describe('the import path under fuzzing', () => {
  // Found by the property below (a signed update whose meta.id entry was renamed, under a new docId in the header):
  // it was imported as a new referat that does not know its own id, so it could never be exported or shared.
  it.each(['no id', 'id deleted', 'other id', 'id elsewhere'] as const)('refuses a new referat whose content does not carry the header’s id (%s)', async (variant) => {
    const docId = newReferatId();
    const before = await snapshot(docId);
    const outcome = await importCopy(db, await mislabelledFile(docId, variant), { ownFingerprint, worker, trustUnknownSigner: true });
    expect(outcome).toMatchObject({ kind: 'error', code: 'docIdMismatch' });
    expect(await snapshot(docId)).toEqual(before);
    expect(before.ids).not.toContain(docId);
  });

  it('never throws on a damaged or hostile file, and a file it does not import changes nothing', { timeout: fuzzTimeout(60_000) }, async () => {
    expect(samples).toHaveLength(3);
    await checkProperty(
      fc.asyncProperty(sampleIndex(), damage, options, async (i, d, o) => {
        const s = samples[i]!;
        let bytes: Uint8Array;
        if (!d.signed) {
          bytes = applyMutations(s.file, d.mutations);
          fc.pre(!sameBytes(bytes, s.file));
        } else {
          const update = applyMutations(updateOf(s.file), d.mutations);
          const header: Record<string, unknown> = { ...headerOf(s.file), updateSha256: sha256Hex(update) };
          if (d.title !== undefined) header.title = d.title;
          if (d.docId !== undefined) header.docId = d.docId;
          bytes = await assembleReferatFile({ header, update, signature: signer });
        }
        const opts: ImportOptions = {
          ownFingerprint,
          worker,
          ...(o.trust === 'trust' ? { trustUnknownSigner: true } : o.trust === 'merge' ? { mergeUnknownSigner: true } : {}),
          ...(o.expected === 'same' ? { expectedDocId: s.docId } : o.expected === 'other' ? { expectedDocId: '00000000-0000-4000-8000-000000000000' } : {}),
        };
        const before = await snapshot(s.docId);
        const outcome = await importCopy(db, bytes, opts);
        expect(['imported', 'alreadyIncluded', 'unknownSigner', 'incomplete', 'error']).toContain(outcome.kind);
        if (!d.signed) expect(outcome.kind).toBe('error');
        if (outcome.kind === 'imported') {
          // What was let in is a copy of the same referat, which still opens.
          const state = await storedState(outcome.docId);
          expect(state).not.toBeNull();
          expect(metaMap(newReferatDocFrom(state!)).get('id')).toBe(outcome.docId);
          return;
        }
        expect(await snapshot(s.docId)).toEqual(before);
      }),
      20,
    );
  });
});
