import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource, openZip, ZipReadError, type ZipLimits } from './zipReader';

const text = (s: string) => new TextEncoder().encode(s);

async function refusal(zip: Uint8Array, limits: Partial<ZipLimits> = {}): Promise<string> {
  try {
    const archive = await openZip(bytesSource(zip), limits);
    for (const e of archive.entries) await archive.read(e);
  } catch (e) {
    if (e instanceof ZipReadError) return e.code;
    throw e;
  }
  return 'accepted';
}

/** Offset of the first central-directory record. */
function centralStart(zip: Uint8Array): number {
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x05 && zip[i + 3] === 0x06) {
      return new DataView(zip.buffer, zip.byteOffset).getUint32(i + 16, true);
    }
  }
  throw new Error('no end record');
}

describe('openZip refuses bad archives', () => {
  const good = zipSync({ 'a.txt': text('hello a'), 'b.txt': text('hello b') });

  it('accepts a good archive', async () => {
    expect(await refusal(good)).toBe('accepted');
  });

  it('empty, not a ZIP, truncated', async () => {
    expect(await refusal(new Uint8Array(0))).toBe('empty');
    expect(await refusal(text('just some text, not a zip at all'))).toBe('notZip');
    expect(await refusal(good.subarray(0, good.length - 10))).toBe('truncated');
    expect(await refusal(good.subarray(0, 40))).toBe('truncated');
  });

  it('paths that escape their folder: ../, absolute, backslash, drive letter', async () => {
    for (const path of ['../evil.txt', 'a/../../evil.txt', '/etc/passwd', 'a\\..\\evil.txt', 'C:/Windows/evil.txt', 'c:evil.txt']) {
      expect(await refusal(zipSync({ [path]: text('x') })), path).toBe('unsafePath');
    }
  });

  it('two entries with the same name', async () => {
    const zip = zipSync({ 'a.txt': text('1'), 'b.txt': text('2') }, { level: 0 });
    const cd = centralStart(zip);
    const second = cd + 46 + 5 + 0; // after the first central record ("a.txt", no extra)
    expect(String.fromCharCode(...zip.subarray(second + 46, second + 51))).toBe('b.txt');
    zip[second + 46] = 'a'.charCodeAt(0);
    expect(await refusal(zip)).toBe('duplicate');
  });

  it('too many entries', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, text(String(i))]));
    expect(await refusal(zipSync(files), { maxEntries: 29 })).toBe('tooManyEntries');
    expect(await refusal(zipSync(files), { maxEntries: 30 })).toBe('accepted');
  });

  it('a zip bomb: declared sizes, ratio, and an entry that inflates past what it declares', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bomb = zipSync({ 'zeros.bin': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(bomb)).toBe('ratio');
    expect(await refusal(bomb, { maxRatio: 10_000, maxEntryBytes: 1024 * 1024 })).toBe('tooLarge');
    expect(await refusal(bomb, { maxRatio: 10_000, maxTotalBytes: 1024 * 1024 })).toBe('tooLarge');

    // The central directory lies: it says 1,000 bytes; inflating stops as soon as more comes out.
    const liar = bomb.slice();
    const view = new DataView(liar.buffer);
    view.setUint32(centralStart(liar) + 24, 1000, true);
    expect(await refusal(liar)).toBe('corrupt');
  });

  it('damaged data: CRC mismatch and garbage in the deflate stream', async () => {
    const stored = zipSync({ 'a.txt': text('hello world') }, { level: 0 });
    const flipped = stored.slice();
    flipped[30 + 5 + 2] = (flipped[30 + 5 + 2] ?? 0) ^ 0xff; // a byte of the stored content
    expect(await refusal(flipped)).toBe('corrupt');

    const deflated = zipSync({ 'a.txt': text('hello world '.repeat(100)) }, { level: 9 });
    const broken = deflated.slice();
    for (let i = 30 + 5; i < 30 + 5 + 8; i++) broken[i] = 0xff;
    expect(await refusal(broken)).toBe('corrupt');
  });

  it('encrypted or ZIP64 archives are refused as unsupported', async () => {
    const zip = zipSync({ 'a.txt': text('x') });
    const enc = zip.slice();
    enc[centralStart(enc) + 8] = (enc[centralStart(enc) + 8] ?? 0) | 1;
    expect(await refusal(enc)).toBe('unsupported');
    const z64 = zip.slice();
    new DataView(z64.buffer).setUint32(z64.length - 22 + 16, 0xffffffff, true);
    expect(await refusal(z64)).toBe('unsupported');
  });
});
