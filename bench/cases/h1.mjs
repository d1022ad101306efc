// H1: history of a referat whose body holds the whole seph-blog1 trace (one Yjs transaction per edit, gc off as the
// app keeps it). (a) Comparing the version at half the trace with the end (src/core/versionDiff.ts, authors from
// verified claims, tallied), against the floor the issue names: Y.createDocFromSnapshot of both plus toDelta of each
// text. (b) The version list: 20 named versions, verified (first time on this device), against reading the same
// entries without verifying. (c) The bytes a named version adds, beside the document's V2 state. (d) The bytes of
// the automatic versions a day of typing makes (a V2 snapshot at every pause of 2 minutes, as the app makes them,
// at most 200 kept), per version and in all, beside the V2 state.
import * as Y from 'yjs';
import { alternate, timeAsync, timeSync } from '../alternate.mjs';
import { coreModules, historyModules } from '../appModules.mjs';
import { fmtMs } from '../format.mjs';
import { newReferatWithParagraph, plainText } from '../referatFixture.mjs';
import { replay } from '../replay.mjs';
import { makeRow, medianOf, single } from '../rows.mjs';
import { createSigner } from '../signer.mjs';
import { loadTrace } from '../traces.mjs';

const VERSIONS = 20;
/** The app makes an automatic version after this long without edits (session/recordAutoVersion.ts, its caller). */
const AUTO_PAUSE_MS = 2 * 60 * 1000;
/** storage/autoVersions.ts MAX_AUTO_VERSIONS. */
const MAX_AUTO_VERSIONS = 200;
const WHO = { name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' };

/** Every Y.XmlText under `type`, depth first. */
function texts(/** @type {Y.XmlFragment | Y.XmlElement} */ type) {
  /** @type {Y.XmlText[]} */
  const out = [];
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) out.push(...texts(child));
  }
  return out;
}

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const core = await coreModules();
  const h = await historyModules();
  const trace = loadTrace('seph-blog1');
  const rounds = ctx.quick ? 3 : 7;

  // The referat: the trace typed into one paragraph, a snapshot at half way, named versions spread along it.
  const { doc, text } = newReferatWithParagraph(core);
  const half = Math.floor(trace.txns.length / 2);
  replay(trace, text, (fn) => doc.transact(fn), { to: half });
  const halfSnapshot = Y.snapshot(doc);
  replay(trace, text, (fn) => doc.transact(fn), { from: half });
  if (plainText(text) !== trace.endContent) throw new Error('H1: the replay does not reproduce endContent');
  const endSnapshot = Y.snapshot(doc);
  const body = core.bodyFragment(doc);
  ctx.log(`replayed ${trace.txns.length} txns`);

  // (a) Compare.
  let changes = 0;
  const compare = await alternate(
    rounds,
    async () => timeSync(() => {
      const diff = h.diffVersions(body, halfSnapshot, endSnapshot, h.versionAuthors(doc, new Map()));
      changes = h.tallyByAuthor(diff).reduce((n, t) => n + t.changes, 0);
    }),
    async () => timeSync(() => {
      for (const snap of [halfSnapshot, endSnapshot]) {
        const at = Y.createDocFromSnapshot(doc, snap);
        for (const t of texts(core.bodyFragment(at))) t.toDelta();
        at.destroy();
      }
    }),
    { onRound: (r, a, f) => ctx.log(`compare round ${r + 1}/${rounds}: app ${fmtMs(a)}, floor ${fmtMs(f)}`) },
  );
  const compareRow = makeRow({
    id: 'H1',
    label: `compare two versions of a referat holding the whole ${trace.name} trace (${trace.txns.length.toLocaleString('en-US')} edits)`,
    unit: 'ms',
    app: medianOf(compare.app),
    floor: medianOf(compare.floor),
    floorLabel: 'Y.createDocFromSnapshot of both versions plus toDelta of every text',
    rounds: `${rounds} + ${rounds} (ABBA)`,
    target: '≤ 2× the floor and ≤ 1 s',
    met: null,
    note: '',
    generatedInput: trace.generated,
  });
  compareRow.met = compareRow.ratioP50 !== null && compareRow.ratioP50 <= 2 && compareRow.app.p50 <= 1000;
  compareRow.note = `diffVersions (snapshot deltas with authors) + tallyByAuthor; ${changes.toLocaleString('en-US')} changes between the versions`;

  // (b) The version list: each round a copy with its own freshly signed versions, so no signature is known yet.
  const signer = await createSigner();
  const base = Y.encodeStateAsUpdate(doc);
  /** @type {Y.Doc[]} */
  const copies = [];
  for (let r = 0; r < rounds * 2; r++) {
    const copy = core.newReferatDoc();
    Y.applyUpdate(copy, base);
    for (let v = 0; v < VERSIONS; v++) await h.saveNamedVersion(copy, `Version ${r}.${v}`, WHO, signer, new Date(Date.UTC(2026, 2, 5, 9, v)));
    copies.push(copy);
  }
  let listed = 0;
  let ci = 0;
  let fi = 0;
  const list = await alternate(
    rounds,
    async () => timeAsync(async () => {
      listed = (await h.verifiedNamedVersions(/** @type {Y.Doc} */ (copies[ci++]))).length;
    }),
    async () => timeAsync(async () => {
      const copy = /** @type {Y.Doc} */ (copies[rounds + fi++]);
      copy.getArray('versions').toJSON();
    }),
  );
  if (listed !== VERSIONS) throw new Error(`H1: ${listed} of ${VERSIONS} named versions verified`);
  const listRow = makeRow({
    id: 'H1',
    label: `version list of that referat: ${VERSIONS} named versions, verified for the first time`,
    unit: 'ms',
    app: medianOf(list.app),
    floor: medianOf(list.floor),
    floorLabel: 'reading the same entries (toJSON) without verifying',
    rounds: `${rounds} + ${rounds} (ABBA)`,
    target: '≤ 300 ms',
    met: null,
    note: 'readNamedVersions + one WebCrypto verification per entry (verifiedNamedVersions); the panel lists approvals beside them',
    generatedInput: trace.generated,
  });
  listRow.met = listRow.app.p50 <= 300;

  // (c) Bytes: what one named version adds to the stored document, beside the whole V2 state.
  // The update the store writes for it (DocStore stores each update as Yjs emits it).
  let added = 0;
  const onUpdate = (/** @type {Uint8Array} */ u) => { added += u.byteLength; };
  doc.on('update', onUpdate);
  await h.saveNamedVersion(doc, 'Udkast sendt til leverandør', WHO, signer);
  doc.off('update', onUpdate);
  const state = Y.encodeStateAsUpdateV2(doc).byteLength;
  const bytesRow = makeRow({
    id: 'H1',
    label: 'bytes one named version adds (its signed entry with the snapshot)',
    unit: 'bytes',
    app: single(added),
    floor: single(state),
    floorLabel: 'the whole document as one V2 update (Y.encodeStateAsUpdateV2)',
    rounds: '1',
    target: 'context',
    met: null,
    note: `${(added / 1024).toFixed(1)} KiB per version against ${(state / 1024).toFixed(1)} KiB of state (${((added / state) * 100).toFixed(2)} %)`,
    generatedInput: trace.generated,
  });
  // (d) Automatic versions over the trace's own clock: a snapshot wherever the typist paused for 2 minutes.
  const { doc: dayDoc, text: dayText } = newReferatWithParagraph(core);
  /** @type {number[]} */
  const autoBytes = [];
  let lastTime = null;
  for (let i = 0; i < trace.txns.length; i++) {
    const txn = /** @type {{ time?: string }} */ (trace.txns[i]);
    const time = txn.time ? Date.parse(txn.time) : null;
    if (lastTime !== null && time !== null && time - lastTime >= AUTO_PAUSE_MS) autoBytes.push(Y.encodeSnapshotV2(Y.snapshot(dayDoc)).byteLength);
    replay(trace, dayText, (fn) => dayDoc.transact(fn), { from: i, to: i + 1 });
    if (time !== null) lastTime = time;
  }
  autoBytes.push(Y.encodeSnapshotV2(Y.snapshot(dayDoc)).byteLength); // the one made when the editing session closes
  const kept = autoBytes.slice(-MAX_AUTO_VERSIONS);
  const keptTotal = kept.reduce((n, b) => n + b, 0);
  const dayState = Y.encodeStateAsUpdateV2(dayDoc).byteLength;
  const perVersion = medianOf(kept);
  const autoRow = makeRow({
    id: 'H1',
    label: `bytes of the automatic versions a day of typing makes (${trace.name}, a version at each 2-minute pause)`,
    unit: 'bytes',
    app: single(keptTotal),
    floor: single(dayState),
    floorLabel: 'the whole document as one V2 update (Y.encodeStateAsUpdateV2)',
    rounds: '1',
    target: 'context',
    met: null,
    note: `${autoBytes.length} automatic versions (${kept.length} kept, at most ${MAX_AUTO_VERSIONS}); median ${(perVersion.p50 / 1024).toFixed(1)} KiB, last ${(((kept.at(-1) ?? 0)) / 1024).toFixed(1)} KiB per version; in all ${(keptTotal / 1024).toFixed(1)} KiB = ${(keptTotal / dayState).toFixed(2)}× the V2 state (${(dayState / 1024).toFixed(1)} KiB), on this device only`,
    generatedInput: trace.generated,
  });
  dayDoc.destroy();
  doc.destroy();
  for (const c of copies) c.destroy();
  return [compareRow, listRow, bytesRow, autoRow];
}
