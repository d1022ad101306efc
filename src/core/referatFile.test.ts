import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assembleReferatFile, headerOf, updateOf } from '../testSupport/assembleReferatFile';
import { seededBytes } from '../testSupport/seededRandom';
import { createTestSigner, type TestSigner } from '../testSupport/testSigner';
import { bodyText } from './bodyText';
import { keyFingerprint } from './fingerprint';
import { initReferat } from './initReferat';
import { readMeta } from './meta';
import type { SignatureAlgorithm } from './publicKeyJwk';
import { newReferatDoc } from './referatDoc';
import { encodeReferatFile, MAX_HEADER_BYTES, parseReferatFile, peekReferatFileHeader, verifyReferatFile } from './referatFile';
import { ReferatFileError, type ReferatFileErrorCode } from './referatFileError';
import { newReferatId } from './referatId';
import { sha256Hex } from './sha256';
import { STANDARD_TEMPLATE } from './templates';

const sender = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' as const };
const now = new Date('2026-03-04T10:15:00.000Z');

function referat(id = newReferatId()): Y.Doc {
  const doc = newReferatDoc();
  initReferat(doc, { id, title: 'Driftsmøde', date: '2026-03-04', createdAt: '2026-03-04T09:00:00.000Z', template: STANDARD_TEMPLATE, creator: sender });
  return doc;
}

async function fileOf(doc: Y.Doc, signer: TestSigner): Promise<Uint8Array> {
  return encodeReferatFile({
    docId: readMeta(doc).id,
    title: readMeta(doc).title,
    sender,
    signer,
    stateVector: Y.encodeStateVector(doc),
    base: null,
    update: Y.encodeStateAsUpdate(doc),
    now,
  });
}

function codeOf(run: () => unknown): ReferatFileErrorCode | 'no error' {
  try {
    run();
  } catch (e) {
    if (e instanceof ReferatFileError) return e.code;
    throw e;
  }
  return 'no error';
}

