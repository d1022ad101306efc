// Copies as signed .referat files between two devices (two browser profiles): export, import, the copy
// ledger on both sides, and every kind of bad file refused with a clear message and nothing changed.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

async function importFile(app: ReferatApp, label: string, name: string, bytes: Buffer): Promise<string> {
  const before = await app.page.getByTestId('import-result').count();
  const input = app.page.getByLabel(label);
  if (bytes.length > 40 * 1024 * 1024) {
    // Playwright passes large files by path only.
    const dir = await mkdtemp(path.join(tmpdir(), 'referat-big-'));
    await writeFile(path.join(dir, name), bytes);
    await input.setInputFiles(path.join(dir, name));
    await rm(dir, { recursive: true, force: true });
  } else {
    await input.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  }
  const result = app.page.getByTestId('import-result').first();
  await expect.poll(() => app.page.getByTestId('import-result').count()).toBe(before + 1);
  await expect.poll(() => result.innerText(), { timeout: 20_000 }).not.toMatch(/^Læser /);
  return result.innerText();
}

async function snapshot(app: ReferatApp): Promise<{ dbs: string[]; titles: string[] }> {
  const dbs = await app.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('referat-doc-')).toSorted());
  await app.nav('Bibliotek');
  return { dbs, titles: await app.libraryTitles() };
}

