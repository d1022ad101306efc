// Property-based fuzzing of the ZIP reader (src/export/zipReader.ts): arbitrary bytes, damaged archives made by
// ZipWriter and hand-made archives with hostile names are refused with a known code or read correctly, never
// crash, and no accepted path leaves its folder. Budget and replay: README.md.
/* oxlint-disable vitest/expect-expect, vitest/no-conditional-expect -- assertions run inside fast-check properties (checkProperty), each for the case its input falls in */
import { posix, win32 } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/export/crc32';
import { bytesSource, openZip, ZipReadError, type ZipErrorCode, type ZipLimits } from '../../../src/export/zipReader';
import { zipPathProblem } from '../../../src/export/zipPath';
import { ZipWriter } from '../../../src/export/zipWriter';
import { applyMutations, byteMutation, interestingNumber, type ByteMutation } from './byteMutation';
import { checkProperty, fuzzTimeout } from './fuzzProperty';
import { rawZip } from './rawZip';

// A record, so that a new error code fails the type check here until the fuzzer knows it.
const ZIP_CODES: Record<ZipErrorCode, true> = {
  empty: true, notZip: true, truncated: true, unsupported: true, tooManyEntries: true, tooLarge: true, ratio: true, unsafePath: true, duplicate: true, corrupt: true,
};

/** Small limits keep every run bounded in time and memory. */
const LIMITS: ZipLimits = { maxArchiveBytes: 8 << 20, maxEntries: 64, maxEntryBytes: 1 << 20, maxTotalBytes: 4 << 20, maxRatio: 100 };

interface Read {
  path: string;
  data: Uint8Array;
}

/** Opens and reads every entry: the entries read, or the refusal's code. Anything but a ZipReadError fails. */
async function readAll(zip: Uint8Array): Promise<Read[] | ZipErrorCode> {
  try {
    const archive = await openZip(bytesSource(zip), LIMITS);
    const out: Read[] = [];
    for (const entry of archive.entries) {
      const data = await archive.read(entry);
      expect(data.length).toBe(entry.size);
      expect(crc32(data)).toBe(entry.crc);
      out.push({ path: entry.path, data });
    }
    return out;
  } catch (e) {
    if (!(e instanceof ZipReadError)) throw new Error(`threw ${String(e)} instead of a ZipReadError`, { cause: e });
    expect(Object.keys(ZIP_CODES)).toContain(e.code);
    return e.code;
  }
}

/** A path extracted under a folder stays inside it, on POSIX and on Windows. */
function expectContained(path: string): void {
  expect(zipPathProblem(path)).toBeNull();
  expect(posix.resolve('/safe/base', path).startsWith('/safe/base/')).toBe(true);
  expect(win32.resolve('C:\\safe\\base', path).startsWith('C:\\safe\\base\\')).toBe(true);
  expect(path).not.toMatch(/\0/);
}

const segment = fc
  .string({ unit: fc.constantFrom(...'abcxyzæøåÆØÅé日本-_ .()#%+~'.split('')), minLength: 1, maxLength: 10 })
  .filter((s) => s !== '.' && s !== '..');
const safePath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')).filter((p) => zipPathProblem(p) === null);

const entryData = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.tuple(fc.string({ maxLength: 20 }), fc.nat({ max: 300 })).map(([s, n]) => new TextEncoder().encode(s.repeat(n))),
);

const archiveSpec = fc.record({
  entries: fc.uniqueArray(fc.record({ path: safePath, data: entryData, store: fc.boolean() }), {
    maxLength: 6,
    selector: (e) => e.path.normalize('NFC').toLowerCase(),
  }),
  level: fc.constantFrom(0 as const, 1 as const, 6 as const, 9 as const),
});

type ArchiveSpec = typeof archiveSpec extends fc.Arbitrary<infer T> ? T : never;

async function writeZip(spec: ArchiveSpec): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter({ write: (chunk) => void chunks.push(chunk) }, { level: spec.level, mtime: new Date(Date.UTC(2026, 2, 4)) });
  for (const e of spec.entries) await writer.add(e.path, e.data, { store: e.store });
  const size = await writer.finish();
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Offsets of every PK signature (local header, central record, end record) in an archive. */
function signatures(zip: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (zip[i] === 0x50 && zip[i + 1] === 0x4b) out.push(i);
  return out;
}

