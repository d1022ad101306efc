import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource, openZip } from './zipReader';
import { ZipPathError } from './zipPath';
import { ZipWriter } from './zipWriter';

const text = (s: string) => new TextEncoder().encode(s);

async function write(files: Record<string, Uint8Array>, store = false): Promise<{ zip: Uint8Array; chunks: number }> {
  const chunks: Uint8Array[] = [];
  const w = new ZipWriter({ write: (c) => { chunks.push(c); } }, { mtime: new Date('2026-03-04T10:15:00Z') });
  for (const [path, data] of Object.entries(files)) await w.add(path, data, { store });
  const size = await w.finish();
  const zip = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    zip.set(c, at);
    at += c.length;
  }
  return { zip, chunks: chunks.length };
}

describe('ZipWriter', () => {
  const files = {
    'LÆSMIG.txt': text('Æbler, øl og ål\n'.repeat(100)),
    'referater/001 Styregruppemøde/referat.html': text('<p>Hej</p>'),
    'tom.txt': new Uint8Array(0),
    'binær.bin': Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251),
  };

  it('streams a ZIP in chunks that fflate and the safe reader both read back, with UTF-8 names', async () => {
    for (const store of [false, true]) {
      const { zip, chunks } = await write(files, store);
      expect(chunks).toBeGreaterThan(Object.keys(files).length);
      const unzipped = unzipSync(zip);
      expect(Object.keys(unzipped).toSorted()).toEqual(Object.keys(files).toSorted());
      for (const [path, data] of Object.entries(files)) expect(unzipped[path]).toEqual(data);
      const archive = await openZip(bytesSource(zip));
      expect(archive.entries.map((e) => e.path)).toEqual(Object.keys(files));
      for (const e of archive.entries) expect(await archive.read(e)).toEqual(files[e.path as keyof typeof files]);
    }
  });

  it('refuses unsafe and duplicate paths, and writes nothing for them', async () => {
    const chunks: Uint8Array[] = [];
    const w = new ZipWriter({ write: (c) => { chunks.push(c); } });
    for (const bad of ['../x.txt', '/etc/passwd', 'a\\b.txt', 'C:/x.txt', 'a//b.txt', 'a/./b.txt', '']) {
      await expect(w.add(bad, text('x'))).rejects.toBeInstanceOf(ZipPathError);
    }
    expect(chunks).toEqual([]);
    await w.add('a.txt', text('x'));
    await expect(w.add('a.txt', text('y'))).rejects.toThrow(/duplicate/);
  });

  it('waits for a slow sink before writing more', async () => {
    const order: string[] = [];
    const w = new ZipWriter({
      write: async () => {
        order.push('start');
        await new Promise((r) => setTimeout(r, 1));
        order.push('end');
      },
    });
    await w.add('a.txt', text('a'));
    await w.add('b.txt', text('b'));
    await w.finish();
    expect(order.join(',')).toMatch(/^start,end(,start,end)+$/);
  });
});
