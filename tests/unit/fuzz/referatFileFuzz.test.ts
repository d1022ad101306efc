// Property-based fuzzing of the `.referat` decoder (parseReferatFile, verifyReferatFile, fileImportDecode):
// arbitrary bytes, damaged files and hostile but signed files are refused with a known code and never throw;
// valid files always import; bytes changed after signing never verify. Budget and replay: README.md.
/* oxlint-disable vitest/expect-expect, vitest/no-conditional-expect -- assertions run inside fast-check properties (checkProperty), each for the case its input falls in */
import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkClaims } from '../../../src/core/clientClaims';
import { bodyText } from '../../../src/core/bodyText';
import { initReferat } from '../../../src/core/initReferat';
import { readMeta, setMetaField, setTitle } from '../../../src/core/meta';
import { addParticipant, readParticipants } from '../../../src/core/participants';
import { ORGANISATION_KINDS, profileProblems, type Profile } from '../../../src/core/profile';
import { bodyFragment, metaMap, newReferatDoc } from '../../../src/core/referatDoc';
import {
  encodeReferatFile,
  parseReferatFile,
  peekReferatFileHeader,
  REFERAT_FILE_MAGIC,
  verifyReferatFile,
  type ParsedReferatFile,
} from '../../../src/core/referatFile';
import { ReferatFileError, type ReferatFileErrorCode } from '../../../src/core/referatFileError';
import { readReferatFileHeader } from '../../../src/core/referatFileHeader';
import { newReferatId } from '../../../src/core/referatId';
import { sha256Hex } from '../../../src/core/sha256';
import { STANDARD_TEMPLATE } from '../../../src/core/templates';
import { fileImportDecode, type FileImportErrorCode, type FileImportResult } from '../../../src/sync/fileImportDecode';
import { receiverFacts, type ReceiverFacts } from '../../../src/sync/receiverFacts';
import { assembleReferatFile, headerOf, updateOf } from '../../../src/testSupport/assembleReferatFile';
import { createTestSigner, type TestSigner } from '../../../src/testSupport/testSigner';
import { applyMutations, byteMutation, interestingNumber, sameBytes, type ByteMutation } from './byteMutation';
import { checkProperty, fuzzTimeout } from './fuzzProperty';

const MAX = 1 << 20;
const now = new Date('2026-03-04T10:15:00.000Z');
const mette: Profile = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };

// Records, so that a new error code fails the type check here until the fuzzer knows it.
const FILE_CODES: Record<ReferatFileErrorCode, true> = {
  empty: true, tooLarge: true, badMagic: true, truncated: true, newerVersion: true, badHeader: true, hashMismatch: true, trailingBytes: true,
};
const DECODE_CODES: Record<Exclude<FileImportErrorCode, 'timeout' | 'workerFailed'>, true> = {
  ...FILE_CODES, badSignature: true, badUpdate: true, docIdMismatch: true, foreignClient: true, conflictingClaim: true, divergent: true,
};

/** A ReferatFileError with a known code and a message; anything else thrown is a crash and fails the property. */
function expectFileError(e: unknown): void {
  if (!(e instanceof ReferatFileError)) throw new Error(`threw ${String(e)} instead of a ReferatFileError`, { cause: e });
  expect(Object.keys(FILE_CODES)).toContain(e.code);
  expect(e.message.length).toBeGreaterThan(0);
}

function peekOrRefuse(bytes: Uint8Array): void {
  try {
    peekReferatFileHeader(bytes, MAX);
  } catch (e) {
    expectFileError(e);
  }
}

function parseOrNull(bytes: Uint8Array): ParsedReferatFile | null {
  try {
    return parseReferatFile(bytes, { maxBytes: MAX });
  } catch (e) {
    expectFileError(e);
    return null;
  }
}

function expectKnownResult(result: FileImportResult): void {
  expect(['ok', 'alreadyIncluded', 'incomplete', 'error']).toContain(result.kind);
  if (result.kind === 'error') {
    expect(Object.keys(DECODE_CODES)).toContain(result.code);
    expect(typeof result.detail).toBe('string');
  }
}

function referat(id: string): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id, title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: mette });
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = newReferatDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function fileOf(doc: Y.Doc, signer: TestSigner, base: Uint8Array | null, sender: Profile = mette): Promise<Uint8Array> {
  return encodeReferatFile({
    docId: readMeta(doc).id,
    title: readMeta(doc).title,
    sender,
    signer,
    stateVector: Y.encodeStateVector(doc),
    base,
    update: base === null ? Y.encodeStateAsUpdate(doc) : Y.encodeStateAsUpdate(doc, base),
    now,
  });
}