describe.each<SignatureAlgorithm>(['ECDSA-P256', 'Ed25519'])('the .referat file signed with %s', (algorithm) => {
  it('round-trips: parse gives the header and update, verify accepts, and the update rebuilds the same referat', async () => {
    const signer = await createTestSigner(algorithm);
    const doc = referat();
    const file = await fileOf(doc, signer);
    const parsed = parseReferatFile(file, { maxBytes: 1 << 20 });
    expect(parsed.header).toEqual({
      fileVersion: 1,
      docId: readMeta(doc).id,
      title: 'Driftsmøde',
      createdAt: '2026-03-04T10:15:00.000Z',
      sender: { ...sender, publicKey: parsed.header.sender.publicKey, algorithm, fingerprint: await keyFingerprint(signer.publicKey) },
      stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64'),
      base: null,
      updateSha256: sha256Hex(Y.encodeStateAsUpdate(doc)),
    });
    expect(parsed.header.sender.publicKey).toEqual(
      algorithm === 'ECDSA-P256'
        ? { kty: 'EC', crv: 'P-256', x: signer.publicKey.x, y: signer.publicKey.y }
        : { kty: 'OKP', crv: 'Ed25519', x: signer.publicKey.x },
    );
    expect(parsed.signature.length).toBe(64);
    expect(await verifyReferatFile(parsed)).toBe(true);
    const copy = newReferatDoc();
    Y.applyUpdate(copy, parsed.update);
    expect(readMeta(copy)).toEqual(readMeta(doc));
    expect(bodyText(copy)).toBe(bodyText(doc));
  });

  it('follows the documented byte layout, readable by a plain program', async () => {
    const signer = await createTestSigner(algorithm);
    const doc = referat();
    const file = await fileOf(doc, signer);
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    expect(new TextDecoder().decode(file.subarray(0, 8))).toBe('REFERAT\n');
    expect(view.getUint16(8)).toBe(1);
    const headerLength = view.getUint32(10);
    const header = JSON.parse(new TextDecoder().decode(file.subarray(14, 14 + headerLength))) as { docId: string };
    expect(header.docId).toBe(readMeta(doc).id);
    const updateLength = view.getUint32(14 + headerLength);
    const updateEnd = 18 + headerLength + updateLength;
    expect(file.subarray(18 + headerLength, updateEnd)).toEqual(Y.encodeStateAsUpdate(doc));
    expect(view.getUint16(updateEnd)).toBe(64);
    expect(file.length).toBe(updateEnd + 2 + 64);
    expect(parseReferatFile(file).signedBytes).toEqual(file.subarray(0, updateEnd));
  });

  it('writes only the public key members even when the signer holds the private JWK', async () => {
    const signer = await createTestSigner(algorithm);
    expect(signer.privateJwk.d).toBeTypeOf('string');
    const file = await fileOf(referat(), { ...signer, publicKey: signer.privateJwk });
    const text = new TextDecoder().decode(file);
    expect(text).not.toContain(signer.privateJwk.d);
    expect(Object.keys(parseReferatFile(file).header.sender.publicKey).toSorted()).toEqual(
      algorithm === 'ECDSA-P256' ? ['crv', 'kty', 'x', 'y'] : ['crv', 'kty', 'x'],
    );
  });

  it('fails verification for a tampered header, a tampered signature, another key or a false fingerprint', async () => {
    const signer = await createTestSigner(algorithm);
    const other = await createTestSigner(algorithm);
    const doc = referat();
    const file = await fileOf(doc, signer);
    const update = updateOf(file);
    const header = headerOf(file);

    const retitled = file.slice();
    const at = Buffer.from(file).indexOf('Driftsmøde');
    retitled[at] = 'X'.charCodeAt(0);
    const p1 = parseReferatFile(retitled);
    expect(p1.header.title).toBe('Xriftsmøde');
    expect(await verifyReferatFile(p1)).toBe(false);

    const resigned = file.slice();
    resigned[resigned.length - 1] = (resigned[resigned.length - 1] as number) ^ 1;
    expect(await verifyReferatFile(parseReferatFile(resigned))).toBe(false);

    const originalSignature = parseReferatFile(file).signature;
    const otherKeyHeader = {
      ...header,
      sender: { ...(header.sender as object), publicKey: parseReferatFile(await fileOf(doc, other)).header.sender.publicKey, fingerprint: await keyFingerprint(other.publicKey) },
    };
    const swapped = await assembleReferatFile({ header: otherKeyHeader, update, signature: originalSignature });
    expect(await verifyReferatFile(parseReferatFile(swapped))).toBe(false);

    const falseFingerprint = { ...header, sender: { ...(header.sender as object), fingerprint: await keyFingerprint(other.publicKey) } };
    const lying = await assembleReferatFile({ header: falseFingerprint, update, signature: signer });
    expect(await verifyReferatFile(parseReferatFile(lying))).toBe(false);

    const honest = await assembleReferatFile({ header, update, signature: signer });
    expect(await verifyReferatFile(parseReferatFile(honest))).toBe(true);
  });
});

