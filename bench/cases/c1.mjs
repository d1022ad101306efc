// C1: the longest main-thread pause caused by storage compaction. DocStore (src/storage/docStore.ts) merges its
// update log into one update when a write would take it to COMPACT_THRESHOLD stored updates: it reads the log
// back, merges it and writes it (src/storage/compactInWorker.ts: the merge in a Web Worker). A 200-page
// referat with its typing history is stored so that, once the app has opened it, its log is one update short of
// the threshold; one keystroke in the app then compacts. Measured: the longest long task from the start of that keystroke's write until the log has shrunk;
// beside Y.encodeStateAsUpdate of the same document in the same page. A second keystroke (no compaction) is the control.
import { alternate } from '../alternate.mjs';
import { storageModules } from '../appModules.mjs';
import { injectTools, newToolsPage, withBenchBuild } from '../benchBuild.mjs';
import { longReferatSize, makeBigReferat, openInApp, storeBigReferat } from '../browserReferat.mjs';
import { profileTop } from '../cpuProfile.mjs';
import { fmtMs } from '../format.mjs';
import { installKeyProbe, pressMeasured, readProbe } from '../keyProbe.mjs';
import { pollUntil } from '../poll.mjs';
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
  const rounds = ctx.quick ? 1 : 2;
  const { COMPACT_THRESHOLD, docDatabaseName } = await storageModules();
  return withBenchBuild(ctx.dist, async ({ browser, url }) => {
    const context = await browser.newContext();
    try {
      await context.addInitScript(watchDocWrites);
      const page = await newToolsPage(context, url);
      const size = longReferatSize(ctx);
      const referat = await makeBigReferat(size.paragraphs);
      const dbName = docDatabaseName(referat.id);
      /** @type {number[]} */
      const control = [];
      /** @type {number[]} */
      const writeMs = [];
      /** @type {number[]} */
      const afterCounts = [];
      /** @type {number[]} longest long task of any kind while compacting */
      const tasksDuring = [];
      /** @type {Array<{ ms: number, who: string, other: string }>} */
      const storageRuns = [];

      /**
       * Pauses (long tasks) while the storage handles a keystroke: from the start of the first referat-doc write
       * begun after the keydown until that write has completed, or, when `compacts`, until the log has shrunk
       * (compaction may take more than one transaction, and a worker); otherwise for at least `spanMs`.
       * @param {boolean} compacts
       * @param {number} logBefore
       * @param {number} [spanMs]
       */
      const keyAndWrite = async (compacts, logBefore, spanMs = 0) => {
        const before = (await readProbe(page)).keys.length;
        await pressMeasured(page, 'x');
        const key = (await readProbe(page)).keys[before];
        if (!key) throw new Error('C1: the key was not seen');
        const first = await page.waitForFunction(
          (t) => /** @type {Array<{ created: number, complete: number | null }>} */ (/** @type {any} */ (window).__docWrites).find((w) => w.created >= t && w.complete !== null) ?? null,
          key.t,
          { polling: 20 },
        );
        const write = /** @type {{ created: number, complete: number }} */ (await first.jsonValue());
        let end = Math.max(write.complete, write.created + spanMs);
        if (!compacts) await page.waitForFunction((t) => performance.now() > t, end, { polling: 20 });
        if (compacts) {
          await pollUntil(async () => (await page.evaluate(storedCount, dbName)) < logBefore, { timeoutMs: 60_000, intervalMs: 20, what: 'the log to shrink' });
          end = await page.evaluate(() => performance.now());
        }
        // Long tasks are reported after they end: give the observer a moment.
        await page.waitForTimeout(200);
        // The storage's work only: the keystroke's editor work comes before its write begins.
        const probe = await readProbe(page);
        const tasks = probe.longTasks.filter((t) => t.start + t.duration > write.created && t.start <= end);
        // Scripts in long frames run by IndexedDB or worker callbacks: the storage's own share of the pauses.
        const storage = probe.scripts.filter((sc) => sc.start + sc.duration > write.created && sc.start <= end && /IDB|Worker|message/i.test(sc.invoker));
        // DocStore's own callbacks are in its chunk (or name none); Dexie's, for the library index, are not.
        const own = (/** @type {import('../keyProbe.mjs').ScriptRun} */ sc) => sc.source === '' || /docStore|compact/i.test(sc.source);
        const top = storage.filter(own).toSorted((a, b) => b.duration - a.duration)[0];
        const other = storage.filter((sc) => !own(sc)).toSorted((a, b) => b.duration - a.duration)[0];
        return {
          longest: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
          storage: top ? top.duration : 0,
          storageWho: top ? `${top.invoker}${top.source ? ` → ${top.source}` : ''}` : '',
          other: other ? `${fmtMs(other.duration)} (${other.invoker} → ${other.source})` : 'none',
          writeMs: end - key.t,
          spanMs: end - write.created,
        };
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
        if (!(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')))) {
          throw new Error('C1 needs Long Animation Frame timing (Chromium 123 or newer) to tell the storage\'s pauses from others');
        }
        await page.evaluate(() => {
          const w = /** @type {any} */ (window);
          const size = w.__probeEditor.state.doc.content.size;
          w.__probeSelect(size - 1, size - 1);
        });
        await page.waitForTimeout(1000);
        return page.evaluate(storedCount, dbName);
      };
      // How many updates the app stores by itself when it opens the referat, so the keystroke is the one that
      // compacts: learnt from the first open (none expected), which is done again when it was not none.
      /** @type {number | null} */
      let onOpen = null;
      const fillAndOpen = async () => {
        const stored = COMPACT_THRESHOLD - 1 - (onOpen ?? 0);
        const before = await storeAndOpen(stored - 1);
        if (onOpen !== null) return before;
        onOpen = before - stored;
        ctx.log(`the app stores ${onOpen} update(s) of its own when it opens the referat`);
        return onOpen === 0 ? before : storeAndOpen(COMPACT_THRESHOLD - 2 - onOpen);
      };
      const app = async () => {
        const before = await fillAndOpen();
        if (before !== COMPACT_THRESHOLD - 1) throw new Error(`C1: the log holds ${before} updates before the keystroke, expected ${COMPACT_THRESHOLD - 1}`);
        const compacting = await keyAndWrite(true, before);
        const after = await page.evaluate(storedCount, dbName);
        // Compacted: one merged update, plus whatever the app stored after it.
        if (after >= before) throw new Error(`C1: after the keystroke the database holds ${after} updates, before ${before}: no compaction`);
        afterCounts.push(after);
        // The control: the next keystroke, whose write does not compact, watched for as long.
        const plain = await keyAndWrite(false, after, compacting.spanMs);
        control.push(plain.longest);
        tasksDuring.push(compacting.longest);
        writeMs.push(compacting.writeMs);
        storageRuns.push({ ms: compacting.storage, who: compacting.storageWho, other: compacting.other });
        return compacting.storage;
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
        label: `longest main-thread pause by the storage while compacting, ${size.pages}-page referat (${referat.blocks} blocks)`,
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
      const slowest = storageRuns.toSorted((a, b) => b.ms - a.ms)[0];
      row.note =
        `the figure is the longest script run by one of DocStore's IndexedDB or worker callbacks while compacting (Long Animation Frame script timing; callbacks naming no script counted too): ${slowest && slowest.ms > 0 ? `${fmtMs(slowest.ms)} (${slowest.who})` : 'none in a long frame'}; other IndexedDB callbacks meanwhile (the library index, Dexie): ${slowest?.other ?? 'none'}; ` +
        `longest long task of any kind from the start of the keystroke's write until the log has shrunk (${fmtMs(median(writeMs))} after the keydown): ${fmtMs(median(tasksDuring))}; over as long a stretch after the next keystroke's write (no compaction): ${median(control) === 0 ? 'no long task' : fmtMs(median(control))}; ` +
        `the log holds ${COMPACT_THRESHOLD - 1} updates before the keystroke (${onOpen} of them stored by the app on opening), ${Math.max(...afterCounts)} or fewer after (the merged state and the updates stored since)` +
        (row.met ? '' : ` — missed: ${(slowest?.ms ?? 0) > TARGET_MS ? 'the storage callbacks themselves pause the page' : 'no storage callback pauses it; the long tasks are the app\'s other work after a keystroke (about as long after one that does not compact)'}`);
      if (!row.met) {
        // What pauses the page after a keystroke in this referat: a CPU profile of one more keystroke and 1 s after it.
        const prof = await profileTop(page, async () => {
          await pressMeasured(page, 'y');
          await page.waitForTimeout(2500);
        });
        row.note += `; self time over one more keystroke + 2.5 s (${fmtMs(prof.totalMs)} busy): ${prof.top.map((f) => `${f.name} ${fmtMs(f.ms)}`).join(', ')}`;
      }
      return [row];
    } finally {
      await context.close();
    }
  });
}
