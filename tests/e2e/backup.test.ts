// Sikkerhedskopi: back up the whole library, restore it into an empty browser profile and find identical
// documents (same text, same Yjs state); a bad restore file is refused with a clear message and changes nothing.
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

/** A referat as stored in this browser: every stored update of its IndexedDB database, merged. */
async function storedDoc(page: Page, id: string): Promise<Y.Doc> {
  const updates = await page.evaluate(
    (name) =>
      new Promise<{ v2: boolean; bytes: number[] }[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const get = open.result.transaction('updates').objectStore('updates').getAll();
          get.onsuccess = () => {
            // Storage layout 2 (docs/FORMAT.md): { v2: bytes } entries, or a bare V1 update from an earlier version.
            resolve((get.result as (Uint8Array | { v2: Uint8Array })[]).map((u) => (u instanceof Uint8Array ? { v2: false, bytes: [...u] } : { v2: true, bytes: [...u.v2] })));
            open.result.close();
          };
        };
      }),
    `referat-doc-${id}`,
  );
  const doc = new Y.Doc({ gc: false });
  for (const u of updates) (u.v2 ? Y.applyUpdateV2 : Y.applyUpdate)(doc, new Uint8Array(u.bytes));
  return doc;
}

async function docDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('referat-doc-')).toSorted());
}

describe('backup and restore of the whole library', () => {
  const fx = useBrowserFixture();

  it('restores a backup into a new browser profile: the same referater, text and Yjs state, the trash kept', async () => {
    const a = await ReferatApp.open(await fx.newContext({ acceptDownloads: true }), fx.server.url);
    await a.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    const first = await a.createReferat();
    await a.titleField.fill('Driftsmøde 1');
    await a.typeAfter('Beslutninger', ': servicevinduet flyttes til søndag');
    await a.waitUntilSaved();
    await a.nav('Bibliotek');
    const second = await a.createReferat();
    await a.titleField.fill('Styregruppemøde 2');
    await a.typeAfter('Eventuelt', ': intet');
    await a.waitUntilSaved();
    const texts = { [first]: '', [second]: await a.editorText() };
    await a.goto(`/r/${first}`);
    await a.editor.waitFor();
    texts[first] = await a.editorText();
    // The second one goes to the trash: a backup holds it too, and a restore puts it back there.
    await a.goto(`/r/${second}`);
    await a.page.getByRole('button', { name: 'Flyt til papirkurv' }).click();
    await a.page.getByText('Referatet er flyttet til papirkurven.').waitFor();

    const backup = await a.saveBackup();
    expect(backup.name).toMatch(/^referat-sikkerhedskopi \d{4}-\d{2}-\d{2}\.zip$/);
    expect(await a.page.getByTestId('backup-status').innerText()).toMatch(/^Sikkerhedskopien er gemt: 2 referater/);
    const before = { [first]: await storedDoc(a.page, first), [second]: await storedDoc(a.page, second) };

    // A wiped browser profile: a new context, a new person, an empty library.
    const b = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await b.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    expect(await docDatabases(b.page)).toEqual([]);
    const summary = await b.restoreBackup(backup.name, backup.bytes);
    expect(summary).toBe('Gendannelsen er færdig: 2 nye, 0 opdaterede, 0 var allerede opdaterede, 0 afvist.');
    expect((await b.page.getByTestId('restore-rows').innerText()).split('\n').toSorted()).toEqual(['Driftsmøde 1: nyt i biblioteket', 'Styregruppemøde 2: nyt i biblioteket']);
    expect(await b.page.getByText(/^Sikkerhedskopien er lavet .* af Mette Holm \(Aarhus Kommune\), nøgle/).count()).toBe(1);

    for (const id of [first, second]) {
      const restored = await storedDoc(b.page, id);
      const original = before[id] ?? new Y.Doc();
      expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(original));
      expect(Y.equalSnapshots(Y.snapshot(restored), Y.snapshot(original))).toBe(true);
      expect(restored.getXmlFragment('body').toString()).toBe(original.getXmlFragment('body').toString());
    }
    await b.nav('Bibliotek');
    expect(await b.libraryTitles()).toEqual(['Driftsmøde 1']);
    await b.nav('Papirkurv');
    await expect.poll(() => b.page.locator('.trash-list li').allInnerTexts()).toEqual([expect.stringContaining('Styregruppemøde 2')]);
    for (const id of [first, second]) {
      await b.goto(`/r/${id}`);
      await b.editor.waitFor();
      await expect.poll(() => b.editorText()).toBe(texts[id]);
    }

    // Restoring again adds nothing.
    expect(await b.restoreBackup(backup.name, backup.bytes)).toBe('Gendannelsen er færdig: 0 nye, 0 opdaterede, 2 var allerede opdaterede, 0 afvist.');
  });

  it('refuses a bad restore file with a clear message and changes nothing', async () => {
    const app = await ReferatApp.open(await fx.newContext({ acceptDownloads: true }), fx.server.url);
    await app.setUpProfile({ name: 'Bo Lund', organisation: 'Systemhuset A/S', kind: 'Leverandør' });
    await app.createReferat();
    await app.titleField.fill('Bliver som det er');
    await app.waitUntilSaved();
    const backup = await app.saveBackup();
    const dbs = await docDatabases(app.page);

    const cases: Array<[string, Buffer, string]> = [
      ['flugt.zip', Buffer.from(zipSync({ '../../evil.referat': new Uint8Array(20) })), 'ZIP-filen har filstier, der peger uden for mappen'],
      ['afkortet.zip', backup.bytes.subarray(0, Math.floor(backup.bytes.length / 2)), 'ZIP-filen er ufuldstændig: den er afkortet.'],
      ['bombe.zip', Buffer.from(zipSync({ 'bombe.referat': new Uint8Array(8 * 1024 * 1024) }, { level: 9 })), 'unaturligt tæt (en mulig zip-bombe)'],
      ['tekst.zip', Buffer.from('ikke en zip-fil'), 'Det er ikke en ZIP-fil.'],
    ];
    for (const [name, bytes, message] of cases) {
      const said = await app.restoreBackup(name, bytes);
      expect(said, name).toContain(message);
      expect(said, name).toMatch(/^Filen kan ikke gendannes: .* Intet er ændret\.$/);
      expect(await docDatabases(app.page)).toEqual(dbs);
    }
    await app.nav('Bibliotek');
    expect(await app.libraryTitles()).toEqual(['Bliver som det er']);
  });
});
