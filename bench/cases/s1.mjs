// S1: bytes a referat takes in IndexedDB (the app's DocStore, on fake-indexeddb) after a whole editing trace was
// typed into it keystroke by keystroke, and after 20 more opens without edits, against the smallest encoding of
// the same document (Y.encodeStateAsUpdateV2).
import { IDBFactory } from 'fake-indexeddb';
import * as Y from 'yjs';
import { coreModules, storageModules } from '../appModules.mjs';
import { fmtBytes, fmtMs } from '../format.mjs';
import { newReferatWithParagraph, plainText, typedText } from '../referatFixture.mjs';
import { replay } from '../replay.mjs';
import { makeRow, single } from '../rows.mjs';
import { ratio } from '../stats.mjs';
import { storedUpdateBytes } from '../storedBytes.mjs';
import { loadTrace, TRACE_NAMES } from '../traces.mjs';

const TARGET = 1.5;
const OPENS = 20;
/** Keystrokes between waits for the store: the app writes while the user types, this lets the writes catch up. */
const FLUSH_EVERY = 50;
/** A quick run types this many of the trace's transactions (800 writes: past the first compaction). */
const QUICK_TXNS = 40_000;

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const core = await coreModules();
  const { DocStore, docDatabaseName, COMPACT_THRESHOLD } = await storageModules();
  /** @type {import('../rows.mjs').Row[]} */
  const rows = [];
  // A quick run stores only the shorter trace.
  for (const name of ctx.quick ? TRACE_NAMES.filter((n) => n === 'seph-blog1') : TRACE_NAMES) {
    const trace = loadTrace(name);
    const txns = ctx.quick ? Math.min(QUICK_TXNS, trace.txns.length) : trace.txns.length;
    const expected = txns === trace.txns.length ? trace.endContent : prefixText(trace, txns);
    const typing = txns === trace.txns.length ? trace.name : `the first ${txns.toLocaleString('en-US')} of ${trace.name}'s ${trace.txns.length.toLocaleString('en-US')} txns (quick)`;
    const factory = new IDBFactory();
    const id = '5c0ffee0-1234-4abc-8def-0123456789ab';
    const dbName = docDatabaseName(id);
    const started = performance.now();

    // Created as createReferat does: the initialised document, stored once, closed.
    const created = newReferatWithParagraph(core, { id });
    const first = await DocStore.open(dbName, created.doc, factory);
    await first.close();
    created.doc.destroy();

    // Opened as a session does, then typed into, one Yjs transaction per trace transaction.
    const doc = core.newReferatDoc();
    const store = await DocStore.open(dbName, doc, factory);
    const text = typedText(core, doc);
    for (let from = 0; from < txns; from += FLUSH_EVERY) {
      replay(trace, text, (fn) => doc.transact(fn), { from, to: Math.min(from + FLUSH_EVERY, txns) });
      await store.flush();
    }
    await store.close();
    if (plainText(text) !== expected) throw new Error(`${trace.name}: typed text differs from the trace's text after ${txns} txns`);
    const afterTyping = await storedUpdateBytes(factory, dbName);
    const v2 = Y.encodeStateAsUpdateV2(doc).length;
    const v1 = Y.encodeStateAsUpdate(doc).length;
    ctx.log(`${typing}: typed in ${fmtMs(performance.now() - started)}, stored ${fmtBytes(afterTyping.bytes)} in ${afterTyping.count} updates; V2 state ${fmtBytes(v2)}`);

    // Opened again and again without edits: nothing may be added.
    for (let i = 0; i < OPENS; i++) {
      const again = core.newReferatDoc();
      const s = await DocStore.open(dbName, again, factory);
      await s.flush();
      await s.close();
      if (i === OPENS - 1 && plainText(typedText(core, again)) !== expected) throw new Error(`${trace.name}: reopened text differs`);
      again.destroy();
    }
    const afterOpens = await storedUpdateBytes(factory, dbName);
    const growth = afterOpens.bytes - afterTyping.bytes;
    doc.destroy();

    const row = makeRow({
      id: 'S1',
      label: `stored after typing ${typing} + ${OPENS} opens`,
      unit: 'bytes',
      app: single(afterOpens.bytes),
      floor: single(v2),
      floorLabel: 'Y.encodeStateAsUpdateV2 of the same document',
      rounds: '1 (deterministic)',
      target: `ratio ≤ ${TARGET}×, 0 B growth from ${OPENS} opens`,
      met: null,
      note: '',
      generatedInput: trace.generated,
    });
    row.met = row.ratioP50 !== null && row.ratioP50 <= TARGET && growth === 0;
    const v1Ratio = ratio(v1, v2) ?? 0;
    row.note =
      `after typing ${fmtBytes(afterTyping.bytes)}, after ${OPENS} opens ${fmtBytes(afterOpens.bytes)} (growth ${fmtBytes(growth)}); ` +
      `${afterOpens.count} updates stored (a merged V2 state and one V1 update per later change; compacted at ${COMPACT_THRESHOLD}) ≈ V2 state ${fmtBytes(v2)} + ${fmtBytes(afterOpens.bytes - v2)} log tail; ` +
      `the V1 state would be ${fmtBytes(v1)} (${v1Ratio.toFixed(2)}×)` +
      (row.met ? '' : ` — missed: the log holds ${fmtBytes(afterOpens.bytes - v2)} beyond the V2 state`);
    rows.push(row);
  }
  return rows;
}

/**
 * @param {import('../traces.mjs').Trace} trace
 * @param {number} txns
 * @returns {string} the trace's text after its first `txns` transactions, replayed into a bare Y.Text
 */
function prefixText(trace, txns) {
  const doc = new Y.Doc();
  const text = doc.getText('text');
  text.insert(0, trace.startContent);
  replay(trace, text, (fn) => doc.transact(fn), { to: txns });
  const out = text.toString();
  doc.destroy();
  return out;
}
