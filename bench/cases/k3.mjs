// K3: from a keystroke in the real editor until it is durable in IndexedDB: keydown to the `complete` event of
// the first readwrite transaction on the referat's `referat-doc-<id>` database begun after that keydown
// (observed by wrapping IDBDatabase.prototype.transaction in an init script; the app is not changed). The floor
// is the same keystroke into a plain input whose keydown handler adds the character to an IndexedDB store.
import { alternate } from '../alternate.mjs';
import { caretAfterMarker, markedBlock, newReferat, startMarkedParagraph, withBrowser } from '../browser.mjs';
import { sleep } from '../poll.mjs';
import { distribution, makeRow } from '../rows.mjs';

const TARGET_MS = 1000;
/** Between keystrokes: about 100 words a minute, a fast typist. */
const KEY_INTERVAL_MS = 100;
const KEYS_PER_ROUND = 10;
const FLOOR_INPUT_ID = 'bench-floor-input';
const MARKER = 'ZQXk';

/** @typedef {{ created: number, complete: number | null }} TxRecord */
/** @typedef {Window & { __benchTx: TxRecord[], __benchKeys: Array<{ t: number, floor: boolean }>, __benchFloorDone: number[] }} BenchWindow */

/**
 * Init script: records every readwrite transaction on a referat-doc-* database (begin and complete times), and
 * every keydown (capture phase, so before the editor sees it). Times are performance.now().
 */
function instrument() {
  const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
  w.__benchTx = [];
  w.__benchKeys = [];
  w.__benchFloorDone = [];
  const original = IDBDatabase.prototype.transaction;
  /** @type {(this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) => IDBTransaction} */
  const wrapped = function (storeNames, mode, options) {
    const tx = original.call(this, storeNames, mode, options);
    if (mode === 'readwrite' && this.name.startsWith('referat-doc-')) {
      /** @type {TxRecord} */
      const rec = { created: performance.now(), complete: null };
      w.__benchTx.push(rec);
      tx.addEventListener('complete', () => {
        rec.complete = performance.now();
      });
    }
    return tx;
  };
  IDBDatabase.prototype.transaction = /** @type {IDBDatabase['transaction']} */ (wrapped);
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key.length === 1) w.__benchKeys.push({ t: performance.now(), floor: e.target instanceof HTMLInputElement && e.target.id === 'bench-floor-input' });
    },
    true,
  );
}

/**
 * Page side of the floor: a plain input whose keydown handler writes the key to its own IndexedDB database.
 * @param {string} id
 */
async function addFloorInput(id) {
  const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('bench-floor');
    req.onupgradeneeded = () => req.result.createObjectStore('keys', { autoIncrement: true });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const input = document.createElement('input');
  input.id = id;
  input.setAttribute('aria-label', 'bench floor');
  input.addEventListener('keydown', (e) => {
    const tx = /** @type {IDBDatabase} */ (db).transaction(['keys'], 'readwrite');
    tx.objectStore('keys').add(e.key);
    tx.addEventListener('complete', () => w.__benchFloorDone.push(performance.now()));
  });
  document.body.append(input);
}

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const keys = ctx.quick ? 20 : 200;
  const rounds = keys / KEYS_PER_ROUND;
  return withBrowser(ctx.dist, async ({ browser, device }) => {
    const context = await browser.newContext();
    try {
      await context.addInitScript(instrument);
      const app = await device(context, { name: 'Mette Holm', organisation: 'Aarhus Kommune' });
      await newReferat(app);
      await startMarkedParagraph(app, MARKER);
      await app.waitUntilSaved();
      const page = app.page;
      await page.evaluate(addFloorInput, FLOOR_INPUT_ID);
      const letters = 'abcdefghijklmnopqrstuvwxyz';
      let typed = '';
      /** @param {boolean} floor */
      const typeRound = async (floor) => {
        if (floor) {
          await page.locator(`#${FLOOR_INPUT_ID}`).click();
        } else {
          await caretAfterMarker(app, MARKER);
        }
        await sleep(KEY_INTERVAL_MS);
        for (let i = 0; i < KEYS_PER_ROUND; i++) {
          const ch = letters[(typed.length + i) % letters.length] ?? 'a';
          await page.keyboard.press(ch);
          await sleep(KEY_INTERVAL_MS);
        }
        if (!floor) typed += Array.from({ length: KEYS_PER_ROUND }, (_, i) => letters[(typed.length + i) % letters.length]).join('');
        return 0;
      };
      // Warm-up round on each side, not recorded (a quick run goes without).
      if (!ctx.quick) {
        await typeRound(false);
        await typeRound(true);
      }
      const warmupText = typed;
      await sleep(500);
      const marks = await page.evaluate(() => {
        const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
        return { keys: w.__benchKeys.length, floorDone: w.__benchFloorDone.length };
      });
      await alternate(rounds, () => typeRound(false), () => typeRound(true), { gc: false, onRound: (r) => r % 5 === 4 && ctx.log(`round ${r + 1}/${rounds}`) });
      await sleep(1500);

      const data = await page.evaluate(() => {
        const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
        return { keys: w.__benchKeys, tx: w.__benchTx, floorDone: w.__benchFloorDone };
      });
      const measured = data.keys.slice(marks.keys);
      /** @type {number[]} */
      const appSamples = [];
      /** @type {number[]} */
      const floorSamples = [];
      let floorIndex = marks.floorDone;
      for (const k of measured) {
        if (k.floor) {
          const done = data.floorDone[floorIndex++];
          if (done === undefined) throw new Error('K3 floor: a keystroke was never written');
          floorSamples.push(done - k.t);
        } else {
          const durable = data.tx.filter((t) => t.created >= k.t && t.complete !== null).map((t) => /** @type {number} */ (t.complete));
          if (durable.length === 0) throw new Error('K3: a keystroke was never followed by a completed write');
          appSamples.push(Math.min(...durable) - k.t);
        }
      }
      if (appSamples.length !== keys || floorSamples.length !== keys) throw new Error(`K3: ${appSamples.length} app and ${floorSamples.length} floor samples, expected ${keys} each`);

      // Durable means it survives a reload: every typed character must come back from IndexedDB.
      await page.reload();
      await markedBlock(app, MARKER).waitFor();
      const text = await markedBlock(app, MARKER).innerText();
      if (text.trim() !== MARKER + typed || !typed.startsWith(warmupText)) {
        throw new Error(`K3: after a reload the typed paragraph reads ${JSON.stringify(text.slice(0, 120))}, not ${JSON.stringify((MARKER + typed).slice(0, 120))}`);
      }

      const row = makeRow({
        id: 'K3',
        label: 'keystroke → durable in IndexedDB',
        unit: 'ms',
        app: distribution(appSamples),
        floor: distribution(floorSamples),
        floorLabel: 'keydown in a plain input → its own IndexedDB add → complete, same page',
        rounds: `${keys} + ${keys} keys in rounds of ${KEYS_PER_ROUND} (ABBA), ${KEY_INTERVAL_MS} ms apart`,
        target: `p95 ≤ ${TARGET_MS} ms`,
        met: null,
        note: '',
      });
      row.met = row.app.p95 !== null && row.app.p95 <= TARGET_MS;
      row.note = `${data.tx.length} referat-doc writes seen; typed text verified after reload; 'complete' is what the page can observe of durability`;
      return [row];
    } finally {
      await context.close();
    }
  });
}