describe('copies as .referat files', () => {
  const fx = useBrowserFixture();
  let a: ReferatApp;
  let b: ReferatApp;
  let docId = '';
  let good: { name: string; bytes: Buffer };
  const contexts: BrowserContext[] = [];
  // Both devices live through all the tests of this file, in order.
  const device = async () => {
    const c = await fx.browser.newContext({ acceptDownloads: true });
    contexts.push(c);
    return c;
  };
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  beforeAll(async () => {
    a = await ReferatApp.open(await device(), fx.server.url);
    await a.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    docId = await a.createReferat();
    await a.titleField.fill('Styregruppemøde 4');
    await a.typeAfter('Beslutninger', ': budgettet godkendes');
    await a.waitUntilSaved();
    good = await download(a.page, () => a.page.getByRole('button', { name: 'Eksportér kopi' }).click());
    b = await ReferatApp.open(await device(), fx.server.url);
    await b.setUpProfile({ name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' });
  });

  it('exports a signed copy, and the other device imports it after confirming the unknown signer', async () => {
    expect(good.name).toMatch(/^Styregruppemøde 4 .*\.referat$/);
    expect(good.bytes.subarray(0, 8).toString('latin1')).toBe('REFERAT\n');
    const first = await importFile(b, 'Importér referat', good.name, good.bytes);
    expect(first).toContain('underskrevet af en afsender, denne enhed ikke kender: Mette Holm (Aarhus Kommune), fingeraftryk');
    expect((await snapshot(b)).titles).toEqual([]);
    await b.page.getByRole('button', { name: 'Importér alligevel' }).click();
    await expect.poll(() => b.page.getByTestId('import-result').first().innerText(), { timeout: 20_000 }).toContain('er føjet til biblioteket');
    expect(await b.page.getByTestId('import-result').first().innerText()).toMatch(/Nye rettelser fra (.*, )?Mette Holm( og .*)?\./);
    await expect.poll(() => b.libraryTitles()).toEqual(['Styregruppemøde 4']);
    await b.page.getByRole('link', { name: 'Styregruppemøde 4' }).click();
    await expect.poll(() => b.editorText()).toBe(await a.editorText());

    // Dropping files anywhere on the app imports them too (here: twice the same file, already included).
    const dropped = await b.page.getByTestId('import-result').count();
    await b.page.evaluate((bytes) => {
      const dt = new DataTransfer();
      for (const name of ['a.referat', 'b.referat']) dt.items.add(new File([new Uint8Array(bytes)], name));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [...good.bytes]);
    await expect.poll(() => b.page.getByTestId('import-result').count()).toBe(dropped + 2);
    await expect.poll(() => b.page.getByTestId('import-result').allInnerTexts(), { timeout: 20_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/^a\.referat: .*allerede med/), expect.stringMatching(/^b\.referat: .*allerede med/)]),
    );

    // Importing the same file again changes nothing and says so.
    const again = await importFile(b, 'Importér kopi af dette referat', good.name, good.bytes);
    expect(again).toContain('er allerede med i din kopi. Intet er ændret.');
    await expect.poll(() => b.page.getByTestId('ledger-row').innerText()).toMatch(/Mette Holm.*Aarhus Kommune har alt, du har, pr\. /s);
  });

  it('sends back only what the other party is missing, and both ledgers end up agreeing', async () => {
    await b.typeAfter('Eventuelt', ': leverandøren sender tidsplan');
    await b.waitUntilSaved();
    // The counts follow typing within a second (CopiesPanel), so this waits longer than expect.poll's default.
    await expect.poll(() => b.page.getByTestId('ledger-row').innerText(), { timeout: 5000 }).toMatch(/Aarhus Kommune mangler dine seneste rettelser fra i dag: 3 ord i 1 afsnit/);
    const partial = await download(b.page, () => b.page.getByRole('button', { name: 'Eksportér det, Aarhus Kommune mangler' }).click());
    expect(partial.bytes.length).toBeLessThan(good.bytes.length);
    await expect.poll(() => b.page.getByTestId('ledger-row').innerText()).toContain('Du sendte en kopi');

    await a.goto(`/r/${docId}`);
    await a.editor.waitFor();
    const result = await importFile(a, 'Importér kopi af dette referat', partial.name, partial.bytes);
    expect(result).toContain('underskrevet af en afsender, denne enhed ikke kender: Bo Lund');
    await a.page.getByRole('button', { name: 'Importér alligevel' }).click();
    await expect.poll(() => a.page.getByTestId('import-result').first().innerText(), { timeout: 20_000 }).toMatch(/er importeret\. Nye rettelser fra (.*, )?Bo Lund\./);
    await expect.poll(() => a.editorText()).toContain('Eventuelt: leverandøren sender tidsplan');
    await expect.poll(() => a.page.getByTestId('ledger-row').innerText()).toMatch(/Bo Lund.*Systemhuset A\/S har alt, du har, pr\. /s);
    // A party that holds everything is offered nothing to export.
    expect(await a.page.getByTestId('ledger-row').getByRole('button').count()).toBe(0);

    // The municipality confirms what it holds with a full copy; the vendor then sees a full copy on the other side as well.
    const receipt = await download(a.page, () => a.page.getByRole('button', { name: 'Eksportér kopi', exact: true }).click());
    const ack = await importFile(b, 'Importér kopi af dette referat', receipt.name, receipt.bytes);
    expect(ack).toContain('er allerede med i din kopi');
    await expect.poll(() => b.page.getByTestId('ledger-row').innerText()).toMatch(/Mette Holm.*Aarhus Kommune har alt, du har, pr\. /s);
    expect(await b.editorText()).toBe(await a.editorText());
  });

  it('refuses every bad file with a clear message, and changes nothing', async () => {
    const bytes = good.bytes;
    const flip = (at: number) => {
      const c = Buffer.from(bytes);
      c[at] = (c[at] ?? 0) ^ 0x01;
      return c;
    };
    const headerLength = bytes.readUInt32BE(10);
    const updateStart = 14 + headerLength + 4;
    const newer = Buffer.from(bytes);
    newer.writeUInt16BE(2, 8);
    const otherDoc = Buffer.from(bytes.toString('latin1').replace(docId, '00000000-0000-4000-8000-000000000000'), 'latin1');
    let seed = 7;
    const random = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) & 0xff));
    const cases: Array<[string, Buffer, string]> = [
      ['tom.referat', Buffer.alloc(0), 'Filen er tom.'],
      ['tilfaeldig.referat', random, 'Det er ikke en .referat-fil.'],
      ['afkortet.referat', bytes.subarray(0, bytes.length - 100), 'Filen er ufuldstændig: den er afkortet.'],
      ['magi.referat', Buffer.concat([Buffer.from('REFERAX\n'), bytes.subarray(8)]), 'Det er ikke en .referat-fil.'],
      ['nyere.referat', newer, 'Filen er lavet med en nyere version af Referat.'],
      ['hoved.referat', flip(14 + 20), 'Filens oplysninger er beskadigede.'],
      ['indhold.referat', flip(updateStart + 10), 'Indholdet er ændret, efter filen blev underskrevet.'],
      ['underskrift.referat', flip(bytes.length - 5), 'Underskriften passer ikke'],
      ['andet-referat.referat', otherDoc, 'Filen hører til et andet referat.'],
      ['stor.referat', Buffer.alloc(51 * 1024 * 1024), 'Filen er for stor.'],
    ];

    await b.goto(`/r/${docId}`);
    await b.editor.waitFor();
    const text = await b.editorText();
    const before = await snapshot(b);
    await b.page.getByRole('link', { name: 'Styregruppemøde 4' }).click();
    await b.editor.waitFor();
    for (const [name, file, message] of cases) {
      const result = await importFile(b, 'Importér kopi af dette referat', name, file);
      expect(result, name).toContain(`${name}: ${message}`);
      expect(result, name).toContain('Intet er ændret.');
    }
    expect(await b.editorText()).toBe(text);
    expect(await snapshot(b)).toEqual(before);

    // In the library (no referat open), a file for an unknown referat that is damaged leaves no trace either.
    for (const [name, file, message] of cases.slice(0, 8)) {
      const result = await importFile(b, 'Importér referat', name, file);
      expect(result, name).toContain(message);
    }
    expect(await snapshot(b)).toEqual(before);
  });
});
