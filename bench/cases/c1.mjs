// C1: the longest main-thread pause caused by storage compaction. DocStore (src/storage/docStore.ts) merges its
// update log into one update when a write would take it to COMPACT_THRESHOLD stored updates: it reads the log
// back, applies it to the document, encodes the whole state and writes it, all on the main thread. A 200-page
// referat with its typing history is stored so that, once the app has opened it, its log is one update short of
// the threshold; one keystroke in the app then compacts. Measured: the longest long task overlapping the compacting write (its transaction's start to completion);
// beside Y.encodeStateAsUpdate of the same document in the same page. A second keystroke (no compaction) is the control.
import { alternate } from '../alternate.mjs';
import { storageModules } from '../appModules.mjs';
import { injectTools, newToolsPage, withBenchBuild } from '../benchBuild.mjs';
import { makeBigReferat, openInApp, storeBigReferat } from '../browserReferat.mjs';
import { fmtMs } from '../format.mjs';
import { installKeyProbe, pressMeasured, readProbe } from '../keyProbe.mjs';
import { makeRow, medianOf } from '../rows.mjs';
import { median } from '../stats.mjs';

const TARGET_MS = 50;

/** Init script: notes each readwrite transaction on a referat-doc-* database (begun, completed), as K3 does. */
function watchDocWrites() {
  const w = /** @type {any} */ (window);
  w.__docWrites = [];
  const original = IDBDatabase.prototype.transaction;
  /** @type {(this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) => IDBTransaction} */
  const wrapped = function (storeNames, mode, options) {
    const tx = original.call(this, storeNames, mode, options);
    if (mode === 'readwrite' && this.name.startsWith('referat-doc-')) {
      const rec = { created: performance.now(), complete: /** @type {number | null} */ (null) };
      w.__docWrites.push(rec);
      tx.addEventListener('complete', () => (rec.complete = performance.now()));
    }
    return tx;
  };
  IDBDatabase.prototype.transaction = /** @type {IDBDatabase['transaction']} */ (wrapped);
}

/**
 * Page side: how many updates the referat's database holds.
 * @param {string} name
 * @returns {Promise<number>}
 */
