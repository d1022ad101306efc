// A1: building the aktindsigt package of 1,000 referater in Node through the app's own package code
// (src/export/aktindsigtPackage.ts: HTML, DOCX, signed current-text .referat copy, journal, manifest, streamed
// ZIP), one referat opened at a time, against a floor that only decodes each stored update, re-encodes it and
// zips it with STORE (fflate, no compression). Time, and peak memory sampled after every referat and ZIP chunk.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Zip, ZipPassThrough } from 'fflate';
import * as Y from 'yjs';
import { alternate, collectGarbage } from '../alternate.mjs';
import { coreModules } from '../appModules.mjs';
import { danishMinutes } from '../danishMinutes.mjs';
import { fmtBytes, fmtMs } from '../format.mjs';
import { REPO_ROOT } from '../paths.mjs';
import { BENCH_CREATOR } from '../referatFixture.mjs';
import { makeRow, medianOf, single } from '../rows.mjs';
import { createSigner } from '../signer.mjs';

const REFERATER = 1000;
const PARAGRAPHS = 24;
/** Streaming means memory does not grow with the package: the peak heap growth stays under this. */
const HEAP_TARGET = 64 * 1024 * 1024;

/**
 * @typedef {object} PackageModule src/export/aktindsigtPackage.ts
 * @property {(input: {
 *   referater: AsyncIterable<{ id: string, doc: Y.Doc, trust: unknown }>, total: number, sink: { write(chunk: Uint8Array): void },
 *   lang: 'da' | 'en', includeHistory: boolean, selection: { party: string, from: string, to: string, text: string, status: 'any' },
 *   sender: import('../appModules.mjs').Profile, signer: import('../appModules.mjs').Signer,
 *   onProgress?: (p: { done: number, total: number, bytes: number }) => void,
 * }) => Promise<{ rows: unknown[], bytes: number, files: number }>} buildAktindsigtPackage
 */

/**
 * The trust check the app runs on each referat of a package (src/session/referatTrust.ts), with an empty key directory.
 * @returns {Promise<(doc: Y.Doc) => Promise<unknown>>}
 */
async function trustCheck() {
  const url = (/** @type {string} */ p) => pathToFileURL(path.join(REPO_ROOT, p)).href;
  const [trust, keys] = await Promise.all([import(/* @vite-ignore */ url('src/session/referatTrust.ts')), import(/* @vite-ignore */ url('src/core/knownKey.ts'))]);
  const dir = keys.keyDirectory([]);
  return (doc) => trust.referatTrustWith(doc, dir);
}

/**
 * The package builder is not among bench/appModules.mjs's loaders; it is loaded the same way (computed URL).
 * @returns {Promise<PackageModule>}
 */
async function packageModule() {
  return /** @type {PackageModule} */ (await import(/* @vite-ignore */ pathToFileURL(path.join(REPO_ROOT, 'src/export/aktindsigtPackage.ts')).href));
}

/** Peak RSS and heap seen by `sample()`, above the heap at `start`. */
function memorySampler() {
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  return {
    sample() {
      const m = process.memoryUsage();
      if (m.rss > rss) rss = m.rss;
      if (m.heapUsed > heap) heap = m.heapUsed;
    },
    result() {
      return { rss, heapGrowth: heap - base.heapUsed };
    },
  };
}

/**
 * 1,000 stored referater (their Yjs updates, as IndexedDB holds them): standard template, two parties, 24
 * paragraphs of generated Danish minutes, one paragraph typed and then deleted.
 * @param {import('../appModules.mjs').CoreModules} core
 */
