// Reads a ZIP from an untrusted source, safely: entry count, declared and actual sizes, compression ratio and
// paths are limited, bytes are counted while they inflate (headers are never trusted), CRC-32 is checked.
import { Inflate } from 'fflate';
import { errorMessage } from '../core/errorMessage';
import { crc32 } from './crc32';
import { zipPathProblem } from './zipPath';

/** Random access to the archive's bytes: a file is read piece by piece, never whole. */
export interface ZipSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ZipLimits {
  /** Size of the archive itself. */
  maxArchiveBytes: number;
  maxEntries: number;
  /** Uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size, for entries above RATIO_FLOOR bytes. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: 2 * 1024 ** 3,
  maxEntries: 20_000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 ** 3,
  maxRatio: 100,
};

/** Small entries may compress very well (a run of spaces) without being a bomb. */
const RATIO_FLOOR = 64 * 1024;
/** Compressed bytes per inflate step: deflate expands at most ~1032×, so one step yields at most ~4 MB. */
const INFLATE_STEP = 4096;
const READ_STEP = 256 * 1024;

export type ZipErrorCode =
  | 'empty'
  | 'notZip'
  | 'truncated'
  | 'unsupported'
  | 'tooManyEntries'
  | 'tooLarge'
  | 'ratio'
  | 'unsafePath'
  | 'duplicate'
  | 'corrupt';

export class ZipReadError extends Error {
  constructor(readonly code: ZipErrorCode, detail: string) {
    super(detail);
    this.name = 'ZipReadError';
  }
}

export interface ZipEntry {
  path: string;
  /** As the central directory declares them: reading checks both. */
  size: number;
  compressedSize: number;
  crc: number;
  method: 0 | 8;
  /** Offset of the local header. */
  offset: number;
}

export interface ZipArchive {
  /** File entries in central-directory order (folder entries are checked, then left out). */
  readonly entries: readonly ZipEntry[];
  /** The entry's bytes, inflated with every limit and checked against its size and CRC-32; throws ZipReadError. */
  read(entry: ZipEntry): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ZipSource {
  return { size: bytes.length, read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)) };
}

export function blobSource(blob: Blob): ZipSource {
  return { size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, at: number) => (b[at] as number) | ((b[at + 1] as number) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

async function readExactly(source: ZipSource, offset: number, length: number, what: string): Promise<Uint8Array> {
  if (offset < 0 || offset + length > source.size) throw new ZipReadError('truncated', `the ${what} lies beyond the end of the file`);
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw new ZipReadError('truncated', `the ${what} could not be read whole`);
  return bytes;
}

async function findEnd(source: ZipSource): Promise<{ count: number; cdSize: number; cdOffset: number; at: number }> {
  const tailStart = Math.max(0, source.size - (22 + 0xffff));
  const tail = await readExactly(source, tailStart, source.size - tailStart, 'end of the file');
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) !== EOCD || i + 22 + u16(tail, i + 20) !== tail.length) continue;
    const [disk, cdDisk, onDisk, count, cdSize, cdOffset] = [u16(tail, i + 4), u16(tail, i + 6), u16(tail, i + 8), u16(tail, i + 10), u32(tail, i + 12), u32(tail, i + 16)];
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipReadError('unsupported', 'ZIP64 archives are not supported');
    if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw new ZipReadError('unsupported', 'split (multi-disk) archives are not supported');
    return { count, cdSize, cdOffset, at: tailStart + i };
  }
  const head = await source.read(0, 4);
  if (head.length === 4 && u32(head, 0) === LOCAL) throw new ZipReadError('truncated', 'the ZIP has no end record: it was cut off');
  throw new ZipReadError('notZip', 'not a ZIP file');
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (!utf8 && bytes.every((b) => b < 0x80)) return String.fromCharCode(...bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ZipReadError('unsafePath', 'a file name is neither ASCII nor UTF-8');
  }
}

function checkSizes(e: ZipEntry, limits: ZipLimits): void {
  if (e.size > limits.maxEntryBytes) throw new ZipReadError('tooLarge', `${e.path} would unpack to ${e.size} bytes (limit ${limits.maxEntryBytes})`);
  if (e.method === 0 && e.size !== e.compressedSize) throw new ZipReadError('corrupt', `${e.path}: stored sizes disagree`);
  if (e.size > RATIO_FLOOR && e.size > e.compressedSize * limits.maxRatio) {
    throw new ZipReadError('ratio', `${e.path} would unpack ${Math.round(e.size / Math.max(1, e.compressedSize))}× (limit ${limits.maxRatio}×)`);
  }
}

