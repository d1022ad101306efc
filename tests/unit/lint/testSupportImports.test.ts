// src/testSupport holds helpers for tests only: no module the app is built from may import it.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');
const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.split(path.sep).includes('testSupport');

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(full)));
    else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('test helpers stay out of the app', () => {
  it('no app module in src imports src/testSupport', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      if (isTest(file)) continue;
      if (/from\s+['"][^'"]*testSupport\//.test(await readFile(file, 'utf8')) || /import\(\s*['"][^'"]*testSupport\//.test(await readFile(file, 'utf8'))) {
        offenders.push(path.relative(SRC, file));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('would catch one', () => {
    expect(/from\s+['"][^'"]*testSupport\//.test("import { createTestSigner } from '../testSupport/testSigner';")).toBe(true);
  });
});