describe('parseReferatFile refuses broken files with an exact code', () => {
  it('refuses empty, oversize and random files', async () => {
    expect(codeOf(() => parseReferatFile(new Uint8Array()))).toBe('empty');
    const file = await fileOf(referat(), await createTestSigner('Ed25519'));
    expect(codeOf(() => parseReferatFile(file, { maxBytes: file.length - 1 }))).toBe('tooLarge');
    expect(codeOf(() => parseReferatFile(file, { maxBytes: file.length }))).toBe('no error');
    for (let seed = 1; seed <= 20; seed++) {
      expect(codeOf(() => parseReferatFile(seededBytes(seed, 1 + seed * 37))), `seed ${seed}`).toBe('badMagic');
    }
  });

  it('calls every prefix of a file truncated', async () => {
    const file = await fileOf(referat(), await createTestSigner('Ed25519'));
    for (let n = 1; n < file.length; n++) {
      expect(codeOf(() => parseReferatFile(file.subarray(0, n))), `prefix ${n}`).toBe('truncated');
    }
    expect(codeOf(() => parseReferatFile(file))).toBe('no error');
  });

  it('refuses wrong magic, a newer or zero version, and trailing bytes', async () => {
    const signer = await createTestSigner('ECDSA-P256');
    const file = await fileOf(referat(), signer);
    const magic = file.slice();
    magic[0] = 0x72;
    expect(codeOf(() => parseReferatFile(magic))).toBe('badMagic');
    const crlf = new Uint8Array(file.length + 1);
    crlf.set(new TextEncoder().encode('REFERAT\r\n'));
    crlf.set(file.subarray(8), 9);
    expect(codeOf(() => parseReferatFile(crlf))).toBe('badMagic');
    const header = headerOf(file);
    const update = updateOf(file);
    expect(codeOf(() => parseReferatFile(new Uint8Array([0x52, 0x45, 0x46, 0x58])))).toBe('badMagic');
    const newer = await assembleReferatFile({ header: { ...header, fileVersion: 2 }, update, signature: signer, version: 2 });
    expect(codeOf(() => parseReferatFile(newer))).toBe('newerVersion');
    // A newer version is reported before anything else is read: its layout may differ.
    expect(codeOf(() => parseReferatFile(newer.subarray(0, 10)))).toBe('newerVersion');
    const zero = await assembleReferatFile({ header, update, signature: signer, version: 0 });
    expect(codeOf(() => parseReferatFile(zero))).toBe('badHeader');
    const trailing = new Uint8Array(file.length + 1);
    trailing.set(file);
    expect(codeOf(() => parseReferatFile(trailing))).toBe('trailingBytes');
  });

  it('refuses lengths that point past the end', async () => {
    const file = await fileOf(referat(), await createTestSigner('Ed25519'));
    const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
    const headerLength = view(file).getUint32(10);
    const cases: Array<[number, 'u16' | 'u32', number]> = [
      [10, 'u32', 0xffffffff],
      [10, 'u32', file.length],
      [14 + headerLength, 'u32', 0xffffffff],
      [14 + headerLength, 'u32', file.length],
      [file.length - 66, 'u16', 65],
      [file.length - 66, 'u16', 0xffff],
    ];
    for (const [offset, size, value] of cases) {
      const bad = file.slice();
      if (size === 'u16') view(bad).setUint16(offset, value);
      else view(bad).setUint32(offset, value);
      expect(codeOf(() => parseReferatFile(bad)), `${offset}=${value}`).toBe('truncated');
    }
  });

  it('refuses a changed update by its hash', async () => {
    const file = await fileOf(referat(), await createTestSigner('Ed25519'));
    const bad = file.slice();
    bad[file.length - 70] = (bad[file.length - 70] as number) ^ 0x40;
    expect(codeOf(() => parseReferatFile(bad))).toBe('hashMismatch');
  });

  it('refuses a header that is not UTF-8 JSON of an object', async () => {
    const signer = await createTestSigner('Ed25519');
    const file = await fileOf(referat(), signer);
    const update = updateOf(file);
    const json = new TextEncoder().encode(JSON.stringify(headerOf(file)));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...json]);
    const badUtf8 = json.slice();
    badUtf8[json.indexOf(0x44)] = 0xff; // the D of Driftsmøde
    for (const header of [new Uint8Array(), new TextEncoder().encode('{"fileVersion":1'), withBom, badUtf8, new TextEncoder().encode('[1]'), new TextEncoder().encode('"x"'), new TextEncoder().encode('null')]) {
      const bad = await assembleReferatFile({ header, update, signature: signer });
      expect(codeOf(() => parseReferatFile(bad))).toBe('badHeader');
    }
    const huge = await assembleReferatFile({ header: { ...headerOf(file), title: 'x'.repeat(MAX_HEADER_BYTES) }, update, signature: signer });
    expect(codeOf(() => parseReferatFile(huge))).toBe('badHeader');
  });

  it.each<[string, (h: Record<string, unknown>, s: Record<string, unknown>, k: Record<string, unknown>) => void]>([
    ['fileVersion as a string', (h) => (h.fileVersion = '1')],
    ['fileVersion not matching the binary version', (h) => (h.fileVersion = 2)],
    ['docId not a referat id', (h) => (h.docId = 'a/../../b')],
    ['docId as a number', (h) => (h.docId = 42)],
    ['title as a number', (h) => (h.title = 5)],
    ['a huge title', (h) => (h.title = 'x'.repeat(501))],
    ['createdAt not ISO', (h) => (h.createdAt = 'i går')],
    ['createdAt an impossible date', (h) => (h.createdAt = '2026-13-45T10:00:00Z')],
    ['sender null', (h) => (h.sender = null)],
    ['sender an array', (h) => (h.sender = [])],
    ['a huge sender name', (_h, s) => (s.name = 'n'.repeat(100_000))],
    ['an empty sender name', (_h, s) => (s.name = ' ')],
    ['organisation as an object', (_h, s) => (s.organisation = { toString: 'x' })],
    ['an unknown organisationKind', (_h, s) => (s.organisationKind = 'stat')],
    ['an unknown algorithm', (_h, s) => (s.algorithm = 'RSA')],
    ['an algorithm that does not fit the key', (_h, s) => (s.algorithm = 'Ed25519')],
    ['a private key d', (_h, _s, k) => (k.d = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')],
    ['an extra key member', (_h, _s, k) => (k.ext = true)],
    ['a short coordinate', (_h, _s, k) => (k.x = 'AAAA')],
    ['a coordinate with padding', (_h, _s, k) => (k.x = `${String(k.x)}=`)],
    ['another curve', (_h, _s, k) => (k.crv = 'P-384')],
    ['publicKey as a string', (_h, s) => (s.publicKey = 'key')],
    ['a lowercase fingerprint', (_h, s) => (s.fingerprint = String(s.fingerprint).toLowerCase())],
    ['a fingerprint without spaces', (_h, s) => (s.fingerprint = String(s.fingerprint).replaceAll(' ', ''))],
    ['stateVector not base64', (h) => (h.stateVector = 'not base64!')],
    ['stateVector not a state vector', (h) => (h.stateVector = 'AQ==')],
    ['stateVector missing', (h) => delete h.stateVector],
    ['base as a number', (h) => (h.base = 5)],
    ['base non-canonical base64', (h) => (h.base = 'AR==')],
    ['updateSha256 in uppercase', (h) => (h.updateSha256 = String(h.updateSha256).toUpperCase())],
    ['updateSha256 too short', (h) => (h.updateSha256 = 'abc')],
    ['an unknown field', (h) => (h.extra = 1)],
    ['a __proto__ field', (h) => Object.defineProperty(h, '__proto__', { value: { x: 1 }, enumerable: true })],
    ['an unknown sender field', (_h, s) => (s.email = 'a@b.dk')],
  ])('refuses a header with %s as badHeader', async (_name, mutate) => {
    const signer = await createTestSigner('ECDSA-P256');
    const file = await fileOf(referat(), signer);
    const header = headerOf(file);
    const s = header.sender as Record<string, unknown>;
    mutate(header, s, s.publicKey as Record<string, unknown>);
    const bad = await assembleReferatFile({ header, update: updateOf(file), signature: signer });
    expect(codeOf(() => parseReferatFile(bad))).toBe('badHeader');
  });
});