/** A header field to damage: the n-th PK signature (local, central or end record), a field offset, a number. */
interface AimedMutation {
  sig: number;
  field: number;
  width: 2 | 4;
  value: number;
}

const aimedMutation: fc.Arbitrary<AimedMutation> = fc.record({
  sig: fc.nat(),
  field: fc.nat({ max: 44 }),
  width: fc.constantFrom(2 as const, 4 as const),
  value: interestingNumber,
});

function aimAt(zip: Uint8Array, m: AimedMutation): ByteMutation {
  const starts = signatures(zip);
  const start = starts.length === 0 ? 0 : starts[m.sig % starts.length]!;
  return { kind: 'int', at: start + m.field, width: m.width, value: m.value, littleEndian: true };
}

describe('the ZIP reader under fuzzing', () => {
  it('reads back every archive ZipWriter makes', { timeout: fuzzTimeout(20_000) }, async () => {
    await checkProperty(
      fc.asyncProperty(archiveSpec, async (spec) => {
        const read = await readAll(await writeZip(spec));
        expect(read).toEqual(spec.entries.map((e) => ({ path: e.path, data: e.data })));
      }),
      60,
    );
  });

  it('refuses arbitrary bytes with a known code and never throws', { timeout: fuzzTimeout(20_000) }, async () => {
    const endRecord = fc
      .record({ before: fc.uint8Array({ maxLength: 200 }), fields: fc.array(interestingNumber, { minLength: 5, maxLength: 5 }), comment: fc.uint8Array({ maxLength: 20 }) })
      .map(({ before, fields, comment }) => {
        const out = new Uint8Array(before.length + 22 + comment.length);
        out.set(before, 0);
        const d = new DataView(out.buffer, before.length);
        d.setUint32(0, 0x06054b50, true);
        d.setUint16(8, fields[0]! & 0xffff, true);
        d.setUint16(10, fields[1]! & 0xffff, true);
        d.setUint32(12, fields[2]! >>> 0, true);
        d.setUint32(16, fields[3]! >>> 0, true);
        d.setUint16(20, fields[4]! % 2 === 0 ? comment.length : fields[4]! & 0xffff, true);
        out.set(comment, before.length + 22);
        return out;
      });
    await checkProperty(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 1024 }), endRecord), async (bytes) => {
        const read = await readAll(bytes);
        if (typeof read !== 'string') for (const r of read) expectContained(r.path);
      }),
      200,
    );
  });

  it('refuses a damaged archive or reads it right: what one change leaves readable is the original content', { timeout: fuzzTimeout(30_000) }, async () => {
    const change = fc.oneof(byteMutation, aimedMutation);
    await checkProperty(
      fc.asyncProperty(archiveSpec, fc.array(change, { minLength: 1, maxLength: 3 }), async (spec, changes) => {
        const zip = await writeZip(spec);
        const bytes = applyMutations(zip, changes.map((c) => ('sig' in c ? aimAt(zip, c) : c)));
        const read = await readAll(bytes);
        if (typeof read === 'string') return;
        const original = new Map(spec.entries.map((e) => [e.path, e.data]));
        for (const r of read) {
          expectContained(r.path);
          // One change of at most a few bytes cannot both alter an entry's data and keep its CRC-32.
          if (changes.length === 1 && original.has(r.path)) expect(r.data).toEqual(original.get(r.path));
        }
      }),
      200,
    );
  });

  it('never accepts a name that leaves its folder, whatever bytes the archive holds for it', { timeout: fuzzTimeout(20_000) }, async () => {
    const pathPart = fc.constantFrom('a', 'b', '.', '..', '/', '\\', ':', 'C:', '\0', '\u0085', '\u2215', '\uff0f', '%2e', ' ', '\u202e', 'æ', '\ud800', '\u00a0', '~');
    const name = fc.oneof(
      fc.array(pathPart, { minLength: 1, maxLength: 8 }).map((parts) => new TextEncoder().encode(parts.join(''))),
      fc.uint8Array({ minLength: 1, maxLength: 20 }),
    );
    const entries = fc.array(fc.record({ name, data: fc.uint8Array({ maxLength: 40 }), utf8: fc.boolean() }), { minLength: 1, maxLength: 4 });
    await checkProperty(
      fc.asyncProperty(entries, async (list) => {
        const read = await readAll(rawZip(list));
        if (typeof read === 'string') return;
        for (const r of read) expectContained(r.path);
      }),
      300,
    );
  });
});