function storedCount(name) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => {
      const db = req.result;
      const count = db.transaction(['updates'], 'readonly').objectStore('updates').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error);
    };
    req.onerror = () => reject(req.error);
  });
}

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const rounds = ctx.quick ? 1 : 3;
  const { COMPACT_THRESHOLD, docDatabaseName } = await storageModules();
  return withBenchBuild(ctx.dist, async ({ browser, url }) => {
    const context = await browser.newContext();
    try {
      await context.addInitScript(watchDocWrites);
      const page = await newToolsPage(context, url);
      const referat = await makeBigReferat(4000);
      const dbName = docDatabaseName(referat.id);
      /** @type {number[]} */
      const control = [];
      /** @type {number[]} */
      const writeMs = [];
      /** @type {number[]} */
      const afterCounts = [];

      /** Pauses (long tasks) from a keydown until the next referat-doc write begun after it completes. */
      const keyAndWrite = async () => {
        const before = (await readProbe(page)).keys.length;
        await pressMeasured(page, 'x');
        const probe = await readProbe(page);
        const key = probe.keys[before];
        if (!key) throw new Error('C1: the key was not seen');
        const done = await page.waitForFunction(
          (t) => /** @type {Array<{ created: number, complete: number | null }>} */ (/** @type {any} */ (window).__docWrites).find((w) => w.created >= t && w.complete !== null) ?? null,
          key.t,
          { polling: 20 },
        );
        const write = /** @type {{ created: number, complete: number }} */ (await done.jsonValue());
        // Long tasks are reported after they end: give the observer a moment.
        await page.waitForTimeout(200);
        // The storage's own work: tasks that end after its write transaction began and start before it completed
        // (the keystroke's editor work comes before the write begins).
        const tasks = (await readProbe(page)).longTasks.filter((t) => t.start + t.duration > write.created && t.start <= write.complete);
        return { longest: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0, writeMs: write.complete - key.t };
      };

      /**
       * Stores the referat with `extraEdits` updates after its first, opens it in the app, and returns how many
       * updates the database holds once the app has settled (the app may store some of its own on opening).
       * @param {number} extraEdits
       */
      const storeAndOpen = async (extraEdits) => {
        await page.goto(new URL('/bench/tools.html', url).toString());
        await page.waitForFunction(() => /** @type {any} */ (window).benchTools !== undefined);
        const { stored } = await storeBigReferat(page, referat, { extraEdits, fresh: true });
        if (stored !== extraEdits + 1) throw new Error(`C1: ${stored} updates stored, expected ${extraEdits + 1}`);
        await openInApp(page, url, referat);
        await page.evaluate(installKeyProbe, '.ProseMirror');
        await page.evaluate(() => {
          const w = /** @type {any} */ (window);
          const size = w.__probeEditor.state.doc.content.size;
          w.__probeSelect(size - 1, size - 1);
        });
        await page.waitForTimeout(1000);
        return page.evaluate(storedCount, dbName);
      };
      // How many updates the app stores by itself when it opens the referat, so the keystroke is the one that compacts.
      const onOpen = (await storeAndOpen(0)) - 1;
      ctx.log(`the app stores ${onOpen} update(s) of its own when it opens the referat`);
      const app = async () => {
        const before = await storeAndOpen(COMPACT_THRESHOLD - 2 - onOpen);
        if (before !== COMPACT_THRESHOLD - 1) throw new Error(`C1: the log holds ${before} updates before the keystroke, expected ${COMPACT_THRESHOLD - 1}`);
        const compacting = await keyAndWrite();
        const after = await page.evaluate(storedCount, dbName);
        // Compacted: one merged update, plus whatever the app stored after it.
        if (after >= before) throw new Error(`C1: after the keystroke the database holds ${after} updates, before ${before}: no compaction`);
        afterCounts.push(after);
        const plain = await keyAndWrite();
        control.push(plain.longest);
        writeMs.push(compacting.writeMs);
        return compacting.longest;
      };
      const floor = async () => {
        await injectTools(page).catch(() => undefined);
        return page.evaluate((b64) => {
          const tools = /** @type {any} */ (window).benchTools;
          const doc = tools.newReferatDoc();
          tools.Y.applyUpdate(doc, tools.fromBase64(b64));
          const ms = tools.time(() => tools.Y.encodeStateAsUpdate(doc));
          doc.destroy();
          return ms;
        }, referat.b64);
      };
      const samples = await alternate(rounds, app, floor, {
        gc: false,
        onRound: (r, a, f) => ctx.log(`round ${r + 1}/${rounds}: longest pause ${fmtMs(a)} (control ${fmtMs(control.at(-1))}), encodeStateAsUpdate ${fmtMs(f)}`),
      });
      const row = makeRow({
        id: 'C1',
        label: `longest main-thread pause from compaction, 200-page referat (${referat.blocks} blocks)`,
        unit: 'ms',
        app: medianOf(samples.app),
        floor: medianOf(samples.floor),
        floorLabel: 'Y.encodeStateAsUpdate of the same document, same page',
        rounds: `${rounds} + ${rounds} (ABBA), each a fresh log of ${COMPACT_THRESHOLD - 1} updates`,
        target: `no pause > ${TARGET_MS} ms`,
        met: null,
        note: '',
      });
      row.met = Math.max(...samples.app) <= TARGET_MS;
      row.note =
        `longest long task overlapping the compacting write (from its transaction's start to its completion, ${fmtMs(median(writeMs))} after the keydown); the same for the next keystroke's write (no compaction): ${median(control) === 0 ? 'no long task' : fmtMs(median(control))}; ` +
        `the log holds ${COMPACT_THRESHOLD - 1} updates before the keystroke (${onOpen} of them stored by the app on opening), ${Math.max(...afterCounts)} or fewer after (the merged state and the updates stored since)` +
        (row.met
          ? ''
          : ` — missed: DocStore.write compacts on the main thread: getAll, Y.applyUpdate of every stored update (the whole state again) into the open document, then Y.encodeStateAsUpdate of it, in one task`);
      return [row];
    } finally {
      await context.close();
    }
  });
}