describe('peekReferatFileHeader', () => {
  it('reads the header of a file whose update is cut off, and refuses what comes before it', async () => {
    const file = await fileOf(referat(), await createTestSigner('Ed25519'));
    const headerEnd = 14 + new DataView(file.buffer).getUint32(10);
    expect(peekReferatFileHeader(file.subarray(0, headerEnd))).toEqual(parseReferatFile(file).header);
    expect(codeOf(() => peekReferatFileHeader(file.subarray(0, headerEnd - 1)))).toBe('truncated');
    expect(codeOf(() => peekReferatFileHeader(new Uint8Array()))).toBe('empty');
    expect(codeOf(() => peekReferatFileHeader(file, 100))).toBe('tooLarge');
    expect(codeOf(() => peekReferatFileHeader(seededBytes(1, 50)))).toBe('badMagic');
  });
});

describe('encodeReferatFile', () => {
  it('cuts a title longer than 500 characters, never inside a surrogate pair', async () => {
    const signer = await createTestSigner('Ed25519');
    const doc = referat();
    const write = (title: string) =>
      encodeReferatFile({ docId: readMeta(doc).id, title, sender, signer, stateVector: Y.encodeStateVector(doc), base: null, update: Y.encodeStateAsUpdate(doc), now });
    expect(parseReferatFile(await write('a'.repeat(800))).header.title).toBe('a'.repeat(500));
    expect(parseReferatFile(await write(`${'a'.repeat(499)}😀b`)).header.title).toBe('a'.repeat(499));
  });

  it('refuses to write a file it would not read', async () => {
    const signer = await createTestSigner('Ed25519');
    const doc = referat();
    const base = { docId: readMeta(doc).id, title: 'x', sender, signer, stateVector: Y.encodeStateVector(doc), base: null, update: Y.encodeStateAsUpdate(doc), now };
    await expect(encodeReferatFile({ ...base, docId: 'nope' })).rejects.toThrow(ReferatFileError);
    await expect(encodeReferatFile({ ...base, sender: { ...sender, name: '' } })).rejects.toThrow(ReferatFileError);
    await expect(encodeReferatFile({ ...base, signer: { ...signer, algorithm: 'ECDSA-P256' } })).rejects.toThrow('Not an ECDSA-P256 public key');
  });
});