/** Edits a referat as a user could: title, place, participants, paragraphs typed and partly deleted. */
interface Edits {
  title: string;
  location: string;
  participants: Array<{ name: string; organisation: string }>;
  paragraphs: string[];
  deleteFirst: number;
}

const edits: fc.Arbitrary<Edits> = fc.record({
  title: fc.string({ unit: 'binary', maxLength: 120 }),
  location: fc.string({ unit: 'grapheme', maxLength: 60 }),
  participants: fc.array(fc.record({ name: fc.string({ maxLength: 30 }), organisation: fc.string({ maxLength: 30 }) }), { maxLength: 3 }),
  paragraphs: fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { maxLength: 5 }),
  deleteFirst: fc.nat({ max: 10 }),
});

function applyEdits(doc: Y.Doc, e: Edits): void {
  setTitle(doc, e.title);
  setMetaField(doc, 'location', e.location);
  for (const p of e.participants) addParticipant(doc, { ...p, organisationKind: 'andet', role: '', present: true });
  for (const text of e.paragraphs) {
    const para = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    doc.transact(() => {
      para.insert(0, [t]);
      bodyFragment(doc).insert(bodyFragment(doc).length, [para]);
      t.insert(0, text);
      if (e.deleteFirst > 0 && text.length > 0) t.delete(0, Math.min(e.deleteFirst, text.length));
    });
  }
}

const sender: fc.Arbitrary<Profile> = fc
  .record({
    name: fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
    organisation: fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
    organisationKind: fc.constantFrom(...ORGANISATION_KINDS),
  })
  .filter((p) => profileProblems(p).length === 0);

/** Offsets of the file's length fields (the layout of docs/FORMAT.md), for mutations aimed at them. */
function fieldOffsets(file: Uint8Array): Array<{ at: number; width: 2 | 4 }> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const headerLength = view.getUint32(10);
  const updateAt = 14 + headerLength;
  const signatureAt = updateAt + 4 + view.getUint32(updateAt);
  return [{ at: 8, width: 2 }, { at: 10, width: 4 }, { at: updateAt, width: 4 }, { at: signatureAt, width: 2 }];
}

/** A length field set to an interesting number, or moved by a few from its true value. */
function fieldMutation(file: Uint8Array): fc.Arbitrary<ByteMutation> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  return fc.record({ field: fc.constantFrom(...fieldOffsets(file)), value: interestingNumber, delta: fc.integer({ min: -3, max: 3 }), relative: fc.boolean() }).map(
    ({ field, value, delta, relative }) => {
      const current = field.width === 2 ? view.getUint16(field.at) : view.getUint32(field.at);
      return { kind: 'int', at: field.at, width: field.width, value: relative ? current + delta : value, littleEndian: false };
    },
  );
}

/** A bit flipped inside the header JSON, the update or the signature: the changes a parse still accepts. */
function regionFlip(file: Uint8Array): fc.Arbitrary<ByteMutation> {
  const [, , update, signature] = fieldOffsets(file);
  const regions = [
    { start: 14, end: update!.at },
    { start: update!.at + 4, end: signature!.at },
    { start: signature!.at + 2, end: file.length },
  ].filter((r) => r.end > r.start);
  return fc
    .record({ region: fc.constantFrom(...regions), offset: fc.nat(), bit: fc.nat({ max: 7 }) })
    .map(({ region, offset, bit }) => ({ kind: 'flip', at: region.start + (offset % (region.end - region.start)), bit }));
}

interface Sample {
  name: string;
  file: Uint8Array;
  docId: string;
  /** The receiving copy's state, or null for a device without a copy. */
  currentState: Uint8Array | null;
  receiver?: ReceiverFacts;
  signer: TestSigner;
}

const samples: Sample[] = [];

