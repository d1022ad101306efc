// Injected storage faults (issue 14): a full disk, aborted transactions and a closed database at seeded random points
// while typing, importing, compacting and restoring. Each time: a visible message, the content kept and exportable,
// and after a reload without faults nothing corrupt: what was saved opens, and the library index agrees.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from '../../src/core/bodyText';
import { parseReferatFile } from '../../src/core/referatFile';
import { newReferatDoc } from '../../src/core/referatDoc';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';
import { injectedFaults, installFaultInjector, shownAlerts, startFaults, stopFaults, type FaultPlan } from './support/storageFaults';
import { indexDisagreements, readStoredLibrary, type StoredLibrary } from './support/storedLibrary';
import { backupZip, vendorCopies, type VendorCopy } from './support/vendorCopies';

const SEED = Number(process.env['FAULT_SEED'] ?? 1414);
const SAVE_FAILED = 'Ændringerne kunne ikke gemmes på enheden';
const MARKER = 'FEJL';

async function newApp(fx: ReturnType<typeof useBrowserFixture>): Promise<ReferatApp> {
  const context = await fx.newContext({ acceptDownloads: true });
  await installFaultInjector(context);
  const app = await ReferatApp.open(context, fx.server.url);
  await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
  return app;
}

/** A new referat whose last paragraph starts with the marker; typing at the end of the text goes after it. */
async function referatWithMarker(app: ReferatApp): Promise<string> {
  const id = await app.createReferat();
  await app.typeAtEnd('');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type(MARKER);
  await app.waitUntilSaved();
  return id;
}

/** Types at the end of the marker paragraph, the last block of the text (a click elsewhere may land in a form field). */
async function typeAfterMarker(app: ReferatApp, text: string): Promise<void> {
  await app.editor.locator('p', { hasText: MARKER }).last().click();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.type(text);
}

async function markedText(app: ReferatApp): Promise<string> {
  const block = app.editor.locator('p', { hasText: MARKER }).last();
  await block.waitFor();
  const text = (await block.innerText()).trim();
  return text.slice(text.indexOf(MARKER) + MARKER.length);
}

/** storage/docStore.ts compacts the log after a write once it holds this many entries. */
const COMPACT_AT = 500;

/** Adds `n` empty (valid, changeless) V1 updates to the referat's log in one transaction, as a long session leaves it. */
async function padLog(page: Page, referatId: string, n: number): Promise<void> {
  await page.evaluate(
    async ({ name, count }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error(`cannot open ${name}`));
      });
      try {
        const tx = db.transaction('updates', 'readwrite');
        for (let i = 0; i < count; i++) tx.objectStore('updates').add(new Uint8Array([0, 0]));
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error ?? new Error('aborted'));
        });
      } finally {
        db.close();
      }
    },
    { name: `referat-doc-${referatId}`, count: n },
  );
}

/** "Eksportér kopi", read back: the text of the signed copy. */
async function exportedText(app: ReferatApp): Promise<string> {
  const copy = await app.downloadCopy();
  const parsed = parseReferatFile(new Uint8Array(copy.bytes));
  const doc = newReferatDoc();
  Y.applyUpdate(doc, parsed.update);
  const text = bodyText(doc);
  doc.destroy();
  return text;
}

/** Waits (the app repairs the index at start) until the index agrees with the documents; returns what disagrees. */
async function settledLibrary(page: Page): Promise<{ lib: StoredLibrary; problems: string[] }> {
  const until = Date.now() + 10_000;
  for (;;) {
    const lib = await readStoredLibrary(page);
    const problems = indexDisagreements(lib);
    if (problems.length === 0 || Date.now() > until) return { lib, problems };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Each copy is in the library whole (title and last line) or not at all. */
function wholeOrAbsent(lib: StoredLibrary, copies: readonly VendorCopy[]): { present: VendorCopy[]; partial: string[] } {
  const present: VendorCopy[] = [];
  const partial: string[] = [];
  for (const c of copies) {
    const d = lib.documents.find((x) => x.id === c.docId && x.formatVersion > 0);
    if (!d) continue;
    if (d.title === c.title && d.text.includes(c.lastLine)) present.push(c);
    else partial.push(`${c.title}: ${JSON.stringify(d.title)}, ${d.entries} entries`);
  }
  return { present, partial };
}

const words = (seed: number, n: number) => {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return ['frist', 'drift', 'aftale', 'leverance', 'budget', 'møde', 'status', 'risiko'][s % 8];
  }).join(' ');
};

