// M1: importing a `.referat` file that holds a divergent copy of a 200-page referat — what the app does
// (encode this copy's state, fileImportDecode as the import worker runs it, apply its newUpdate) against
// applying the same update bytes with plain Yjs and encoding the result.
import * as Y from 'yjs';
import { alternate, collectGarbage, timeAsyncWithCpu, timeSyncWithCpu } from '../alternate.mjs';
import { coreModules, fileModules } from '../appModules.mjs';
import { BIG_REFERAT_ID, editCopy, typedBigReferat } from '../bigReferat.mjs';
import { fmtBytes, fmtMs } from '../format.mjs';
import { makeRow, medianOf } from '../rows.mjs';
import { createSigner } from '../signer.mjs';
import { median, ratio } from '../stats.mjs';

const TARGET = 1.5;
const PARAGRAPHS = 4000;
const SENDER = /** @type {const} */ ({ name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' });

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const core = await coreModules();
  const files = await fileModules();
  const rounds = ctx.quick ? 2 : 10;

  const big = typedBigReferat(core, { paragraphs: PARAGRAPHS }, ctx.cacheDir);
  ctx.log(`typed ${big.blocks} blocks, ${big.chars.toLocaleString('en-US')} chars in ${big.transactions.toLocaleString('en-US')} transactions (${fmtMs(big.typedMs)}${big.reused ? ', by an earlier case of this run' : ''})`);
  // The typed document, from its bytes, going on as the typing client: as if typed here.
  const a = core.newReferatDoc();
  a.clientID = big.clientID;
  Y.applyUpdate(a, big.update);
  const b = core.newReferatDoc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  editCopy(core, a, { seed: 21, edits: 40, added: 20, deletions: 10 });
  editCopy(core, b, { seed: 31, edits: 150, added: 120, deletions: 40 });
  const stateA = Y.encodeStateAsUpdate(a);
  const update = Y.encodeStateAsUpdate(b);
  const started = performance.now();
  const fileBytes = await files.encodeReferatFile({
    docId: BIG_REFERAT_ID,
    title: 'Styregruppe for drift af fagsystemer – samlet referat',
    sender: SENDER,
    signer: await createSigner(),
    stateVector: Y.encodeStateVector(b),
    base: null,
    update,
    now: new Date(),
  });
  ctx.log(`receiver state ${fmtBytes(stateA.length)}, file ${fmtBytes(fileBytes.length)} (encoded in ${fmtMs(performance.now() - started)})`);

  // The merged text both ways must agree with merging the two documents directly.
  const expected = core.newReferatDoc();
  Y.applyUpdate(expected, stateA);
  Y.applyUpdate(expected, update);
  const expectedBody = core.bodyFragment(expected).toString();
  expected.destroy();
  b.destroy();
  a.destroy();

  const receiver = () => {
    const doc = core.newReferatDoc();
    Y.applyUpdate(doc, stateA);
    return doc;
  };
  /** @param {Y.Doc} doc @param {string} who */
  const check = (doc, who) => {
    if (core.bodyFragment(doc).toString() !== expectedBody) throw new Error(`M1 ${who}: merged document differs from a direct merge`);
  };

  /** CPU time of each round, beside the wall time the row reports. */
  const cpu = { app: /** @type {number[]} */ ([]), floor: /** @type {number[]} */ ([]) };
  const app = async () => {
    const doc = receiver();
    collectGarbage();
    const t = await timeAsyncWithCpu(async () => {
      const currentState = Y.encodeStateAsUpdate(doc);
      const result = await files.fileImportDecode({ fileBytes, currentState, expectedDocId: BIG_REFERAT_ID, maxBytes: files.DEFAULT_MAX_REFERAT_FILE_BYTES });
      if (result.kind !== 'ok') throw new Error(`M1: import result ${result.kind}${result.kind === 'error' ? ` ${result.code}: ${result.detail}` : ''}`);
      Y.applyUpdate(doc, result.newUpdate, 'file-import');
    });
    check(doc, 'app');
    doc.destroy();
    cpu.app.push(t.cpu);
    return t.wall;
  };
  const floor = () => {
    const doc = receiver();
    collectGarbage();
    const t = timeSyncWithCpu(() => {
      Y.applyUpdate(doc, update);
      Y.encodeStateAsUpdate(doc);
    });
    check(doc, 'floor');
    doc.destroy();
    cpu.floor.push(t.cpu);
    return t.wall;
  };
  await app();
  floor();
  cpu.app.length = 0;
  cpu.floor.length = 0;
  const samples = await alternate(rounds, app, floor, {
    gc: false,
    onRound: (r, x, y) => ctx.log(`round ${r + 1}/${rounds}: app ${fmtMs(x)}, floor ${fmtMs(y)}`),
  });
  const passes = ctx.quick ? 1 : 3;
  /** @type {Map<string, number[]>} */
  const byStep = new Map();
  for (let i = 0; i < passes; i++) {
    collectGarbage();
    for (const [name, ms] of await phaseBreakdown(files, receiver(), fileBytes)) byStep.set(name, [...(byStep.get(name) ?? []), ms]);
  }
  /** @type {Array<[string, number]>} */
  const phases = [...byStep].map(([name, times]) => [name, median(times)]);
  ctx.log(`steps: ${phases.map(([n, ms]) => `${n} ${fmtMs(ms)}`).join(', ')}`);

  const row = makeRow({
    id: 'M1',
    label: `import a divergent ${PARAGRAPHS.toLocaleString('en-US')}-paragraph copy (${fmtBytes(fileBytes.length)} file)`,
    unit: 'ms',
    app: medianOf(samples.app),
    floor: medianOf(samples.floor),
    floorLabel: 'Y.applyUpdate of the same update bytes + Y.encodeStateAsUpdate',
    rounds: `${rounds} + ${rounds} (ABBA)`,
    target: `p50 ratio ≤ ${TARGET}×`,
    met: null,
    note: '',
  });
  row.met = row.ratioP50 !== null && row.ratioP50 <= TARGET;
  const top = phases.toSorted((x, y) => y[1] - x[1]).slice(0, 5);
  const cpuRatio = ratio(median(cpu.app), median(cpu.floor)) ?? NaN;
  row.note =
    `decode called in-process (the app runs it in a worker); receiver state ${fmtBytes(stateA.length)}; ` +
    `CPU time p50 ${fmtMs(median(cpu.app))} vs ${fmtMs(median(cpu.floor))} = ${cpuRatio.toFixed(2)}×; ` +
    `CPU time of the largest steps (median of ${passes} separate pass${passes === 1 ? '' : 'es'}): ${top.map(([n, ms]) => `${n} ${fmtMs(ms)}`).join(', ')}` +
    (row.met
      ? ''
      : ' — missed: on top of what the floor does (apply the whole update, encode), the app encodes this copy, reads its ' +
        'state vector back from those bytes, hashes and verifies the file, diffs the update against that state vector, ' +
        'decodes and checks the difference (FORMAT.md step 8), and applies it');
  return [row];
}

/**
 * The steps of one import, timed one by one (CPU time): fileImportDecode's own steps repeated outside it (parse and
 * hash, signature, this copy's state vector, the difference against it, decoding that difference), to see where the
 * time goes. Predicting its integration and finding meta.id writes walk the decoded difference's structs only.
 * @param {import('../appModules.mjs').FileModules} files
 * @param {Y.Doc} doc the receiving copy
 * @param {Uint8Array} fileBytes
 * @returns {Promise<Array<[string, number]>>}
 */
async function phaseBreakdown(files, doc, fileBytes) {
  /** @type {Array<[string, number]>} */
  const out = [];
  /** @type {Uint8Array} */
  let currentState = new Uint8Array();
  out.push(['encode receiver state', cpuOf(() => (currentState = Y.encodeStateAsUpdate(doc)))]);
  /** @type {import('../appModules.mjs').ParsedReferatFile | undefined} */
  let parsed;
  out.push(['parse + SHA-256', cpuOf(() => (parsed = files.parseReferatFile(fileBytes)))]);
  if (!parsed) throw new Error('unreachable');
  const p = parsed;
  out.push(['signature', await cpuOfAsync(() => files.verifyReferatFile(p))]);
  /** @type {Uint8Array} */
  let stateVector = new Uint8Array();
  out.push(['receiver state vector from its update', cpuOf(() => (stateVector = Y.encodeStateVectorFromUpdate(currentState)))]);
  /** @type {Uint8Array} */
  let newUpdate = new Uint8Array();
  out.push(['difference (Y.diffUpdate)', cpuOf(() => (newUpdate = Y.diffUpdate(p.update, stateVector)))]);
  out.push(['decode the difference', cpuOf(() => Y.decodeUpdate(newUpdate))]);
  out.push(['apply to receiver', cpuOf(() => Y.applyUpdate(doc, newUpdate))]);
  doc.destroy();
  return out;
}

/**
 * @param {() => unknown} fn
 * @returns {number} CPU ms
 */
function cpuOf(fn) {
  return timeSyncWithCpu(fn).cpu;
}

/**
 * @param {() => Promise<unknown>} fn
 * @returns {Promise<number>} CPU ms
 */
async function cpuOfAsync(fn) {
  return (await timeAsyncWithCpu(fn)).cpu;
}