function storedLibrary(core) {
  /** @type {Array<{ id: string, update: Uint8Array }>} */
  const out = [];
  for (let i = 0; i < REFERATER; i++) {
    const id = globalThis.crypto.randomUUID();
    const doc = core.newReferatDoc();
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    core.initReferat(doc, { id, title: `Driftsmøde ${i + 1}`, date: `2026-${month}-${day}`, createdAt: '2026-01-01T08:00:00.000Z', template: core.STANDARD_TEMPLATE, creator: BENCH_CREATOR });
    const body = core.bodyFragment(doc);
    const blocks = danishMinutes({ paragraphs: PARAGRAPHS, seed: i + 1 });
    doc.transact(() => {
      for (const b of blocks) {
        const el = new Y.XmlElement(b.kind === 'heading' ? 'heading' : 'paragraph');
        if (b.kind === 'heading') el.setAttribute('level', /** @type {never} */ (2));
        el.insert(0, [new Y.XmlText(b.text)]);
        body.insert(body.length, [el]);
      }
    });
    const draft = new Y.XmlElement('paragraph');
    doc.transact(() => {
      draft.insert(0, [new Y.XmlText('Udkast, der slettes igen: personoplysninger om en borger.')]);
      body.insert(body.length, [draft]);
    });
    doc.transact(() => body.delete(body.length - 1, 1));
    out.push({ id, update: Y.encodeStateAsUpdate(doc) });
    doc.destroy();
  }
  return out;
}

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const core = await coreModules();
  const pkg = await packageModule();
  const trustOf = await trustCheck();
  const signer = await createSigner();
  const rounds = ctx.quick ? 1 : 3;

  let started = performance.now();
  const library = storedLibrary(core);
  const storedBytes = library.reduce((n, r) => n + r.update.length, 0);
  ctx.log(`made ${REFERATER} referater, ${fmtBytes(storedBytes)} of updates (${fmtMs(performance.now() - started)})`);

  /** @type {number[]} */
  const appHeap = [];
  /** @type {number[]} */
  const floorHeap = [];
  /** @type {number[]} */
  const appRss = [];
  let packageBytes = 0;
  let packageFiles = 0;
  let floorBytes = 0;

  const app = async () => {
    collectGarbage();
    const mem = memorySampler();
    let bytes = 0;
    const start = performance.now();
    const result = await pkg.buildAktindsigtPackage({
      referater: (async function* () {
        for (const r of library) {
          const doc = core.newReferatDoc();
          Y.applyUpdate(doc, r.update);
          yield { id: r.id, doc, trust: await trustOf(doc) };
          doc.destroy();
        }
      })(),
      total: REFERATER,
      sink: { write: (chunk) => { bytes += chunk.length; mem.sample(); } },
      lang: 'da',
      includeHistory: false,
      selection: { party: '', from: '', to: '', text: '', status: 'any' },
      sender: BENCH_CREATOR,
      signer,
      onProgress: () => mem.sample(),
    });
    const ms = performance.now() - start;
    if (result.rows.length !== REFERATER || result.bytes !== bytes) throw new Error(`package incomplete: ${result.rows.length} rows, ${result.bytes} vs ${bytes} bytes`);
    packageBytes = bytes;
    packageFiles = result.files;
    const m = mem.result();
    appHeap.push(m.heapGrowth);
    appRss.push(m.rss);
    return ms;
  };

  const floor = async () => {
    collectGarbage();
    const mem = memorySampler();
    let bytes = 0;
    const start = performance.now();
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      bytes += chunk.length;
      mem.sample();
    });
    for (const r of library) {
      const doc = new Y.Doc({ gc: false });
      Y.applyUpdate(doc, r.update);
      const entry = new ZipPassThrough(`${r.id}.yjs`);
      zip.add(entry);
      entry.push(Y.encodeStateAsUpdate(doc), true);
      doc.destroy();
      mem.sample();
      // The app yields to the event loop between referater (async source and sink); so does the floor.
      await Promise.resolve();
    }
    zip.end();
    const ms = performance.now() - start;
    floorBytes = bytes;
    floorHeap.push(mem.result().heapGrowth);
    return ms;
  };

  started = performance.now();
  const samples = await alternate(rounds, app, floor, {
    gc: false,
    onRound: (r, x, y) => ctx.log(`round ${r + 1}/${rounds}: app ${fmtMs(x ?? NaN)}, floor ${fmtMs(y ?? NaN)}`),
  });
  ctx.log(`package ${fmtBytes(packageBytes)} in ${packageFiles} files; floor ZIP ${fmtBytes(floorBytes)} (${fmtMs(performance.now() - started)} in all)`);

  const maxHeap = Math.max(...appHeap);
  const time = makeRow({
    id: 'A1',
    label: `aktindsigt package of ${REFERATER.toLocaleString('en-US')} referater (${fmtBytes(packageBytes)} ZIP, ${packageFiles} files)`,
    unit: 'ms',
    app: medianOf(samples.app),
    floor: medianOf(samples.floor),
    floorLabel: 'decode each stored update, re-encode it, ZIP with STORE (fflate)',
    rounds: `${rounds} + ${rounds} (ABBA)`,
    target: 'none set; reported',
    met: null,
    note:
      `per referat the app also renders HTML and DOCX, re-encodes a garbage-collected current-text copy, signs it (ECDSA P-256), ` +
      `hashes every file (SHA-256 in JS) and deflates; ${fmtMs((samples.app[0] ?? 0) / REFERATER)} per referat in round 1`,
  });
  const memory = makeRow({
    id: 'A1',
    label: `peak heap growth while building it (largest of ${rounds}); peak RSS ${fmtBytes(Math.max(...appRss))}`,
    unit: 'bytes',
    app: single(maxHeap),
    floor: single(Math.max(...floorHeap)),
    floorLabel: 'the same for the floor',
    rounds: `${rounds} + ${rounds}`,
    target: `≤ ${fmtBytes(HEAP_TARGET)} (streamed, not held)`,
    met: maxHeap <= HEAP_TARGET,
    note: `sampled (process.memoryUsage) after every referat and ZIP chunk, from a collected heap; stored updates ${fmtBytes(storedBytes)} held by both sides throughout`,
  });
  return [time, memory];
}