describe('storage faults', () => {
  const fx = useBrowserFixture();

  it('while typing: every failed write is shown, the text stays and exports, and after a reload nothing saved is lost', async () => {
    const app = await newApp(fx);
    await referatWithMarker(app);
    const plan: FaultPlan = { seed: SEED, rate: 0.4, kinds: ['quota', 'abort', 'putQuota'], databases: ['referat-doc-'] };
    await startFaults(app.page, plan);
    let typed = '';
    for (let burst = 0; burst < 8; burst++) {
      const text = ` ${words(SEED + burst, 3)}`;
      await typeAfterMarker(app, text);
      typed += text;
      await app.page.waitForTimeout(250);
    }
    // The text is all there, and "Eksportér kopi" carries it, while the disk still fails.
    expect(await markedText(app)).toBe(typed);
    expect(await exportedText(app)).toContain(MARKER + typed);
    const injected = await stopFaults(app.page);
    expect(injected.length).toBeGreaterThan(0);
    // Every write that failed was told: the alert appeared (a retry may have cleared it since).
    const alerts = await shownAlerts(app.page);
    expect(alerts.some((a) => a.includes(SAVE_FAILED))).toBe(true);
    // With the disk back, the retry saves everything (the app retries by itself; the button does it at once).
    const retry = app.page.getByRole('button', { name: 'Prøv igen' });
    if (await retry.isVisible()) await retry.click();
    await app.waitUntilSaved();
    await app.page.reload();
    expect(await markedText(app)).toBe(typed);
    const { problems } = await settledLibrary(app.page);
    expect(problems).toEqual([]);
  });

  it('while compacting: an aborted or full-disk compaction changes nothing, and the next one succeeds', async () => {
    const app = await newApp(fx);
    const id = await referatWithMarker(app);
    // A log as long as a long session leaves it: reopened, the first write is followed by a compaction.
    await padLog(app.page, id, COMPACT_AT);
    await app.page.reload();
    await markedText(app);
    const before = (await readStoredLibrary(app.page)).documents.find((d) => d.id === id);
    expect(before?.entries).toBeGreaterThan(COMPACT_AT);
    let typed = '';
    for (const kind of ['abort', 'quota', 'putQuota'] as const) {
      // One key: its write passes, the compaction right after it (the second readwrite transaction) fails.
      await startFaults(app.page, { seed: SEED, rate: 0, kinds: [kind], databases: ['referat-doc-'], pattern: [false, true] });
      const key = kind.charAt(0);
      await typeAfterMarker(app, key);
      typed += key;
      await expect.poll(async () => injectedFaults(app.page), { timeout: 10_000 }).toEqual([{ kind, database: `referat-doc-${id}`, nth: 2 }]);
      await app.waitUntilSaved();
      await stopFaults(app.page);
      // The log the failed compaction read is still whole: everything typed is stored, and comes back after a reload.
      await expect.poll(async () => (await readStoredLibrary(app.page)).documents.find((d) => d.id === id)?.text, { timeout: 10_000 }).toContain(`${MARKER}${typed}`);
      await app.page.reload();
      expect(await markedText(app)).toBe(typed);
    }
    // Without faults the next write compacts the whole log: one merged entry, plus one for each key stored after it.
    await typeAfterMarker(app, ' ok');
    await app.waitUntilSaved();
    await expect.poll(async () => (await readStoredLibrary(app.page)).documents.find((d) => d.id === id)?.entries ?? Infinity, { timeout: 15_000 }).toBeLessThanOrEqual(' ok'.length);
    await app.page.reload();
    expect(await markedText(app)).toBe(`${typed} ok`);
  });

  it('while importing: each file is merged whole or not at all, a failure is shown, and the index agrees afterwards', async () => {
    const app = await newApp(fx);
    const vendor = await vendorCopies();
    // The first copy confirms the vendor as a signer, without faults.
    const first = await vendor.copy('Styregruppemøde 1');
    expect(await app.importCopyFile('Importér referat', first)).toContain('er føjet til biblioteket');
    const copies: VendorCopy[] = [];
    for (let i = 2; i <= 7; i++) copies.push(await vendor.copy(`Styregruppemøde ${i}`, 30));
    await startFaults(app.page, { seed: SEED, rate: 0.3, kinds: ['quota', 'abort', 'putQuota', 'close'], databases: ['referat-doc-', 'referat-library'] });
    const results: string[] = [];
    for (const c of copies) results.push(await app.importCopyFile('Importér referat', c));
    const injected = await stopFaults(app.page);
    expect(injected.length).toBeGreaterThan(0);
    // Every file has a result line: merged, or a message saying it was not.
    for (const r of results) expect(r).toMatch(/er føjet til biblioteket|Intet er ændret/);

    await app.page.reload();
    await app.libraryTitles();
    const { lib, problems } = await settledLibrary(app.page);
    expect(problems).toEqual([]);
    expect(wholeOrAbsent(lib, copies).partial).toEqual([]);
    // Imported again without faults, every copy is there and opens.
    for (const c of copies) expect(await app.importCopyFile('Importér referat', c)).toMatch(/er føjet til biblioteket|er allerede med/);
    const after = await settledLibrary(app.page);
    expect(after.problems).toEqual([]);
    expect(wholeOrAbsent(after.lib, copies).present).toHaveLength(copies.length);
    const last = copies.at(-1) as VendorCopy;
    await app.goto(`/r/${last.docId}`);
    await app.editor.getByText(last.lastLine).waitFor();
    expect(await app.titleField.inputValue()).toBe(last.title);
  });

  it('while restoring: a failure is shown, each referat is whole or absent, and restoring again completes it', async () => {
    const app = await newApp(fx);
    const vendor = await vendorCopies();
    const copies: VendorCopy[] = [];
    for (let i = 1; i <= 4; i++) copies.push(await vendor.copy(`Driftsmøde ${i}`, 30));
    const zip = backupZip(copies);
    await app.navTo('Indstillinger');
    await startFaults(app.page, { seed: SEED + 1, rate: 0.3, kinds: ['quota', 'abort', 'putQuota', 'close'], databases: ['referat-doc-', 'referat-library'] });
    const said = await app.restoreBackup('sikkerhedskopi.zip', zip);
    const injected = await stopFaults(app.page);
    expect(injected.length).toBeGreaterThan(0);
    expect(said).toMatch(/^Gendannelsen er færdig|^Gendannelsen stoppede/);

    await app.goto('/');
    await app.libraryTitles();
    const { lib, problems } = await settledLibrary(app.page);
    expect(problems).toEqual([]);
    expect(wholeOrAbsent(lib, copies).partial).toEqual([]);
    expect(await app.restoreBackup('sikkerhedskopi.zip', zip)).toMatch(/^Gendannelsen er færdig/);
    const after = await settledLibrary(app.page);
    expect(after.problems).toEqual([]);
    expect(wholeOrAbsent(after.lib, copies).present).toHaveLength(copies.length);
    await app.nav('Bibliotek');
    expect((await app.libraryTitles()).toSorted()).toEqual(copies.map((c) => c.title).toSorted());
  });

  it('a connection closed under the app is opened again: the text is saved without a message or a reload', async () => {
    const app = await newApp(fx);
    await referatWithMarker(app);
    await startFaults(app.page, { seed: SEED, rate: 0, kinds: ['close'], databases: ['referat-doc-'], pattern: [true] });
    await typeAfterMarker(app, ' lukket forbindelse');
    await expect.poll(() => app.page.getByText('Gemt på enheden').isVisible(), { timeout: 8000 }).toBe(true);
    expect(await stopFaults(app.page)).toEqual([{ kind: 'close', database: expect.stringMatching(/^referat-doc-/), nth: 1 }]);
    await app.page.reload();
    expect(await markedText(app)).toBe(' lukket forbindelse');
    const { problems } = await settledLibrary(app.page);
    expect(problems).toEqual([]);
  });

  it('a connection that closes again as it is reopened: the message shows, the text exports, and "Prøv igen" saves once the disk is back', async () => {
    const app = await newApp(fx);
    await referatWithMarker(app);
    // Every connection closes as it opens, automatic retries (every 3 s) included, until the faults stop.
    await startFaults(app.page, { seed: SEED, rate: 1, kinds: ['close'], databases: ['referat-doc-'] });
    await typeAfterMarker(app, ' lukket forbindelse');
    await app.page.getByRole('alert').filter({ hasText: SAVE_FAILED }).waitFor();
    expect(await exportedText(app)).toContain(`${MARKER} lukket forbindelse`);
    const faults = await stopFaults(app.page);
    expect(faults.length).toBeGreaterThanOrEqual(2);
    expect(new Set(faults.map((f) => f.kind))).toEqual(new Set(['close']));
    // An automatic retry may win the race with the click; either way the text is saved without a reload.
    const retry = app.page.getByRole('button', { name: 'Prøv igen' });
    if (await retry.isVisible()) await retry.click().catch(() => undefined);
    await expect.poll(() => app.page.getByText('Gemt på enheden').isVisible(), { timeout: 8000 }).toBe(true);
    await app.page.reload();
    expect(await markedText(app)).toBe(' lukket forbindelse');
  });

  it('an import whose referat cannot be written: the failure is shown, and the library lists nothing that does not open', async () => {
    const app = await newApp(fx);
    const vendor = await vendorCopies();
    const first = await vendor.copy('Styregruppemøde 1');
    expect(await app.importCopyFile('Importér referat', first)).toContain('er føjet til biblioteket');
    const copy = await vendor.copy('Styregruppemøde 2', 30);
    // A full disk for the referat's own database; the library database still writes.
    await startFaults(app.page, { seed: SEED, rate: 1, kinds: ['quota'], databases: ['referat-doc-'] });
    const said = await app.importCopyFile('Importér referat', copy);
    await stopFaults(app.page);
    expect(said).toContain('Styregruppemøde 2.referat');
    expect(said).not.toContain('er føjet til biblioteket');
    // A full disk is not a bad file: the message says what happened to the import.
    expect(said).not.toContain('kunne ikke læses');
    expect(said).toMatch(/gemt midlertidigt i browseren|ikke plads på enheden/);
    const now = await settledLibrary(app.page);
    expect(now.problems).toEqual([]);
    await app.page.reload();
    const later = await settledLibrary(app.page);
    expect(later.problems).toEqual([]);
    // Whatever the library lists opens, whole.
    const openedTitle = async () => {
      await app.goto(`/r/${copy.docId}`);
      await app.editor.getByText(copy.lastLine).waitFor();
      return app.titleField.inputValue();
    };
    const listed = later.lib.index.some((r) => r.id === copy.docId);
    expect(listed ? await openedTitle() : copy.title).toBe(copy.title);
    expect(wholeOrAbsent(later.lib, [copy]).partial).toEqual([]);
  });
});