function parseCentral(cd: Uint8Array, count: number, limits: ZipLimits): { entries: ZipEntry[]; all: ZipEntry[] } {
  const entries: ZipEntry[] = [];
  const all: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = 0;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || u32(cd, at) !== CENTRAL) throw new ZipReadError('corrupt', 'the central directory is damaged');
    const flags = u16(cd, at + 8);
    const method = u16(cd, at + 10);
    const nameLength = u16(cd, at + 28);
    const next = at + 46 + nameLength + u16(cd, at + 30) + u16(cd, at + 32);
    if (next > cd.length) throw new ZipReadError('corrupt', 'the central directory is damaged');
    const path = decodeName(cd.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    if (flags & 0x41) throw new ZipReadError('unsupported', `${path} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipReadError('unsupported', `${path} uses compression method ${method}`);
    const problem = zipPathProblem(path);
    if (problem) throw new ZipReadError('unsafePath', `${JSON.stringify(path.slice(0, 120))}: ${problem}`);
    const key = path.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new ZipReadError('duplicate', `${path} occurs twice`);
    seen.add(key);
    const entry: ZipEntry = { path, size: u32(cd, at + 24), compressedSize: u32(cd, at + 20), crc: u32(cd, at + 16), method, offset: u32(cd, at + 42) };
    checkSizes(entry, limits);
    total += entry.size;
    if (total > limits.maxTotalBytes) throw new ZipReadError('tooLarge', `the ZIP would unpack to more than ${limits.maxTotalBytes} bytes`);
    all.push(entry);
    if (!path.endsWith('/')) entries.push(entry);
    else if (entry.size !== 0) throw new ZipReadError('corrupt', `folder entry ${path} has content`);
    at = next;
  }
  return { entries, all };
}

export async function openZip(source: ZipSource, partial: Partial<ZipLimits> = {}): Promise<ZipArchive> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...partial };
  if (source.size === 0) throw new ZipReadError('empty', 'the file is empty');
  if (source.size > limits.maxArchiveBytes) throw new ZipReadError('tooLarge', `the file is larger than ${limits.maxArchiveBytes} bytes`);
  const end = await findEnd(source);
  if (end.count > limits.maxEntries) throw new ZipReadError('tooManyEntries', `${end.count} entries (limit ${limits.maxEntries})`);
  if (end.cdOffset + end.cdSize > end.at) throw new ZipReadError('truncated', 'the central directory lies beyond the end record');
  const { entries, all } = parseCentral(await readExactly(source, end.cdOffset, end.cdSize, 'central directory'), end.count, limits);

  // Entries must not overlap (a known bomb technique) and must end before the central directory.
  const byOffset = all.toSorted((a, b) => a.offset - b.offset);
  const dataStart = new Map<ZipEntry, number>();
  for (const [i, e] of byOffset.entries()) {
    const local = await readExactly(source, e.offset, 30, `local header of ${e.path}`);
    if (u32(local, 0) !== LOCAL) throw new ZipReadError('corrupt', `the local header of ${e.path} is damaged`);
    const start = e.offset + 30 + u16(local, 26) + u16(local, 28);
    const limit = byOffset[i + 1]?.offset ?? end.cdOffset;
    if (start + e.compressedSize > limit) {
      throw new ZipReadError(limit === end.cdOffset && start + e.compressedSize > source.size ? 'truncated' : 'corrupt', `${e.path} overlaps what follows it`);
    }
    dataStart.set(e, start);
  }

  return {
    entries,
    async read(entry) {
      const start = dataStart.get(entry);
      if (start === undefined) throw new Error('not an entry of this archive');
      return inflateEntry(source, entry, start);
    },
  };
}

async function inflateEntry(source: ZipSource, entry: ZipEntry, start: number): Promise<Uint8Array> {
  const out = new Uint8Array(entry.size);
  let filled = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    // Counted as it comes out: more than declared is refused before it is kept.
    if (filled + chunk.length > entry.size) throw new ZipReadError('corrupt', `${entry.path} unpacks to more than its declared ${entry.size} bytes`);
    out.set(chunk, filled);
    filled += chunk.length;
    crc = crc32(chunk, crc);
  };
  const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null;
  let done = false;
  for (let at = 0; at < entry.compressedSize; at += READ_STEP) {
    const length = Math.min(READ_STEP, entry.compressedSize - at);
    const piece = await readExactly(source, start + at, length, `data of ${entry.path}`);
    if (!inflater) {
      take(piece);
      continue;
    }
    for (let p = 0; p < piece.length; p += INFLATE_STEP) {
      const last = at + length >= entry.compressedSize && p + INFLATE_STEP >= piece.length;
      try {
        inflater.push(piece.subarray(p, p + INFLATE_STEP), last);
      } catch (e) {
        if (e instanceof ZipReadError) throw e;
        throw new ZipReadError('corrupt', `${entry.path} cannot be unpacked: ${errorMessage(e)}`);
      }
      done ||= last;
    }
  }
  if (inflater && !done) {
    try {
      inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof ZipReadError) throw e;
      throw new ZipReadError('corrupt', `${entry.path} cannot be unpacked`);
    }
  }
  if (filled !== entry.size) throw new ZipReadError('corrupt', `${entry.path} unpacks to ${filled} bytes, not the declared ${entry.size}`);
  if (crc !== entry.crc) throw new ZipReadError('corrupt', `${entry.path} fails its CRC-32 check`);
  return out;
}