beforeAll(async () => {
  const ed = await createTestSigner('Ed25519');
  const ec = await createTestSigner('ECDSA-P256');
  const id = newReferatId();
  const doc = referat(id);
  const receiverCopy = copyOf(doc);
  applyEdits(doc, { title: 'Driftsmøde om Æbleø', location: 'Rådhuset', participants: [{ name: 'Bo Lund', organisation: 'Systemhuset' }], paragraphs: ['Første punkt', 'Andet'], deleteFirst: 2 });
  const facts = receiverFacts(receiverCopy, await checkClaims(receiverCopy), 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-0000-1111');
  samples.push(
    { name: 'full, Ed25519, new to the device', file: await fileOf(doc, ed, null), docId: id, currentState: null, signer: ed },
    { name: 'full, ECDSA, into a copy', file: await fileOf(doc, ec, null), docId: id, currentState: Y.encodeStateAsUpdate(receiverCopy), receiver: facts, signer: ec },
    {
      name: 'partial, Ed25519, into its base',
      file: await fileOf(doc, ed, Y.encodeStateVector(receiverCopy)),
      docId: id,
      currentState: Y.encodeStateAsUpdate(receiverCopy),
      receiver: facts,
      signer: ed,
    },
  );
});

const sampleIndex = () => fc.nat({ max: samples.length - 1 });

function decode(s: Sample, fileBytes: Uint8Array): Promise<FileImportResult> {
  return fileImportDecode({ fileBytes, currentState: s.currentState, expectedDocId: s.docId, maxBytes: MAX, ...(s.receiver ? { receiver: s.receiver } : {}) });
}

/** Bytes that begin like a `.referat` file, so the fuzzer gets past the magic into the lengths and header. */
const framedGarbage = fc
  .record({ version: fc.oneof(fc.constant(1), fc.nat({ max: 0xffff })), headerLength: fc.oneof(fc.nat({ max: 300 }), interestingNumber), rest: fc.uint8Array({ maxLength: 600 }) })
  .map(({ version, headerLength, rest }) => {
    const out = new Uint8Array(14 + rest.length);
    out.set(REFERAT_FILE_MAGIC, 0);
    new DataView(out.buffer).setUint16(8, version);
    new DataView(out.buffer).setUint32(10, headerLength >>> 0);
    out.set(rest, 14);
    return out;
  });

/** A well-framed file around a random JSON header, a random update and a random signature. */
const framedJson = fc.record({ header: fc.jsonValue({ maxDepth: 3 }), update: fc.uint8Array({ maxLength: 200 }), signature: fc.uint8Array({ maxLength: 80 }) });

describe('the .referat decoder under fuzzing', () => {
  it('refuses arbitrary bytes with a known code and never throws', { timeout: fuzzTimeout(20_000) }, async () => {
    await checkProperty(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 1024 }), framedGarbage), async (bytes) => {
        peekOrRefuse(bytes);
        const parsed = parseOrNull(bytes);
        if (parsed) expect(await verifyReferatFile(parsed)).toBe(false);
        const result = await fileImportDecode({ fileBytes: bytes, currentState: null, expectedDocId: null, maxBytes: MAX });
        expectKnownResult(result);
        expect(result.kind).toBe('error');
      }),
      200,
    );
  });

  it('refuses a framed file with any JSON header and random update and signature', { timeout: fuzzTimeout(20_000) }, async () => {
    await checkProperty(
      fc.asyncProperty(framedJson, async (parts) => {
        const bytes = await assembleReferatFile(parts);
        peekOrRefuse(bytes);
        const parsed = parseOrNull(bytes);
        if (parsed) expect(await verifyReferatFile(parsed)).toBe(false);
        const result = await fileImportDecode({ fileBytes: bytes, currentState: null, expectedDocId: null, maxBytes: MAX });
        expectKnownResult(result);
        expect(result.kind).toBe('error');
      }),
      100,
    );
  });

  it('imports every valid file, whole or partial, with the sender’s content', { timeout: fuzzTimeout(30_000) }, async () => {
    const signers = [await createTestSigner('Ed25519'), await createTestSigner('ECDSA-P256')];
    await checkProperty(
      fc.asyncProperty(fc.uuid({ version: 4 }), edits, edits, sender, fc.boolean(), fc.nat({ max: 1 }), async (id, first, second, from, partial, which) => {
        const doc = referat(id);
        applyEdits(doc, first);
        const receiver = partial ? copyOf(doc) : null;
        applyEdits(doc, second);
        const file = await fileOf(doc, signers[which]!, receiver ? Y.encodeStateVector(receiver) : null, from);
        const result = await fileImportDecode({
          fileBytes: file,
          currentState: receiver ? Y.encodeStateAsUpdate(receiver) : null,
          expectedDocId: id,
          maxBytes: MAX,
          ...(receiver ? { receiver: receiverFacts(receiver, await checkClaims(receiver), 'none') } : {}),
        });
        if (result.kind !== 'ok') {
          // Only a partial file that adds nothing the copy lacks is already included.
          expect(result).toMatchObject({ kind: 'alreadyIncluded' });
          expect(receiver).not.toBeNull();
          expect(Y.encodeStateVector(receiver!)).toEqual(Y.encodeStateVector(doc));
          return;
        }
        expect(result.header.sender.name).toBe(from.name);
        expect(result.isNewDocument).toBe(!partial);
        const received = receiver ?? newReferatDoc();
        Y.applyUpdate(received, result.newUpdate);
        expect(received.store.pendingStructs).toBeNull();
        expect(Y.encodeStateVector(received)).toEqual(Y.encodeStateVector(doc));
        expect(readMeta(received)).toEqual(readMeta(doc));
        expect(readParticipants(received)).toEqual(readParticipants(doc));
        expect(bodyText(received)).toBe(bodyText(doc));
      }),
      40,
    );
  });

  it('refuses a valid file with any bytes changed after signing; such bytes never verify', { timeout: fuzzTimeout(30_000) }, async () => {
    const mutated = sampleIndex().chain((i) =>
      fc.record({
        i: fc.constant(i),
        mutations: fc.array(fc.oneof(byteMutation, fieldMutation(samples[i]!.file), regionFlip(samples[i]!.file)), { minLength: 1, maxLength: 4 }),
      }),
    );
    await checkProperty(
      fc.asyncProperty(mutated, async ({ i, mutations }) => {
        const s = samples[i]!;
        const bytes = applyMutations(s.file, mutations);
        fc.pre(!sameBytes(bytes, s.file));
        peekOrRefuse(bytes);
        const parsed = parseOrNull(bytes);
        if (parsed) expect(await verifyReferatFile(parsed)).toBe(false);
        const result = await decode(s, bytes);
        expectKnownResult(result);
        expect(result.kind).toBe('error');
      }),
      200,
    );
  });

  it('never throws on a hostile header or update that the sender signed, and what it accepts applies whole', { timeout: fuzzTimeout(30_000) }, async () => {
    const paths = [
      'fileVersion', 'docId', 'title', 'createdAt', 'sender', 'sender.name', 'sender.organisation', 'sender.organisationKind', 'sender.publicKey',
      'sender.publicKey.x', 'sender.publicKey.crv', 'sender.algorithm', 'sender.fingerprint', 'stateVector', 'base', 'updateSha256', 'extra',
    ];
    const headerChange = fc.oneof(
      fc.record({ path: fc.constantFrom(...paths), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'binary', maxLength: 600 })) }),
      fc.record({ path: fc.constantFrom(...paths), value: fc.constant(undefined) }),
      fc.record({ path: fc.constant('docId'), value: fc.uuid({ version: 4 }) }),
    );
    const hostile = sampleIndex().chain((i) =>
      fc.record({
        i: fc.constant(i),
        header: fc.array(headerChange, { maxLength: 2 }),
        update: fc.array(byteMutation, { maxLength: 3 }),
        keepHash: fc.boolean(),
      }),
    );
    await checkProperty(
      fc.asyncProperty(hostile, async ({ i, header: changes, update: mutations, keepHash }) => {
        const s = samples[i]!;
        const update = applyMutations(updateOf(s.file), mutations);
        const header = headerOf(s.file);
        if (!keepHash) header.updateSha256 = sha256Hex(update);
        for (const { path, value } of changes) setPath(header, path, value);
        const bytes = await assembleReferatFile({ header, update, signature: s.signer });
        const result = await decode(s, bytes);
        expectKnownResult(result);
        let headerValid = true;
        try {
          readReferatFileHeader(JSON.parse(JSON.stringify(header)), 1);
        } catch {
          headerValid = false;
        }
        if (!headerValid) expect(result).toMatchObject({ kind: 'error', code: 'badHeader' });
        if (result.kind !== 'ok') return;
        const received = s.currentState ? copyOf(docFrom(s.currentState)) : newReferatDoc();
        const idBefore = metaMap(received).get('id');
        Y.applyUpdate(received, result.newUpdate);
        expect(received.store.pendingStructs).toBeNull();
        expect(received.store.pendingDs).toBeNull();
        // A copy keeps its id; a new referat carries the id its header names.
        expect(metaMap(received).get('id')).toBe(s.currentState ? idBefore : result.header.docId);
      }),
      150,
    );
  });
});

function docFrom(update: Uint8Array): Y.Doc {
  const doc = newReferatDoc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** Sets (or with undefined, deletes) a dotted path in a JSON object, making objects on the way when needed. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
}
